package io.clipsearch.model.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the files of a pull: the repository's tree from the Hub's tree API ({@code
 * /api/models/{repo}/tree/{revision}?recursive=true}, following {@code Link: rel="next"} pages),
 * checked against {@link ModelLayout} and narrowed to the files it wants. Thread-safe.
 */
final class HubListing {

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  private final HubClient hub;
  private final ObjectMapper json = new ObjectMapper();

  HubListing(HubClient hub) {
    this.hub = hub;
  }

  /**
   * The layout's files in the repository, smallest first so a bad repository fails fast.
   *
   * @throws ModelDownloadException if the listing fails or is malformed, or the repository lacks a
   *     file the layout requires
   */
  List<HubFile> wantedFiles(PullTarget target) throws ModelDownloadException {
    KnownModel model = target.model();
    List<HubFile> all = new ArrayList<>();
    URI page =
        URI.create(
            hub.baseUrl()
                + "/api/models/"
                + model.repo()
                + "/tree/"
                + model.revision()
                + "?recursive=true");
    while (page != null) {
      HttpResponse<InputStream> response = hub.get(page, 0, target);
      hub.expectOk(response, "list " + model.repo(), target);
      try (InputStream body = response.body()) {
        all.addAll(HubFile.parseTree(json.readTree(body)));
      } catch (IOException | IllegalArgumentException e) {
        throw new ModelDownloadException(
            Reason.HTTP_ERROR,
            "unexpected file list for " + model.repo() + " from " + page + ": " + e.getMessage(),
            e);
      }
      page = nextPage(response.headers().allValues("Link"), page);
    }
    List<String> missing = ModelLayout.missingFrom(all.stream().map(HubFile::path).toList());
    if (!missing.isEmpty()) {
      throw new ModelDownloadException(
          Reason.LAYOUT,
          target.repoAtRevision()
              + " is not a CLIP model in the expected layout: it lacks "
              + String.join(", ", missing)
              + " (see models/README.md)");
    }
    return all.stream()
        .filter(f -> ModelLayout.wanted(f.path()))
        .sorted(Comparator.comparingLong(HubFile::size).thenComparing(HubFile::path))
        .toList();
  }

  /**
   * The {@code rel="next"} page named by {@code Link} headers, resolved against the current one;
   * null if none.
   */
  static URI nextPage(List<String> linkHeaders, URI current) {
    for (String link : linkHeaders) {
      Matcher m = NEXT_LINK.matcher(link);
      if (m.find()) {
        return current.resolve(m.group(1));
      }
    }
    return null;
  }
}
