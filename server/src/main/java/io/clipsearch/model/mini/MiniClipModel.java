package io.clipsearch.model.mini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.DjlTower;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.InferenceSettings;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.MatchCalibration;
import io.clipsearch.model.ModelInfo;
import io.clipsearch.model.TensorSpec;
import io.clipsearch.model.Vectors;
import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.PreprocessConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mini model as a {@link ClipModel}: text through the frozen {@link MiniLmTextEncoder}
 * (WordPiece, ONNX Runtime), images through {@link ImageDecoder} → {@link ClipPreprocessor} (the
 * folder's {@code visual/preprocess_cfg.json}) → the {@link MiniImageTower} exported to {@code
 * visual/image-tower.onnx} ({@link MiniTowerExport}), also on ONNX Runtime: the model needs no
 * PyTorch. Both give {@value MiniLmTextEncoder#DIMENSION}-d unit vectors.
 *
 * <p>Folder layout (written by {@code io.clipsearch.training.MiniTraining}): {@code config.json}
 * with {@code "model": "clipsearch-mini"} and the tower's shape under {@code vision}, {@code
 * visual/preprocess_cfg.json}, {@code visual/image-tower.onnx}, and the trained parameters {@code
 * visual/image-tower.params}, the export's source (a release leaves them out). A tower on a
 * pretrained backbone ({@code io.clipsearch.training.LitTraining}) names it under {@code
 * vision.backbone} instead of a shape, and its ONNX file is its only form. The model id is the one
 * stored in the ONNX file, a hash of the config, preprocessing config and parameters, checked
 * against the parameters where they are present. {@link #isMiniFolder} recognizes the folder.
 *
 * <p>Strategy: images are decoded and preprocessed in parallel on a decode pool, then run through
 * the tower in calls of the load options' image batch. Batch norm runs in inference mode, so a
 * batch gives the vectors of the single calls (up to float rounding of batched convolutions).
 *
 * <p>Thread-safe: the image tower runs calls on its own predictors; the text encoder serializes its
 * own calls. Owns the image tower, the text encoder and the decode pool; {@link #close()} releases
 * them, after which every call fails with {@link IllegalStateException}.
 */
public final class MiniClipModel implements ClipModel {

  /** The {@code "model"} value in {@code config.json} that marks a mini-model folder. */
  public static final String MODEL_NAME = BundledModel.NAME;

  public static final String CONFIG_FILE = "config.json";
  public static final String PREPROCESS_FILE = "visual/preprocess_cfg.json";
  public static final String PARAMS_FILE = "visual/image-tower.params";

  private static final Logger log = LoggerFactory.getLogger(MiniClipModel.class);

  private final ModelInfo info;
  private final Path cacheDir;
  private final MiniLmTextEncoder text;
  private final DjlTower imageTower;
  private final ExecutorService decodePool;
  private final ImagePipeline pipeline;
  private final int imageTensorLength;

  /**
   * Calls hold the read lock; {@link #close()} takes the write lock so no call sees freed natives.
   */
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();

  private volatile boolean closed;

  private MiniClipModel(
      ModelInfo info,
      Path cacheDir,
      int imageSize,
      MiniLmTextEncoder text,
      DjlTower imageTower,
      PreprocessConfig preprocess,
      LoadOptions options,
      int threads) {
    this.info = info;
    this.cacheDir = cacheDir;
    this.text = text;
    this.imageTower = imageTower;
    this.imageTensorLength = 3 * imageSize * imageSize;
    AtomicInteger n = new AtomicInteger();
    this.decodePool =
        Executors.newFixedThreadPool(
            threads,
            r ->
                Thread.ofPlatform()
                    .daemon()
                    .name("mini-decode-" + n.incrementAndGet())
                    .unstarted(r));
    this.pipeline =
        new ImagePipeline(
            new ImageDecoder(options.maxImagePixels()),
            0,
            new ClipPreprocessor(preprocess),
            this::embedTensors,
            info.imageBatch(),
            decodePool);
  }

  /** The text encoder loaded beside the image tower, or its failure as it was thrown. */
  private static MiniLmTextEncoder joinText(CompletableFuture<MiniLmTextEncoder> load) {
    try {
      return load.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Whether {@code folder}'s {@code config.json} names the mini model. Never throws. */
  public static boolean isMiniFolder(Path folder) {
    Path config = folder.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(config)) {
      return false;
    }
    try {
      JsonNode root = new ObjectMapper().readTree(config.toFile());
      return root != null && MODEL_NAME.equals(root.path("model").asText(null));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Loads a mini-model folder.
   *
   * @throws IOException if a file is missing or unreadable, naming it, or the ONNX tower was
   *     exported from other parameters than the folder's
   * @throws IllegalArgumentException if the options ask for an engine other than ONNX Runtime, or
   *     the config's tower shape is invalid
   * @throws EmbeddingException if an engine cannot load its model
   */
  public static MiniClipModel load(Path folder, LoadOptions options) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    if (options.engine().isPresent() && options.engine().get() != EngineKind.ONNX) {
      throw new IllegalArgumentException(
          dir
              + " is the mini model, which runs on ONNX Runtime only (asked for "
              + options.engine().get()
              + ")");
    }
    JsonNode config = new ObjectMapper().readTree(require(dir.resolve(CONFIG_FILE)).toFile());
    JsonNode vision = config.path("vision");
    // a tower on a pretrained backbone (train-lit) names it; a CNN trained here gives its shape
    String tower;
    int imageSize;
    if (vision.hasNonNull("backbone")) {
      imageSize = vision.path("image_size").asInt(0);
      tower = vision.path("backbone").asText() + " + projection";
    } else {
      MiniImageTower cnn = towerOf(config, dir);
      imageSize = cnn.imageSize();
      tower = cnn.toString();
    }
    PreprocessConfig preprocess = PreprocessConfig.read(require(dir.resolve(PREPROCESS_FILE)));
    if (preprocess.size() != imageSize) {
      throw new IllegalArgumentException(
          dir
              + ": preprocess_cfg.json size "
              + preprocess.size()
              + " differs from the tower's image_size "
              + imageSize);
    }
    Path onnx = dir.resolve(MiniTowerExport.ONNX_FILE);
    if (!Files.isRegularFile(onnx)) {
      throw new NoSuchFileException(
          onnx.toString(),
          null,
          "the image tower is missing; export it from the trained parameters with: clipsearch"
              + " train-mini --out "
              + dir
              + " --export-onnx");
    }
    int threads =
        options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
    int batch = options.imageBatch() > 0 ? options.imageBatch() : 32;
    long start = System.nanoTime();
    long side = imageSize;
    // the text encoder loads on a thread of its own while the image tower loads here
    CompletableFuture<MiniLmTextEncoder> textLoad =
        CompletableFuture.supplyAsync(
            () -> MiniLmTextEncoder.load(threads),
            task -> Thread.ofPlatform().name("load-text-encoder").start(task));
    DjlTower image;
    try {
      image =
          DjlTower.onnx(
              "mini-visual",
              onnx,
              new long[] {3, side, side},
              threads,
              true,
              fixed -> InferenceSettings.forModel(fixed, batch, threads));
    } catch (RuntimeException e) {
      textLoad.thenAccept(MiniLmTextEncoder::close);
      throw e;
    }
    MiniLmTextEncoder text = null;
    try {
      String id = exportedId(dir, image);
      text = joinText(textLoad);
      ModelInfo info =
          new ModelInfo(
              id,
              dir.getFileName().toString(),
              MiniLmTextEncoder.DIMENSION,
              imageSize,
              MiniLmTextEncoder.MAX_TOKENS,
              EngineKind.ONNX,
              batch,
              false,
              new TensorSpec(
                  "image", TensorSpec.ElementType.FLOAT32, new long[] {-1, 3, side, side}),
              new TensorSpec("input_ids", TensorSpec.ElementType.INT64, new long[] {1, -1}),
              MatchCalibration.read(dir));
      MiniClipModel loaded =
          new MiniClipModel(
              info, dir.resolve(CACHE_DIR), imageSize, text, image, preprocess, options, threads);
      log.info(
          "loaded {} (mini: {}, text {}) in {} ms",
          info.id(),
          tower,
          MiniLmTextEncoder.MODEL_ID,
          (System.nanoTime() - start) / 1_000_000);
      return loaded;
    } catch (IOException | RuntimeException e) {
      image.close();
      if (text != null) {
        text.close();
      } else {
        textLoad.thenAccept(MiniLmTextEncoder::close);
      }
      throw e;
    }
  }

  /**
   * The model id stored in the exported tower, checked against the parameters where the folder has
   * them (a stale export would give other vectors under the same id).
   */
  private static String exportedId(Path dir, DjlTower image) throws IOException {
    String id = image.metadata().get(MiniTowerExport.MODEL_ID_KEY);
    Path onnx = dir.resolve(MiniTowerExport.ONNX_FILE);
    if (id == null) {
      throw new IOException(onnx + " has no " + MiniTowerExport.MODEL_ID_KEY + ": not an export");
    }
    if (Files.isRegularFile(dir.resolve(PARAMS_FILE)) && !computeId(dir).equals(id)) {
      throw new IOException(
          onnx
              + " was exported from other parameters or config than the folder's (export "
              + id
              + ", folder "
              + computeId(dir)
              + "); export it again with: clipsearch train-mini --out "
              + dir
              + " --export-onnx");
    }
    return id;
  }

  static MiniImageTower towerOf(JsonNode config, Path dir) throws IOException {
    JsonNode v = config.path("vision");
    JsonNode widths = v.path("widths");
    if (!v.isObject() || !widths.isArray()) {
      throw new IOException(dir.resolve(CONFIG_FILE) + ": no 'vision' object with 'widths'");
    }
    int[] w = new int[widths.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = widths.get(i).asInt();
    }
    return new MiniImageTower(
        v.path("image_size").asInt(MiniImageTower.DEFAULT_IMAGE_SIZE),
        v.path("stem_width").asInt(0),
        w,
        v.path("blocks_per_stage").asInt(1));
  }

  /**
   * {@code <folder name>@<12 hex>}: SHA-256 over the config, the preprocessing config and the
   * parameters (small enough to read whole), each with its relative path. Any retraining changes
   * it.
   */
  static String computeId(Path dir) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String file : List.of(CONFIG_FILE, PREPROCESS_FILE, PARAMS_FILE)) {
        sha.update(file.getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
          }
        }
      }
      return dir.getFileName() + "@" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static Path require(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "required model file is missing");
    }
    return file;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Optional<Path> cacheDir() {
    return Optional.of(cacheDir);
  }

  /** {@link BundledModel#NOTICE}: the mini model is weak next to a pulled CLIP model. */
  @Override
  public Optional<String> notice() {
    return Optional.of(BundledModel.NOTICE);
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return guarded(() -> text.embedTexts(texts));
  }

  @Override
  public ImagePipeline images() {
    ensureOpen();
    return pipeline;
  }

  /** The image tower on input tensors: the pipeline's last stage. */
  private List<float[]> embedTensors(List<float[]> tensors) {
    for (float[] t : tensors) {
      if (t.length != imageTensorLength) {
        throw new IllegalArgumentException(
            "image tensor has " + t.length + " values, the model takes " + imageTensorLength);
      }
    }
    return guarded(
        () ->
            Arrays.stream(imageTower.encodeFloats(tensors.toArray(float[][]::new)))
                .map(Vectors::normalize) // the tower normalizes; renormalizing is harmless
                .toList());
  }

  private interface Call<T> {
    T run();
  }

  /** Runs {@code call} while the model cannot be closed under it. */
  private <T> T guarded(Call<T> call) {
    closing.readLock().lock();
    try {
      ensureOpen();
      return call.run();
    } finally {
      closing.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("model " + info.id() + " is closed");
    }
  }

  @Override
  public void close() {
    closing.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      decodePool.shutdownNow();
      try {
        imageTower.close();
      } finally {
        text.close();
      }
    } finally {
      closing.writeLock().unlock();
    }
  }
}
