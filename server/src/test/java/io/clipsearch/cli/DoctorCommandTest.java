package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch doctor} in-process: the real native libraries, a real socket, a real folder.
 */
class DoctorCommandTest {

  /** The bundled model, in the repository (tests run in server/). */
  private static final Path MINI = Path.of("../models/clipsearch-mini");

  @TempDir Path tmp;

  @Test
  void readyWhenNothingBlocksWithOneLinePerCheck() throws IOException {
    CliRun run =
        CliRun.of(
            "doctor",
            "--model",
            MINI.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--port",
            "0");
    assertEquals(0, run.exitCode(), run.out());
    String[] lines = run.lines();
    List<String> names =
        Arrays.stream(lines, 0, lines.length - 1).map(l -> l.substring(5).split(" ")[0]).toList();
    assertEquals(
        List.of(
            "versions",
            "cpu",
            "cores",
            "memory",
            "vector-api",
            "onnxruntime",
            "opencv",
            "pytorch",
            "libheif",
            "libraw",
            "install",
            "model",
            "text-tower",
            "faces",
            "data",
            "port"),
        names);
    assertTrue(run.out().contains("OK   onnxruntime  loads, version "), run.out());
    assertTrue(run.out().contains("libheif      loads, version "), run.out());
    assertTrue(run.out().strip().endsWith("doctor: ready"), run.out());
  }

  @Test
  void busyPortAndMissingModelBlockWithExitCodeOne() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path empty = Files.createDirectory(tmp.resolve("not-a-model"));
      CliRun run =
          CliRun.of(
              "doctor",
              "--model",
              empty.toString(),
              "--data",
              tmp.toString(),
              "--port",
              String.valueOf(busy.getLocalPort()));
      assertEquals(1, run.exitCode(), run.out());
      assertTrue(
          run.out().contains("FAIL model        " + empty + " has no config.json"), run.out());
      assertTrue(
          run.out()
              .contains("FAIL port         127.0.0.1:" + busy.getLocalPort() + " cannot be bound"),
          run.out());
      assertTrue(
          run.out()
              .strip()
              .endsWith("doctor: something blocks clipsearch here (FAIL lines above)"));
    }
  }
}
