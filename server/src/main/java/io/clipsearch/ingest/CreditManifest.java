package io.clipsearch.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@code MANIFEST.tsv} that credits the photos of a folder, in the sample set's format: a header
 * line of tab-separated column names with at least {@code file} and {@code license} ({@code source}
 * optional, other columns ignored), then one line per photo, its {@code file} relative to the
 * manifest's folder with {@code /} between names.
 *
 * <p>A photo's credit joins, with " · ", its author where the file name follows the {@code
 * Title_by_Author.jpg} convention of the Debian wallpapers ("Bridge by Sander Klootwijk"), its
 * license and its source. Immutable and thread-safe.
 */
public final class CreditManifest {

  /** The file name a folder's manifest has. */
  public static final String FILE_NAME = "MANIFEST.tsv";

  private static final Pattern TITLE_BY_AUTHOR = Pattern.compile("(.+?)_by_(.+)");

  private final Map<String, String> credits;

  private CreditManifest(Map<String, String> credits) {
    this.credits = Map.copyOf(credits);
  }

  /**
   * Parses a manifest's text.
   *
   * @throws IllegalArgumentException if its header has no {@code file} or no {@code license} column
   */
  public static CreditManifest parse(String text) {
    List<String> lines = text.lines().toList();
    List<String> header =
        lines.isEmpty()
            ? List.of()
            : Stream.of(lines.getFirst().split("\t", -1)).map(String::strip).toList();
    int file = column(header, "file");
    int license = column(header, "license");
    int source = header.indexOf("source");
    Map<String, String> credits = new HashMap<>();
    for (String line :
        lines.subList(1, lines.size())) { // the header exists: its columns were found
      String[] f = line.split("\t", -1);
      if (f.length > Math.max(file, license) && !f[file].isBlank()) {
        String name = f[file].strip();
        String from = source >= 0 && source < f.length ? f[source].strip() : "";
        String credit =
            Stream.of(author(name), f[license].strip(), from)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" · "));
        credits.putIfAbsent(name, credit);
      }
    }
    return new CreditManifest(credits);
  }

  /**
   * The credit of {@code file} (relative to the manifest's folder, {@code /}-separated), if listed.
   */
  public Optional<String> credit(String file) {
    return Optional.ofNullable(credits.get(Objects.requireNonNull(file, "file")));
  }

  private static int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          FILE_NAME + " has no '" + name + "' column in its header " + header);
    }
    return i;
  }

  /** "Title by Author" from {@code dir/Title_by_Author.jpg}, else empty. */
  static String author(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    Matcher m = TITLE_BY_AUTHOR.matcher(dot > 0 ? name.substring(0, dot) : name);
    return m.matches() ? m.group(1).replace('_', ' ') + " by " + m.group(2).replace('_', ' ') : "";
  }
}
