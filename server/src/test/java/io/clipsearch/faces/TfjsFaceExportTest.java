package io.clipsearch.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed nets in {@code models/faces} are what the converter writes from face-api's weights
 * today, byte for byte. Needs the npm package ({@code npm ci} in {@code scripts/faces}); skipped
 * without it.
 */
class TfjsFaceExportTest {

  private static final Path TFJS =
      Path.of("..", "scripts", "faces", "node_modules", "@vladmandic", "face-api", "model");

  @Test
  void convertingAgainGivesTheCommittedFiles(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isDirectory(TFJS), TFJS + " is missing (npm ci in scripts/faces): skipped");

    List<Path> written = TfjsFaceExport.convert(TFJS, dir);

    for (Path file : written) {
      Path committed = Path.of("..", "models", "faces").resolve(file.getFileName());
      assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(file), file.toString());
    }
  }
}
