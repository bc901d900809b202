package io.clipsearch.bench;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.image.ImageFiles;
import io.clipsearch.model.image.ImageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measures a model on this machine: load time, end-to-end images/s from files (decode, preprocess
 * and inference overlapped, as indexing runs; with exact and with fast JPEG decoding), the image
 * tower alone at batch 1 and 16, text latency, and peak memory.
 *
 * <p>Figures, not assertions: run it on an idle machine. Not thread-safe; one run at a time.
 */
public final class ModelBenchmark {

  /** Everyday captions: text latency does not depend on content, but on a realistic length. */
  private static final List<String> TEXTS =
      List.of(
          "a photo of a cat",
          "an osprey at sunset",
          "a city street at night with neon signs",
          "two children playing on the beach near the ocean",
          "food on a table",
          "a red car parked in the snow",
          "a mountain lake surrounded by pine trees",
          "a dog jumping to catch a frisbee in a park",
          "the milky way over a desert",
          "a bowl of ramen with chopsticks",
          "people walking in the rain with umbrellas",
          "an old stone bridge over a river in autumn");

  private final int rawCalls;
  private final int textCalls;
  private final int maxImages;

  /**
   * @param rawCalls engine calls per raw-throughput figure
   * @param textCalls texts embedded for the latency figures
   * @param maxImages image files embedded end to end at most
   */
  public ModelBenchmark(int rawCalls, int textCalls, int maxImages) {
    if (rawCalls < 1 || textCalls < 1 || maxImages < 1) {
      throw new IllegalArgumentException("calls and images must be >= 1");
    }
    this.rawCalls = rawCalls;
    this.textCalls = textCalls;
    this.maxImages = maxImages;
  }

  /**
   * Runs every measurement on one engine.
   *
   * @throws IOException if the model or image folder cannot be read
   */
  public BenchResult run(Path modelDir, LoadOptions options, Path imagesDir) throws IOException {
    List<ImageSource> sources =
        ImageFiles.list(imagesDir).stream().limit(maxImages).map(ImageSource::of).toList();
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(imagesDir + " holds no image files");
    }
    long start = System.nanoTime();
    try (ClipModel model = ClipModels.load(modelDir, options)) {
      long loadMillis = (System.nanoTime() - start) / 1_000_000;
      int side = model.info().imageSize();
      List<float[]> tensors = randomTensors(16, 3 * side * side);

      model.images().embedTensors(tensors); // warm-up: first calls allocate arenas and plan kernels
      TEXTS.forEach(model::embedText);

      double batch1 = rate(rawCalls, () -> model.images().embedTensors(tensors.subList(0, 1)), 1);
      double batch16 =
          rate(Math.max(1, rawCalls / 4), () -> model.images().embedTensors(tensors), 16);

      EndToEnd exact = endToEnd(model, sources);

      double[] latencies = new double[textCalls];
      for (int i = 0; i < textCalls; i++) {
        String text = TEXTS.get(i % TEXTS.size()) + (i >= TEXTS.size() ? " " + i : "");
        long t = System.nanoTime();
        model.embedText(text);
        latencies[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(latencies);
      model.close(); // free it before the fast-decode model loads, so peak memory stays one model's
      EndToEnd fast;
      try (ClipModel fastModel = ClipModels.load(modelDir, options.withFastDecode(true))) {
        fast = endToEnd(fastModel, sources);
      }
      return new BenchResult(
          model.info().engine().name(),
          loadMillis,
          sources.size(),
          exact.failed(),
          exact.imagesPerSec(),
          fast.imagesPerSec(),
          batch1,
          batch16,
          percentile(latencies, 0.50),
          percentile(latencies, 0.95),
          ProcessMemory.peakResidentBytes() / (1024 * 1024));
    }
  }

  private record EndToEnd(double imagesPerSec, int failed) {}

  /** Embeds every file once, decoding overlapped with inference as indexing does. */
  private static EndToEnd endToEnd(ClipModel model, List<ImageSource> sources) {
    long start = System.nanoTime();
    List<ImageEmbedding> results = model.embedImages(sources);
    double seconds = (System.nanoTime() - start) / 1e9;
    int failed = (int) results.stream().filter(r -> r instanceof ImageEmbedding.Failed).count();
    return new EndToEnd((sources.size() - failed) / seconds, failed);
  }

  private static double rate(int calls, Runnable call, int imagesPerCall) {
    long t = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return calls * imagesPerCall / ((System.nanoTime() - t) / 1e9);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Tensors with the statistics of normalized images (mean 0, unit variance), fixed seed. */
  private static List<float[]> randomTensors(int count, int length) {
    Random random = new Random(42);
    List<float[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] t = new float[length];
      for (int j = 0; j < length; j++) {
        t[j] = (float) random.nextGaussian();
      }
      out.add(t);
    }
    return Collections.unmodifiableList(out);
  }
}
