package io.clipsearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Locates {@code ../shared} (fixtures, datasets, sample images) beside the checkout.
 *
 * <p>Tests that need it call one of these methods; where the folder is absent (a user's laptop) the
 * test is skipped with a message saying so, never failed.
 */
public final class SharedFixtures {

  private SharedFixtures() {}

  /** The shared folder, or a skipped test if it is not there. */
  public static Path root() {
    Path root = locate();
    assumeTrue(
        root != null,
        "../shared is not beside this checkout (set -Dclipsearch.shared=DIR): test skipped");
    return root;
  }

  /** A path under {@code ../shared}, or a skipped test if it is not there. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), p + " is missing: test skipped");
    return p;
  }

  /** {@code ../shared/clip-fixtures/<relative>}. */
  public static Path clipFixture(String relative) {
    return path("clip-fixtures/" + relative);
  }

  /** The JPEGs of {@code ../shared/sample-images}, sorted by path, hidden files left out. */
  public static List<Path> sampleJpegs() throws IOException {
    try (Stream<Path> files = Files.walk(path("sample-images"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jpg"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * Copies the first {@code count} {@link #sampleJpegs} into {@code dir} (made if missing) under
   * their own names: a card of photos for a test to index.
   */
  public static void copySampleJpegs(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    for (Path jpeg : sampleJpegs().subList(0, count)) {
      Files.copy(jpeg, dir.resolve(jpeg.getFileName()));
    }
  }

  /**
   * A test server's settings: the tiny-clip model, the data folder, and the token ({@code ""}: one
   * generated into the data folder).
   */
  public static Map<String, String> tinyClipServer(Path data, String token) {
    return Map.of(
        "clipsearch.model.dir", tinyClip().toString(),
        "clipsearch.data.dir", data.toString(),
        "clipsearch.auth.token", token);
  }

  /** The tiny-clip fixture model folder. */
  public static Path tinyClip() {
    return clipFixture("tiny-clip");
  }

  private static Path locate() {
    String configured = System.getProperty("clipsearch.shared");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    // walk up from the working directory: tests run in a module folder, ../shared sits beside the
    // repo
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("clip-fixtures"))) {
        return candidate.normalize();
      }
    }
    return null;
  }
}
