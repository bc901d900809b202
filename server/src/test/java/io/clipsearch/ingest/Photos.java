package io.clipsearch.ingest;

import io.clipsearch.model.image.ImageFiles;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real photos for ingest tests: copies of the shared sample images in a folder of the test's. */
final class Photos {

  private Photos() {}

  /** The shared sample photos, sorted by path. */
  static List<Path> samples() throws IOException {
    return ImageFiles.list(SharedFixtures.path("sample-images"));
  }

  /**
   * Copies {@code count} sample photos, from the {@code first}, into {@code dir} as {@code
   * photo-000.jpg}...; distinct contents as long as {@code first + count} is at most the number of
   * samples (209), else cycling through them.
   */
  static List<Path> copy(Path dir, int count, int first) throws IOException {
    List<Path> samples = samples();
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path target = dir.resolve(String.format("photo-%03d.jpg", i));
      Files.copy(samples.get((first + i) % samples.size()), target);
      out.add(target);
    }
    return out;
  }
}
