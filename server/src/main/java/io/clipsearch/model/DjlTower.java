package io.clipsearch.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * One tower (image or text) of a CLIP model loaded on a DJL engine, running packed rows through it.
 *
 * <p>Rows are split into engine calls of at most {@link InferenceSettings#maxBatch()} rows; calls
 * run in parallel on up to {@link InferenceSettings#concurrentRuns()} predictors. This is how a
 * fixed-batch-1 export still uses every core. Thread-safe. The tower owns its model, predictors,
 * runner threads and engine session, and closes them, predictors first. Public for models outside
 * this package that run a tower of their own ({@code model.mini}).
 */
public final class DjlTower implements AutoCloseable {

  private final String name;
  private final TensorSpec spec;
  private final long[] itemShape;
  private final InferenceSettings settings;
  private final Model model;
  private final PredictorPool<TensorBatch, float[][]> pool;
  private final ExecutorService runners;
  private final AutoCloseable engineResources;
  private final Map<String, String> metadata;

  private DjlTower(
      String name,
      TensorSpec spec,
      long[] itemShape,
      InferenceSettings settings,
      Model model,
      boolean namedInputs,
      AutoCloseable engineResources,
      Map<String, String> metadata) {
    this.name = name;
    this.metadata = Map.copyOf(metadata);
    this.spec = spec;
    this.itemShape = itemShape.clone();
    this.settings = settings;
    this.model = model;
    this.engineResources = engineResources;
    this.pool =
        new PredictorPool<>(model, new EmbeddingTranslator(namedInputs), settings.concurrentRuns());
    AtomicInteger n = new AtomicInteger();
    this.runners =
        Executors.newFixedThreadPool(
            settings.concurrentRuns(),
            r ->
                Thread.ofPlatform()
                    .daemon()
                    .name("clip-" + name + "-" + n.incrementAndGet())
                    .unstarted(r));
  }

  /**
   * Loads an ONNX tower on ONNX Runtime, reading its input name, element type and batch from the
   * file.
   *
   * @param itemShapeFallback the shape of one row where the model leaves a dimension dynamic
   * @param background whether the engine's threads yield to others ({@link BackgroundPriority}): an
   *     image tower, which mostly runs for index jobs, beside searches that must stay fast
   * @param settingsFor picks settings once the model's fixed batch (0 = dynamic) is known
   * @throws EmbeddingException if the file cannot be loaded or its input is not one tensor
   */
  public static DjlTower onnx(
      String name,
      Path file,
      long[] itemShapeFallback,
      int intraOpThreads,
      boolean background,
      IntFunction<InferenceSettings> settingsFor) {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    Model model = null;
    try {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // subnormal floats (seen with random or badly scaled weights) are 10-100x slower on x86
      options.addConfigEntry("session.set_denormal_as_zero", "1");
      // idle threads sleep: a spinning one takes a core from image decoding beside batch inference
      // and, after a text query, from that query's graph walk (served p95 at 1M 50 -> 33 ms on 2
      // cores, docs/BENCHMARKS.md), and it does not make the text tower faster there
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      model = Model.newInstance(name, Device.cpu(), EngineKind.ONNX.djlEngineName());
      OrtSession session =
          background
              ? createOnBackgroundThread(file, options)
              : OrtEnvironment.getEnvironment().createSession(file.toString(), options);
      TensorSpec spec = onnxInputSpec(file, session);
      Map<String, String> metadata = session.getMetadata().getCustomMetadata();
      // the block owns the session from here: closing the model's manager closes it
      model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
      long[] itemShape = itemShape(spec, itemShapeFallback);
      InferenceSettings settings = settingsFor.apply(spec.fixedBatch());
      return new DjlTower(name, spec, itemShape, settings, model, true, options, metadata);
    } catch (OrtException | EngineException | IllegalArgumentException e) {
      if (model != null) {
        model.close();
      }
      options.close();
      throw new EmbeddingException("cannot load ONNX model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the session on a thread of background priority, which the session's intra-op threads,
   * started with it, inherit.
   */
  private static OrtSession createOnBackgroundThread(Path file, OrtSession.SessionOptions options)
      throws OrtException {
    OrtSession[] session = {null};
    OrtException[] failure = {null};
    Thread creator =
        Thread.ofPlatform()
            .name("ort-session-" + file.getFileName())
            .start(
                () -> {
                  BackgroundPriority.lowerCurrentThread();
                  try {
                    session[0] =
                        OrtEnvironment.getEnvironment().createSession(file.toString(), options);
                  } catch (OrtException e) {
                    failure[0] = e;
                  }
                });
    try {
      creator.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while loading " + file, e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    if (session[0] == null) {
      throw new EmbeddingException("cannot load ONNX model " + file + ": no session was made");
    }
    return session[0];
  }

  /**
   * Loads a TorchScript tower on PyTorch. TorchScript files do not declare their input, so the spec
   * comes from the model config (dynamic batch).
   *
   * @throws EmbeddingException if the file cannot be loaded
   */
  static DjlTower torchScript(String name, Path file, TensorSpec spec, InferenceSettings settings) {
    Model model;
    try {
      model = Model.newInstance(name, Device.cpu(), EngineKind.PYTORCH.djlEngineName());
    } catch (EngineException | IllegalArgumentException | IllegalStateException e) {
      // an installed release carries PyTorch in a package of its own (docs/RELEASE.md)
      throw new EmbeddingException(
          "cannot load TorchScript model "
              + file
              + ": PyTorch does not load here ("
              + e.getMessage()
              + "). Releases carry it in the clipsearch-pytorch package: install it, or use the"
              + " model's ONNX export (--engine onnx)",
          e);
    }
    try {
      model.load(file.getParent(), stripExtension(file.getFileName().toString()));
      long[] shape = spec.shape();
      return new DjlTower(
          name,
          spec,
          Arrays.copyOfRange(shape, 1, shape.length),
          settings,
          model,
          false,
          () -> {},
          Map.of());
    } catch (IOException | MalformedModelException | EngineException e) {
      model.close();
      throw new EmbeddingException(
          "cannot load TorchScript model " + file + ": " + e.getMessage(), e);
    }
  }

  TensorSpec spec() {
    return spec;
  }

  InferenceSettings settings() {
    return settings;
  }

  /** The shape of one row, e.g. {@code [3, 224, 224]} or {@code [77]}. */
  long[] itemShape() {
    return itemShape.clone();
  }

  /** The ONNX file's custom metadata ({@code metadata_props}); empty for TorchScript. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Runs float rows (image tensors) through the tower; one output row per input row. */
  public float[][] encodeFloats(float[][] rows) {
    return encode(
        rows.length,
        (from, to) -> TensorBatch.ofFloats(spec, itemShape, Arrays.copyOfRange(rows, from, to)));
  }

  /**
   * Runs token-id rows through the tower, each padded with {@code padId}: to the tower's row
   * length, or, with {@code toLongest} (a tower that takes any length), to the longest row of its
   * engine call.
   *
   * @param ids token ids, unpadded, none longer than the row length
   */
  float[][] encodeIds(int[][] ids, int padId, boolean toLongest) {
    return encode(
        ids.length,
        (from, to) -> {
          int length = toLongest ? longest(ids, from, to) : Math.toIntExact(itemShape[0]);
          int[][] rows = new int[to - from][];
          for (int i = 0; i < rows.length; i++) {
            int[] row = ids[from + i];
            rows[i] = Arrays.copyOf(row, length);
            Arrays.fill(rows[i], row.length, length, padId);
          }
          return TensorBatch.ofIds(spec, new long[] {length}, rows);
        });
  }

  private static int longest(int[][] rows, int from, int to) {
    int longest = 1;
    for (int i = from; i < to; i++) {
      longest = Math.max(longest, rows[i].length);
    }
    return longest;
  }

  private float[][] encode(int count, BiFunction<Integer, Integer, TensorBatch> batchOf) {
    if (count == 0) {
      return new float[0][];
    }
    int batch = settings.maxBatch();
    List<int[]> ranges = new ArrayList<>();
    for (int from = 0; from < count; from += batch) {
      ranges.add(new int[] {from, Math.min(count, from + batch)});
    }
    float[][] out = new float[count][];
    if (ranges.size() == 1 || settings.concurrentRuns() == 1) {
      for (int[] r : ranges) {
        copyRows(run(batchOf.apply(r[0], r[1])), out, r[0]);
      }
      return out;
    }
    List<Future<float[][]>> futures = new ArrayList<>(ranges.size());
    for (int[] r : ranges) {
      futures.add(runners.submit(() -> run(batchOf.apply(r[0], r[1]))));
    }
    try {
      for (int i = 0; i < ranges.size(); i++) {
        copyRows(futures.get(i).get(), out, ranges.get(i)[0]);
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new EmbeddingException(name + " tower: interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof EmbeddingException ee) {
        throw ee;
      }
      throw new EmbeddingException(name + " tower failed: " + e.getCause(), e.getCause());
    }
    return out;
  }

  private float[][] run(TensorBatch batch) {
    float[][] rows = pool.predict(batch);
    if (rows.length != batch.rows()) {
      throw new EmbeddingException(
          name + " tower returned " + rows.length + " rows for a batch of " + batch.rows());
    }
    return rows;
  }

  private static void copyRows(float[][] src, float[][] dst, int at) {
    System.arraycopy(src, 0, dst, at, src.length);
  }

  private static TensorSpec onnxInputSpec(Path file, OrtSession session) throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(
          "expected one input tensor, the model takes "
              + inputs.keySet()
              + " (multi-input text towers are not supported yet)");
    }
    NodeInfo node = inputs.values().iterator().next();
    if (!(node.getInfo() instanceof TensorInfo info)) {
      throw new IllegalArgumentException("input '" + node.getName() + "' is not a tensor");
    }
    TensorSpec.ElementType type =
        switch (info.type) {
          case OnnxJavaType.FLOAT -> TensorSpec.ElementType.FLOAT32;
          case OnnxJavaType.INT32 -> TensorSpec.ElementType.INT32;
          case OnnxJavaType.INT64 -> TensorSpec.ElementType.INT64;
          default ->
              throw new IllegalArgumentException(
                  "input '" + node.getName() + "' has unsupported element type " + info.type);
        };
    return new TensorSpec(node.getName(), type, info.getShape());
  }

  /** The shape of one row: the model's declared dims, the fallback where they are dynamic. */
  private static long[] itemShape(TensorSpec spec, long[] fallback) {
    long[] shape = spec.shape();
    if (shape.length - 1 != fallback.length) {
      throw new IllegalArgumentException(
          "input " + spec + " has rank " + shape.length + ", expected " + (fallback.length + 1));
    }
    long[] item = new long[fallback.length];
    for (int i = 0; i < item.length; i++) {
      item[i] = spec.dimOr(i + 1, fallback[i]);
      if (item[i] != fallback[i]) {
        throw new IllegalArgumentException(
            "input " + spec + " does not match the config's shape " + Arrays.toString(fallback));
      }
    }
    return item;
  }

  private static String stripExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }

  @Override
  public void close() {
    runners.shutdownNow();
    pool.close();
    model.close();
    try {
      engineResources.close();
    } catch (Exception e) {
      throw new EmbeddingException("closing " + name + " tower: " + e.getMessage(), e);
    }
  }
}
