package io.clipsearch.faces;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One face net (an ONNX file of {@link TfjsFaceExport}) on ONNX Runtime through DJL: a float32 NCHW
 * tensor in, its named float32 outputs out as flat arrays. The one class of this package that knows
 * the engine. Holds one {@link Predictor}, so it is not thread-safe: one per thread (a {@link
 * FaceFinder} owns its nets). Whoever creates it closes it (predictor, then model, then session
 * options).
 */
final class OnnxNet implements AutoCloseable {

  private final Model model;
  private final Predictor<float[], float[][]> predictor;
  private final OrtSession.SessionOptions options;

  private OnnxNet(
      Model model, Predictor<float[], float[][]> predictor, OrtSession.SessionOptions options) {
    this.model = model;
    this.predictor = predictor;
    this.options = options;
  }

  /**
   * Loads {@code file} with {@code threads} intra-op threads.
   *
   * @param input the graph's input name and shape
   * @param outputs the output names, in the order {@link #run} returns them
   * @throws IOException if the file is missing or ONNX Runtime cannot load it
   */
  static OnnxNet load(Path file, int threads, String input, long[] shape, List<String> outputs)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "no face net (models/faces/README.md says how to convert them)");
    }
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    Model model = null;
    try {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // idle threads sleep: decoding, beside inference, needs the cores
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      model = Model.newInstance(file.getFileName().toString(), Device.cpu(), "OnnxRuntime");
      OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
      // the block owns the session from here: closing the model's manager closes it
      model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
      return new OnnxNet(model, model.newPredictor(new Tensors(input, shape, outputs)), options);
    } catch (OrtException | EngineException e) {
      if (model != null) {
        model.close();
      }
      options.close();
      throw new IOException("cannot load face net " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the net on one input of the loaded shape.
   *
   * @return the outputs' values, flat, in the order given at load
   * @throws IllegalArgumentException if {@code input} has the wrong length
   * @throws IllegalStateException if the engine fails
   */
  float[][] run(float[] input) {
    try {
      return predictor.predict(input);
    } catch (TranslateException e) {
      throw new IllegalStateException(
          "face net " + model.getName() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
    options.close();
  }

  /** Flat floats to the named input tensor, named outputs back to flat floats. Stateless. */
  private record Tensors(String input, long[] shape, List<String> outputs)
      implements NoBatchifyTranslator<float[], float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[] values) {
      Shape s = new Shape(shape);
      if (values.length != s.size()) {
        throw new IllegalArgumentException(
            "input of " + values.length + " values, the net takes " + s);
      }
      NDArray array = ctx.getNDManager().create(values, s);
      array.setName(input);
      return new NDList(array);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      float[][] out = new float[outputs.size()][];
      for (int i = 0; i < out.length; i++) {
        NDArray a = list.get(outputs.get(i));
        if (a == null || a.getDataType() != DataType.FLOAT32) {
          throw new IllegalStateException("no float32 output " + outputs.get(i));
        }
        out[i] = a.toFloatArray();
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tensors t
          && input.equals(t.input)
          && Arrays.equals(shape, t.shape)
          && outputs.equals(t.outputs);
    }

    @Override
    public int hashCode() {
      return input.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return "Tensors[" + input + Arrays.toString(shape) + " -> " + outputs + "]";
    }
  }
}
