package io.clipsearch.model;

import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.onnx.AnyLengthTextTower;
import io.clipsearch.model.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClipModel} on DJL: our tokenizer and image preprocessing in Java, the towers on ONNX
 * Runtime or PyTorch.
 *
 * <p>Image batches are pipelined ({@link ImagePipeline}): images are decoded and preprocessed on a
 * pool of decode threads, ahead of the step the image tower runs. A causal ONNX text tower runs
 * each text cut after its end-of-text token, a batch padded to its longest member ({@link
 * AnyLengthTextTower}, unless {@link LoadOptions#anyLengthText()} is off); other text towers, and
 * every TorchScript one, take texts padded to the context length. Thread-safe.
 */
final class DjlClipModel implements ClipModel {

  private static final Logger log = LoggerFactory.getLogger(DjlClipModel.class);

  /**
   * With fast decoding, a JPEG may be decoded at reduced scale while its short side stays at least
   * this many times the model's input: the antialiased resize still has real pixels to average.
   */
  private static final int FAST_DECODE_HEADROOM = 2;

  /**
   * The texts on which a rewritten text tower is checked against the original: from the shortest
   * (start and end tokens only) to one cut at the context length.
   */
  private static final List<String> TEXT_PROBES =
      List.of(
          "",
          "a",
          "a photo of a cat",
          "two dogs playing in the snow near a red barn at dusk",
          "a long exposure photograph of the city skyline at night, with light trails from the cars on"
              + " the highway and the full moon rising over the river",
          "an old fisherman in a yellow raincoat mends his nets on a wooden pier while seagulls circle"
              + " above the harbour, small boats rock on grey water and the lighthouse at the end of the"
              + " breakwater is lit against the storm clouds",
          "a very long caption that goes on and on ".repeat(12));

  private final ModelInfo info;
  private final Path cacheDir;
  private final TextTokenizer tokenizer;
  private final DjlTower visual;
  private final DjlTower textual;
  private final boolean anyLengthText;
  private final String textTowerNote;
  private final int imageTensorLength;
  private final ExecutorService decodePool;
  private final ImagePipeline pipeline;
  private final Scoring scoring;
  private volatile boolean closed;

  DjlClipModel(ModelFolder folder, LoadOptions options) throws IOException {
    long start = System.nanoTime();
    EngineKind engine = options.engine().orElseGet(folder::defaultEngine);
    if (!folder.engines().contains(engine)) {
      throw new IllegalArgumentException(
          folder.root()
              + " has no "
              + engine.fileName()
              + " for both towers (engines present: "
              + folder.engines()
              + ")");
    }
    Optional<MatchCalibration> calibration = MatchCalibration.read(folder.root()); // before natives
    int cores = options.effectiveThreads();
    int imageBatch = options.effectiveImageBatch();
    ClipConfig config = folder.config();
    long side = config.imageSize();
    this.scoring = folder.config().scoring();
    this.cacheDir = folder.root().resolve(CACHE_DIR);
    DjlTower image = null;
    LoadedText text = null;
    try {
      if (engine == EngineKind.ONNX) {
        // the towers load side by side (session creation is mostly one thread's work each): the
        // tokenizer and the text tower on a thread of their own, the image tower here
        CompletableFuture<LoadedText> textLoad =
            CompletableFuture.supplyAsync(
                () -> loadOnnxText(folder, options, cores),
                task -> Thread.ofPlatform().name("load-text-tower").start(task));
        try {
          image =
              DjlTower.onnx(
                  "visual",
                  folder.visualModel(engine),
                  new long[] {3, side, side},
                  cores,
                  true,
                  fixed -> InferenceSettings.forModel(fixed, imageBatch, cores));
        } finally {
          text = joinText(textLoad, image == null);
        }
      } else {
        PyTorchThreads.configure(cores);
        TextTokenizer tokenizer = folder.openTokenizer();
        try {
          image =
              DjlTower.torchScript(
                  "visual",
                  folder.visualModel(engine),
                  new TensorSpec(
                      "image", TensorSpec.ElementType.FLOAT32, new long[] {-1, 3, side, side}),
                  InferenceSettings.forModel(0, imageBatch, cores));
          text =
              new LoadedText(
                  tokenizer,
                  DjlTower.torchScript(
                      "textual",
                      folder.textualModel(engine),
                      new TensorSpec(
                          "text",
                          TensorSpec.ElementType.INT64,
                          new long[] {-1, config.contextLength()}),
                      textSettings(0, cores)),
                  false,
                  "TorchScript: texts padded to the context length");
        } finally {
          if (text == null) {
            tokenizer.close();
          }
        }
      }
    } catch (RuntimeException | IOException e) {
      if (image != null) {
        image.close();
      }
      throw e;
    }
    this.tokenizer = text.tokenizer();
    this.textual = text.tower();
    this.anyLengthText = text.anyLength();
    this.textTowerNote = text.note();
    this.visual = image;
    this.imageTensorLength = Math.toIntExact(3 * side * side);
    AtomicInteger n = new AtomicInteger();
    this.decodePool =
        Executors.newFixedThreadPool(
            cores,
            r ->
                Thread.ofPlatform()
                    .daemon()
                    .name("clip-decode-" + n.incrementAndGet())
                    .unstarted(r));
    this.pipeline =
        new ImagePipeline(
            new ImageDecoder(options.maxImagePixels()),
            options.fastDecode() ? FAST_DECODE_HEADROOM * config.imageSize() : 0,
            new ClipPreprocessor(folder.preprocess()),
            this::embedTensors,
            visual.settings().maxBatch() * visual.settings().concurrentRuns(),
            decodePool);
    this.info =
        new ModelInfo(
            folder.id(),
            folder.name(),
            config.embedDim(),
            config.imageSize(),
            config.contextLength(),
            engine,
            visual.settings().maxBatch(),
            visual.spec().fixedBatch() > 0,
            visual.spec(),
            textual.spec(),
            calibration);
    log.info(
        "loaded {} on {} in {} ms (image {} x{} runs, text {}: {})",
        info.id(),
        engine,
        (System.nanoTime() - start) / 1_000_000,
        visual.spec(),
        visual.settings().concurrentRuns(),
        textual.spec(),
        textTowerNote);
  }

  private static DjlTower onnxText(Path file, int contextLength, int cores) {
    return DjlTower.onnx(
        "textual",
        file,
        new long[] {contextLength},
        cores,
        false,
        fixed -> textSettings(fixed, cores));
  }

  /** The tokenizer and text tower as loaded, and how the tower takes texts. */
  private record LoadedText(
      TextTokenizer tokenizer, DjlTower tower, boolean anyLength, String note) {
    void close() {
      try {
        tower.close();
      } finally {
        tokenizer.close();
      }
    }
  }

  /**
   * The tokenizer and the ONNX text tower: the any-length rewrite where it applies and loads, else
   * the original.
   *
   * @throws UncheckedIOException if the tokenizer or the tower's file cannot be read
   */
  private static LoadedText loadOnnxText(ModelFolder folder, LoadOptions options, int cores) {
    try {
      TextTokenizer tokenizer = folder.openTokenizer();
      try {
        int contextLength = folder.config().contextLength();
        AnyLengthTextTower.Prepared text;
        try {
          text = prepareText(folder, tokenizer, options, cores);
        } catch (IOException e) { // the original does not parse as a graph, or cannot be read
          throw new EmbeddingException(
              "cannot load ONNX model "
                  + folder.textualModel(EngineKind.ONNX)
                  + ": "
                  + e.getMessage(),
              e);
        }
        DjlTower loaded;
        try {
          loaded = onnxText(text.model(), contextLength, cores);
        } catch (EmbeddingException e) {
          if (!text.anyLength()) {
            throw e;
          }
          log.warn(
              "the cached any-length text tower {} does not load ({}); running the original",
              text.model(),
              e.getMessage());
          text =
              new AnyLengthTextTower.Prepared(
                  folder.textualModel(EngineKind.ONNX),
                  false,
                  "kept at the context length: the cached rewrite "
                      + text.model()
                      + " does not load");
          loaded = onnxText(text.model(), contextLength, cores);
        }
        return new LoadedText(tokenizer, loaded, text.anyLength(), text.detail());
      } catch (RuntimeException e) {
        tokenizer.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for the text side loading beside the image tower. Where the image tower failed ({@code
   * discard}), the text side is closed and null returned, so that the image tower's error is the
   * one reported.
   */
  private static LoadedText joinText(CompletableFuture<LoadedText> load, boolean discard)
      throws IOException {
    try {
      LoadedText text = load.join();
      if (discard) {
        text.close();
        return null;
      }
      return text;
    } catch (CompletionException e) {
      if (discard) {
        return null;
      }
      switch (e.getCause()) {
        case UncheckedIOException io -> throw io.getCause();
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        case Throwable t -> throw new EmbeddingException("cannot load the text tower: " + t, t);
      }
    }
  }

  /**
   * The ONNX text tower to load: the any-length rewrite where it applies and passed its check,
   * cached beside the model, else in {@link LoadOptions#effectiveCacheDir()}.
   */
  private static AnyLengthTextTower.Prepared prepareText(
      ModelFolder folder, TextTokenizer tokenizer, LoadOptions options, int cores)
      throws IOException {
    Path original = folder.textualModel(EngineKind.ONNX);
    if (!options.anyLengthText()) {
      return new AnyLengthTextTower.Prepared(
          original, false, "kept at the context length: turned off");
    }
    List<int[]> probes = TEXT_PROBES.stream().map(tokenizer::encode).toList();
    return new AnyLengthTextTower()
        .prepare(
            original,
            List.of(original.getParent(), options.effectiveCacheDir()),
            probes,
            tokenizer.padId(),
            cores);
  }

  /**
   * How the text tower takes its input: any length (rewritten, and how it was checked) or padded to
   * the context length, and why. For {@code models verify}.
   */
  String textTowerNote() {
    return (anyLengthText ? "texts cut after their end token: " : "") + textTowerNote;
  }

  /** Text is latency-bound: every call uses all cores, and several queries may run at once. */
  private static InferenceSettings textSettings(int fixedBatch, int cores) {
    return new InferenceSettings(cores, cores, fixedBatch > 0 ? fixedBatch : 64);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Optional<Path> cacheDir() {
    return Optional.of(cacheDir);
  }

  @Override
  public Scoring scoring() {
    return scoring;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    ensureOpen();
    int[][] ids = new int[texts.size()][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = tokenizer.encode(texts.get(i));
    }
    // the reference pads with the tokenizer's pad id (0 for CLIP's BPE, <pad> for Hugging Face's)
    return normalizedRows(textual.encodeIds(ids, tokenizer.padId(), anyLengthText));
  }

  @Override
  public ImagePipeline images() {
    ensureOpen();
    return pipeline;
  }

  /** The image tower on input tensors: the last stage of {@link #pipeline}. */
  private List<float[]> embedTensors(List<float[]> tensors) {
    ensureOpen();
    for (float[] t : tensors) {
      if (t.length != imageTensorLength) {
        throw new IllegalArgumentException(
            "image tensor has " + t.length + " values, the model takes " + imageTensorLength);
      }
    }
    return normalizedRows(visual.encodeFloats(tensors.toArray(float[][]::new)));
  }

  /**
   * Published exports already normalize; TorchScript files and other exports may not. Dividing
   * again is harmless, so every vector goes through here.
   */
  private static List<float[]> normalizedRows(float[][] rows) {
    List<float[]> out = new ArrayList<>(rows.length);
    for (float[] row : rows) {
      out.add(Vectors.normalize(row));
    }
    return out;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("model " + info.id() + " is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    decodePool.shutdownNow();
    try {
      visual.close();
    } finally {
      try {
        textual.close();
      } finally {
        tokenizer.close();
      }
    }
  }
}
