package io.clipsearch.model;

import io.clipsearch.model.onnx.AnyLengthTextTower;
import java.nio.file.Path;
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
 * @param anyLengthText run a causal ONNX text tower on texts cut after their end-of-text token
 *     ({@link AnyLengthTextTower}: rewritten once, checked against the original, cached); on by
 *     default, off to run the export as it is
 * @param cacheDir where derived model files are kept when the model folder is read-only (the data
 *     folder's {@code .cache/text-towers}), or empty for the system's temporary folder
 */
public record LoadOptions(
    Optional<EngineKind> engine,
    int threads,
    int imageBatch,
    long maxImagePixels,
    boolean fastDecode,
    boolean anyLengthText,
    Optional<Path> cacheDir) {

  /** 100 megapixels: above any camera, below what would exhaust memory in a decode. */
  public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;

  public LoadOptions {
    engine = engine == null ? Optional.empty() : engine;
    cacheDir = cacheDir == null ? Optional.empty() : cacheDir;
    if (threads < 0 || imageBatch < 0) {
      throw new IllegalArgumentException(
          "threads and batch must be >= 0, got " + threads + ", " + imageBatch);
    }
    if (maxImagePixels < 1) {
      throw new IllegalArgumentException("maxImagePixels must be positive, got " + maxImagePixels);
    }
  }

  public static LoadOptions defaults() {
    return new LoadOptions(
        Optional.empty(), 0, 0, DEFAULT_MAX_IMAGE_PIXELS, false, true, Optional.empty());
  }

  public LoadOptions withEngine(EngineKind kind) {
    return new LoadOptions(
        Optional.of(kind),
        threads,
        imageBatch,
        maxImagePixels,
        fastDecode,
        anyLengthText,
        cacheDir);
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
    return new LoadOptions(
        engine, n, imageBatch, maxImagePixels, fastDecode, anyLengthText, cacheDir);
  }

  public LoadOptions withMaxImagePixels(long n) {
    return new LoadOptions(engine, threads, imageBatch, n, fastDecode, anyLengthText, cacheDir);
  }

  public LoadOptions withFastDecode(boolean fast) {
    return new LoadOptions(
        engine, threads, imageBatch, maxImagePixels, fast, anyLengthText, cacheDir);
  }

  /** With or without the any-length text tower (see {@link #anyLengthText}). */
  LoadOptions withAnyLengthText(boolean on) {
    return new LoadOptions(engine, threads, imageBatch, maxImagePixels, fastDecode, on, cacheDir);
  }

  /** With {@code dir} for derived model files when the model folder is read-only. */
  public LoadOptions withCacheDir(Path dir) {
    return new LoadOptions(
        engine, threads, imageBatch, maxImagePixels, fastDecode, anyLengthText, Optional.of(dir));
  }

  /**
   * Where derived model files go when the model folder is read-only: the configured folder, else
   * {@code clipsearch-text-towers} in the system's temporary folder.
   */
  public Path effectiveCacheDir() {
    return cacheDir.orElseGet(
        () -> Path.of(System.getProperty("java.io.tmpdir"), "clipsearch-text-towers"));
  }

  /** The thread count to use: the configured one, or every available core. */
  int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  int effectiveImageBatch() {
    return imageBatch > 0 ? imageBatch : InferenceSettings.DEFAULT_IMAGE_BATCH;
  }
}
