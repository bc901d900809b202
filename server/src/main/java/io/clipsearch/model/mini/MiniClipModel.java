package io.clipsearch.model.mini;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.MatchCalibration;
import io.clipsearch.model.ModelInfo;
import io.clipsearch.model.PyTorchThreads;
import io.clipsearch.model.TensorSpec;
import io.clipsearch.model.Vectors;
import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.PreprocessConfig;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mini model as a {@link ClipModel}: text through the frozen {@link MiniLmTextEncoder}
 * (WordPiece, ONNX Runtime), images through {@link ImageDecoder} → {@link ClipPreprocessor} (the
 * folder's {@code visual/preprocess_cfg.json}) → {@link MiniImageTower} with the folder's {@code
 * visual/image-tower.params} on DJL's PyTorch engine. Both give {@value
 * MiniLmTextEncoder#DIMENSION}-d unit vectors.
 *
 * <p>Folder layout (written by {@code io.clipsearch.training.MiniTraining}): {@code config.json}
 * with {@code "model": "clipsearch-mini"} and the tower's shape under {@code vision}, {@code
 * visual/preprocess_cfg.json}, {@code visual/image-tower.params}. {@link #isMiniFolder} recognizes
 * it.
 *
 * <p>Strategy: image batches are split into chunks of the load options' image batch; each chunk is
 * decoded and preprocessed in parallel on a decode pool, then runs through the tower in one call.
 * Batch norm runs in inference mode, so a batch gives the vectors of the single calls (up to float
 * rounding of batched convolutions).
 *
 * <p>Thread-safe: each image call makes its own DJL predictor on the shared model; the text encoder
 * serializes its own calls. Owns the PyTorch model, the text encoder and the decode pool; {@link
 * #close()} releases them, after which every call fails with {@link IllegalStateException}.
 */
public final class MiniClipModel implements ClipModel {

  /** The {@code "model"} value in {@code config.json} that marks a mini-model folder. */
  public static final String MODEL_NAME = BundledModel.NAME;

  public static final String CONFIG_FILE = "config.json";
  public static final String PREPROCESS_FILE = "visual/preprocess_cfg.json";
  public static final String PARAMS_FILE = "visual/image-tower.params";

  private static final Logger log = LoggerFactory.getLogger(MiniClipModel.class);
  private static final String PARAMS_MAGIC = "DJL@";
  private static final int PARAMS_VERSION = 1;

  private final ModelInfo info;
  private final MiniImageTower tower;
  private final MiniLmTextEncoder text;
  private final Model imageModel;
  private final ExecutorService decodePool;
  private final ImagePipeline pipeline;
  private final int imageBatch;
  private final int imageTensorLength;

  /**
   * Calls hold the read lock; {@link #close()} takes the write lock so no call sees freed natives.
   */
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();

  private volatile boolean closed;

  private MiniClipModel(
      ModelInfo info,
      MiniImageTower tower,
      MiniLmTextEncoder text,
      Model imageModel,
      PreprocessConfig preprocess,
      LoadOptions options,
      int threads) {
    this.info = info;
    this.tower = tower;
    this.text = text;
    this.imageModel = imageModel;
    this.imageBatch = info.imageBatch();
    this.imageTensorLength = 3 * tower.imageSize() * tower.imageSize();
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
            imageBatch,
            decodePool);
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
   * @throws IOException if a file is missing or unreadable, naming it
   * @throws IllegalArgumentException if the options ask for an engine other than PyTorch, or the
   *     config's tower shape is invalid
   * @throws EmbeddingException if an engine cannot load its model
   */
  public static MiniClipModel load(Path folder, LoadOptions options) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    if (options.engine().isPresent() && options.engine().get() != EngineKind.PYTORCH) {
      throw new IllegalArgumentException(
          dir
              + " is the mini model, which runs on PyTorch only (asked for "
              + options.engine().get()
              + ")");
    }
    JsonNode config = new ObjectMapper().readTree(require(dir.resolve(CONFIG_FILE)).toFile());
    MiniImageTower tower = towerOf(config, dir);
    PreprocessConfig preprocess = PreprocessConfig.read(require(dir.resolve(PREPROCESS_FILE)));
    if (preprocess.size() != tower.imageSize()) {
      throw new IllegalArgumentException(
          dir
              + ": preprocess_cfg.json size "
              + preprocess.size()
              + " differs from the tower's image_size "
              + tower.imageSize());
    }
    Path params = require(dir.resolve(PARAMS_FILE));
    int threads =
        options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
    int batch = options.imageBatch() > 0 ? options.imageBatch() : 32;
    long start = System.nanoTime();
    PyTorchThreads.configure(threads);
    Model model = Model.newInstance("mini-image-tower", Device.cpu(), "PyTorch");
    MiniLmTextEncoder text = null;
    try {
      model.setBlock(tower.build());
      loadParameters(model, params);
      text = MiniLmTextEncoder.load(threads);
      long side = tower.imageSize();
      ModelInfo info =
          new ModelInfo(
              computeId(dir),
              dir.getFileName().toString(),
              MiniLmTextEncoder.DIMENSION,
              tower.imageSize(),
              MiniLmTextEncoder.MAX_TOKENS,
              EngineKind.PYTORCH,
              batch,
              false,
              new TensorSpec(
                  "image", TensorSpec.ElementType.FLOAT32, new long[] {-1, 3, side, side}),
              new TensorSpec("input_ids", TensorSpec.ElementType.INT64, new long[] {1, -1}),
              MatchCalibration.read(dir));
      MiniClipModel loaded =
          new MiniClipModel(info, tower, text, model, preprocess, options, threads);
      log.info(
          "loaded {} (mini: {}, text {}) in {} ms",
          info.id(),
          tower,
          MiniLmTextEncoder.MODEL_ID,
          (System.nanoTime() - start) / 1_000_000);
      return loaded;
    } catch (MalformedModelException e) {
      close(model, text);
      throw new IOException(params + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      close(model, text);
      throw e;
    }
  }

  /**
   * Reads a DJL {@code .params} file into the model's block. {@code Model.load} only finds files
   * named {@code <prefix>-<epoch>.params}; this reads the same format (magic, version, model name,
   * data type, input shapes, properties, then the block's parameters) from our fixed file name.
   */
  private static void loadParameters(Model model, Path params)
      throws IOException, MalformedModelException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (!PARAMS_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new MalformedModelException("not a DJL parameter file");
      }
      int version = in.readInt();
      if (version != PARAMS_VERSION) {
        throw new MalformedModelException("unsupported parameter file version " + version);
      }
      in.readUTF(); // model name
      in.readUTF(); // data type: float32, as trained
      int inputs = in.readInt();
      for (int i = 0; i < inputs; i++) {
        in.readUTF(); // input name and the shape it was initialized with
        Shape.decode(in);
      }
      int properties = in.readInt();
      for (int i = 0; i < properties; i++) {
        in.readUTF();
        in.readUTF();
      }
      model.getBlock().loadParameters(model.getNDManager(), in);
    }
  }

  private static void close(Model model, MiniLmTextEncoder text) {
    model.close();
    if (text != null) {
      text.close();
    }
  }

  private static MiniImageTower towerOf(JsonNode config, Path dir) throws IOException {
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

  private static Path require(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "required model file is missing");
    }
    return file;
  }

  @Override
  public ModelInfo info() {
    return info;
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

  /**
   * The image tower on input tensors, {@link #imageBatch} rows per run: the pipeline's last stage.
   */
  private List<float[]> embedTensors(List<float[]> tensors) {
    for (float[] t : tensors) {
      if (t.length != imageTensorLength) {
        throw new IllegalArgumentException(
            "image tensor has " + t.length + " values, the model takes " + imageTensorLength);
      }
    }
    return guarded(
        () -> {
          List<float[]> out = new ArrayList<>(tensors.size());
          for (int i = 0; i < tensors.size(); i += imageBatch) {
            out.addAll(runTower(tensors.subList(i, Math.min(tensors.size(), i + imageBatch))));
          }
          return out;
        });
  }

  private List<float[]> runTower(List<float[]> rows) {
    try (Predictor<float[][], float[][]> p = imageModel.newPredictor(new TowerTranslator(tower))) {
      float[][] vectors = p.predict(rows.toArray(float[][]::new));
      List<float[]> out = new ArrayList<>(vectors.length);
      for (float[] v : vectors) {
        out.add(Vectors.normalize(v)); // the block normalizes; renormalizing is harmless
      }
      return out;
    } catch (TranslateException | EngineException e) {
      throw new EmbeddingException("image embedding failed: " + e.getMessage(), e);
    }
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
        imageModel.close();
      } finally {
        text.close();
      }
    } finally {
      closing.writeLock().unlock();
    }
  }

  /** Rows of CHW floats in, one vector per row out. Only converts. */
  private record TowerTranslator(MiniImageTower tower)
      implements NoBatchifyTranslator<float[][], float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] rows) {
      int len = rows[0].length;
      float[] flat = new float[rows.length * len];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(rows[i], 0, flat, i * len, len);
      }
      return new NDList(ctx.getNDManager().create(flat, tower.inputShape(rows.length)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      NDArray out = list.singletonOrThrow();
      int n = (int) out.getShape().get(0);
      int d = (int) out.getShape().get(1);
      float[] flat = out.toFloatArray();
      float[][] rows = new float[n][d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * d, rows[i], 0, d);
      }
      return rows;
    }
  }
}
