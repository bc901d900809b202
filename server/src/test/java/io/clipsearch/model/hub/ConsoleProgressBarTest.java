package io.clipsearch.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void terminalRedrawsInPlaceWithSpeedAndEta() {
    ConsoleProgressBar bar = new ConsoleProgressBar(out, true, now::get);

    bar.onProgress("visual/model.onnx", 0, 100_000_000);
    now.set(5 * SECOND);
    bar.onProgress("visual/model.onnx", 50_000_000, 100_000_000);
    now.set(10 * SECOND);
    bar.onProgress("visual/model.onnx", 100_000_000, 100_000_000);

    String[] draws = output().split("\r");
    assertEquals(4, draws.length, output()); // leading empty piece, then three draws
    assertTrue(draws[2].startsWith("visual/model.onnx [############------------]  50%"), draws[2]);
    assertTrue(draws[2].contains("50.0/100.0 MB 10.0 MB/s ETA 0:05"), draws[2]);
    assertTrue(draws[3].contains("100% 100.0/100.0 MB 10.0 MB/s"), draws[3]);
    assertTrue(draws[3].endsWith(System.lineSeparator()), "newline after a finished file");
  }

  @Test
  void terminalThrottlesRedraws() {
    ConsoleProgressBar bar = new ConsoleProgressBar(out, true, now::get);

    bar.onProgress("f", 0, 1000);
    for (int i = 1; i < 100; i++) {
      now.addAndGet(1_000_000); // 1 ms apart: too fast to redraw each
      bar.onProgress("f", i, 1000);
    }

    assertEquals(2, output().split("\r").length);
  }

  @Test
  void plainOutputWritesPeriodicLinesWithoutCarriageReturns() {
    ConsoleProgressBar bar = new ConsoleProgressBar(out, false, now::get);

    bar.onProgress("textual/model.onnx", 0, 10_000_000);
    now.set(SECOND);
    bar.onProgress("textual/model.onnx", 1_000_000, 10_000_000); // within 5 s: not written
    now.set(6 * SECOND);
    bar.onProgress("textual/model.onnx", 6_000_000, 10_000_000);
    now.set(7 * SECOND);
    bar.onProgress("textual/model.onnx", 10_000_000, 10_000_000);
    bar.onProgress("config.json", 300, 300);

    String text = output();
    assertFalse(text.contains("\r"));
    String[] lines = text.split(System.lineSeparator());
    assertEquals(4, lines.length, text);
    assertTrue(lines[1].contains(" 60% 6.0/10.0 MB 1.0 MB/s ETA 0:04"), lines[1]);
    assertEquals("config.json [########################] 100% 0.3/0.3 kB", lines[3]);
  }
}
