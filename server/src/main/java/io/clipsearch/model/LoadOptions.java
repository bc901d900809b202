package io.clipsearch.model;

import java.util.Optional;

/**
 * How to load a model: engine, CPU use, batch size and the image pixel cap. Immutable.
 *
 * @param engine the engine to use, or empty for the folder's default (ONNX where present)
 * @param threads CPU threads for inference and decoding, 0 for all available cores
 * @param imageBatch rows per image-tower call where the model's batch is dynamic, 0 for the default
 * @param maxImagePixels images with more pixels than this are refused before decoding
 * @param fastDecode decode large JPEGs at a reduced scale in the DCT domain, keeping at least twice
 *     the model's input size: several times faster on camera photos, slightly different vectors
 *     from the reference (which decodes at full size); off by default
 */
public record LoadOptions(
    Optional<EngineKind> engine, int threads, int imageBatch, long maxImagePixels, boolean fastDecode) {

  /** 100 megapixels: above any camera, below what would exhaust memory in a decode. */
  public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;

  public LoadOptions {
    engine = engine == null ? Optional.empty() : engine;
    if (threads < 0 || imageBatch < 0) {
      throw new IllegalArgumentException("threads and batch must be >= 0, got " + threads + ", " + imageBatch);
    }
    if (maxImagePixels < 1) {
      throw new IllegalArgumentException("maxImagePixels must be positive, got " + maxImagePixels);
    }
  }

  public static LoadOptions defaults() {
    return new LoadOptions(Optional.empty(), 0, 0, DEFAULT_MAX_IMAGE_PIXELS, false);
  }

  public LoadOptions withEngine(EngineKind kind) {
    return new LoadOptions(Optional.of(kind), threads, imageBatch, maxImagePixels, fastDecode);
  }

  /**
   * With the engine named by {@code name} ({@code onnx} or {@code pytorch}); null or blank keeps
   * the folder's default. For configuration and command-line values.
   *
   * @throws IllegalArgumentException if the name is no engine
   */
  public LoadOptions withEngineNamed(String name) {
    return name == null || name.isBlank() ? this : withEngine(EngineKind.parse(name));
  }

  public LoadOptions withThreads(int n) {
    return new LoadOptions(engine, n, imageBatch, maxImagePixels, fastDecode);
  }

  public LoadOptions withImageBatch(int n) {
    return new LoadOptions(engine, threads, n, maxImagePixels, fastDecode);
  }

  public LoadOptions withMaxImagePixels(long n) {
    return new LoadOptions(engine, threads, imageBatch, n, fastDecode);
  }

  public LoadOptions withFastDecode(boolean fast) {
    return new LoadOptions(engine, threads, imageBatch, maxImagePixels, fast);
  }

  /** The thread count to use: the configured one, or every available core. */
  int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  int effectiveImageBatch() {
    return imageBatch > 0 ? imageBatch : InferenceSettings.DEFAULT_IMAGE_BATCH;
  }
}
