package io.clipsearch.search;

import io.clipsearch.index.ImageFacts;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Says what of an image a query's keywords matched: the file name, its folder's name, one of the
 * person's XMP keywords or the XMP title or description, the camera (make, model, lens) or one tag,
 * in that order, each only when it holds <em>every</em> keyword of the query (as the index analyzes
 * them: {@link KeywordAnalyzer}). All-terms matching is what makes {@code IMG_1417} match only
 * {@code IMG_1417.jpg} and not every {@code IMG_…} file, and {@code gas pump} match the folder
 * {@code gas_pump} but not {@code gas_station}. Ancestor folders above the image's own folder do
 * not count: every image under {@code /home/ann/work} shares them. Thread-safe.
 */
public final class TextMatcher {

  private final KeywordAnalyzer analyzer;

  public TextMatcher(KeywordAnalyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /** The query's keyword terms, as the index analyzes them (empty: nothing to match). */
  public Set<String> terms(String keywords) {
    return Set.copyOf(analyzer.terms(keywords));
  }

  /** What of the document holds every term, strongest first; empty if nothing does. */
  public Optional<MatchedBy> match(ImageFacts doc, Set<String> terms) {
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    if (holds(doc.path().getFileName().toString(), terms)) {
      return Optional.of(MatchedBy.NAME);
    }
    Path folder = doc.path().getParent() == null ? null : doc.path().getParent().getFileName();
    if (folder != null && holds(folder.toString(), terms)) {
      return Optional.of(MatchedBy.FOLDER);
    }
    if (doc.metadata().xmp().words().stream().anyMatch(w -> holds(w, terms))) {
      return Optional.of(MatchedBy.KEYWORD);
    }
    String camera =
        String.join(
            " ",
            doc.metadata().cameraMake().orElse(""),
            doc.metadata().cameraModel().orElse(""),
            doc.metadata().lens().orElse(""));
    if (holds(camera, terms)) {
      return Optional.of(MatchedBy.CAMERA);
    }
    List<String> tags = doc.tags();
    return tags.stream().anyMatch(t -> holds(t, terms))
        ? Optional.of(MatchedBy.TAG)
        : Optional.empty();
  }

  private boolean holds(String text, Set<String> terms) {
    return new HashSet<>(analyzer.terms(text)).containsAll(terms);
  }
}
