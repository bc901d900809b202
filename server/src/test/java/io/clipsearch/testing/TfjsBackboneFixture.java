package io.clipsearch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * nsfwjs's MobileNet v2 1.4 as plain tfjs files, unpacked by {@code scripts/backbone/unpack.mjs}
 * for the tests of the backbone converter and {@code train-lit}; empty where the npm packages are
 * not installed ({@code npm ci} in {@code scripts/backbone}), so those tests skip.
 */
public final class TfjsBackboneFixture {

  private static final Path SCRIPTS = Path.of("..", "scripts", "backbone");

  private TfjsBackboneFixture() {}

  /**
   * The unpacked {@code mobilenet_v2_mid} folder under {@code dir}.
   *
   * @throws IOException if Node fails to unpack an installed package (its output in the message)
   */
  public static Optional<Path> unpack(Path dir) throws IOException, InterruptedException {
    if (!Files.isDirectory(SCRIPTS.resolve("node_modules"))) {
      return Optional.empty();
    }
    Process node =
        new ProcessBuilder("node", "unpack.mjs", dir.toAbsolutePath().toString())
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (node.waitFor() != 0) {
      throw new IOException("node unpack.mjs failed: " + log);
    }
    return Optional.of(dir.resolve("mobilenet_v2_mid"));
  }
}
