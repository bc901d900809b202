package io.clipsearch.model;

import io.clipsearch.model.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text tower latency by text length, before (the export as it is, every text padded to the context
 * length) and after (the any-length rewrite, each text cut after its end token), both models loaded
 * in one process and timed interleaved, so a loaded machine weighs on both alike; for
 * docs/BENCHMARKS.md, not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.model.TextLengthTiming MODEL_DIR [rounds]}
 * (default 60 rounds of one text per length and model, after 5 unmeasured).
 */
public final class TextLengthTiming {

  private static final int[] LENGTHS = {3, 8, 16, 32, 77};
  private static final int WARM_UP = 5;

  private TextLengthTiming() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    System.out.println(
        "load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
    LoadOptions options = LoadOptions.defaults().withEngine(EngineKind.ONNX);
    try (ClipModel before = ClipModels.load(folder, options.withAnyLengthText(false));
        ClipModel after = ClipModels.load(folder, options);
        TextTokenizer tokenizer = ModelFolder.open(folder).openTokenizer()) {
      System.out.println(
          "before: text input "
              + before.info().textInput()
              + "; after: "
              + after.info().textInput());
      Map<Integer, String> texts = new LinkedHashMap<>();
      for (int length : LENGTHS) {
        String text = "a ".repeat(length - 2).strip();
        texts.put(length, text);
        int[] ids = tokenizer.encode(text);
        if (ids.length != Math.min(length, after.info().contextLength())) {
          throw new IllegalStateException(length + " tokens expected, got " + ids.length);
        }
        double diff = maxAbsDiff(before.embedText(text), after.embedText(text));
        System.out.printf("%d tokens: max abs difference before/after %s%n", length, diff);
      }
      long[][][] nanos = new long[LENGTHS.length][2][rounds];
      for (int round = -WARM_UP; round < rounds; round++) {
        for (int i = 0; i < LENGTHS.length; i++) {
          // alternate which model goes first, so neither always runs on a just-warmed cache
          for (int k = 0; k < 2; k++) {
            int which = (round + k) % 2 == 0 ? 0 : 1;
            ClipModel model = which == 0 ? before : after;
            long t = System.nanoTime();
            model.embedText(texts.get(LENGTHS[i]));
            long elapsed = System.nanoTime() - t;
            if (round >= 0) {
              nanos[i][which][round] = elapsed;
            }
          }
        }
      }
      System.out.println(
          "| tokens | before p50 | before p95 | after p50 | after p95 | p50 speed-up |");
      System.out.println("|---|---|---|---|---|---|");
      for (int i = 0; i < LENGTHS.length; i++) {
        double b50 = percentile(nanos[i][0], 0.50);
        double a50 = percentile(nanos[i][1], 0.50);
        System.out.printf(
            "| %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2fx |%n",
            LENGTHS[i],
            b50,
            percentile(nanos[i][0], 0.95),
            a50,
            percentile(nanos[i][1], 0.95),
            b50 / a50);
      }
    }
    System.out.println(
        "load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static double percentile(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }
}
