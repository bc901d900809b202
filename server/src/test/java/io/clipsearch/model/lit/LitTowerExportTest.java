package io.clipsearch.model.lit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tower's parts around the backbone, on a tfjs graph small enough to write here (input scaling,
 * a fused 1x1 convolution with Relu6, average pooling over the whole image, squeeze): the converted
 * features equal a direct computation, the embedding is the L2-normalized projection of the
 * features (one layer, or two with a ReLU between), the model id lands in the metadata, and an op
 * the converter does not cover is refused by name.
 */
class LitTowerExportTest {

  private static final int SIZE = 4;
  private static final String FEATURES = LitTowerExport.FEATURE_NODE;

  @TempDir Path dir;

  @Test
  void featuresAndEmbeddingAreWhatTheGraphAndProjectionCompute() throws Exception {
    // 1x1 conv from 3 to 2 channels: out0 = in0 - in1, out1 = 2 * in2 (+ bias 0.5, 0.25)
    float[] kernel = {1, 0, -1, 0, 0, 2}; // [1, 1, 3, 2], row-major (in, out)
    Path model = graph(dir.resolve("tfjs"), kernel, "Relu6");
    List<ProjectionLayer> projection =
        List.of(
            new ProjectionLayer(2, 3, new float[] {1, 0, 0, 1, 1, 1}, new float[] {0, 0, 0.1f}),
            new ProjectionLayer(3, 2, new float[] {1, -1, 0, 0, 1, 1}, new float[] {0.2f, 0}));
    Path onnx = dir.resolve("tower.onnx");
    LitTowerExport.tower(
        model, SIZE, List.of(), "test", projection, "clipsearch.model_id", "lit@1", onnx);

    Random random = new Random(7);
    float[] image = new float[3 * SIZE * SIZE];
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextFloat();
    }
    Engine.getEngine("OnnxRuntime"); // DJL owns the process's ONNX Runtime environment
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx.toString());
        OnnxTensor t =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(image), new long[] {1, 3, SIZE, SIZE});
        OrtSession.Result r = session.run(Map.of(LitTowerExport.INPUT, t))) {
      assertEquals("lit@1", session.getMetadata().getCustomMetadata().get("clipsearch.model_id"));
      float[] features = ((float[][]) r.get(LitTowerExport.FEATURES).get().getValue())[0];
      float[] embedding = ((float[][]) r.get(LitTowerExport.EMBEDDING).get().getValue())[0];

      float[] want = new float[2];
      for (int p = 0; p < SIZE * SIZE; p++) {
        float[] x = new float[3];
        for (int c = 0; c < 3; c++) {
          x[c] = image[c * SIZE * SIZE + p] * 2 - 1; // the graph's Mul 2, Sub 1
        }
        want[0] += Math.min(6, Math.max(0, x[0] - x[1] + 0.5f)) / (SIZE * SIZE);
        want[1] += Math.min(6, Math.max(0, 2 * x[2] + 0.25f)) / (SIZE * SIZE);
      }
      assertArrayEquals(want, features, 1e-6f);

      float[] h = {features[0], features[1], features[0] + features[1] + 0.1f}; // first layer
      for (int i = 0; i < h.length; i++) {
        h[i] = Math.max(0, h[i]);
      }
      float[] y = {h[0] - h[1] + 0.2f, h[1] + h[2]};
      double norm = Math.sqrt(y[0] * y[0] + y[1] * y[1]);
      assertArrayEquals(
          new float[] {(float) (y[0] / norm), (float) (y[1] / norm)}, embedding, 1e-5f);
    }
  }

  @Test
  void aTappedNodesMeanPrecedesTheFeatures() throws Exception {
    Path model = graph(dir.resolve("tfjs"), new float[] {1, 0, -1, 0, 0, 2}, "Relu6");
    Path onnx = dir.resolve("tapped.onnx");
    // the tapped conv's spatial mean is what the pool computes: the features twice
    assertEquals(4, LitTowerExport.backbone(model, SIZE, List.of("conv"), "t", onnx));
    Engine.getEngine("OnnxRuntime");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float[] image = new float[3 * SIZE * SIZE];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i % 7) / 7f;
    }
    try (OrtSession session = env.createSession(onnx.toString());
        OnnxTensor t =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(image), new long[] {1, 3, SIZE, SIZE});
        OrtSession.Result r = session.run(Map.of(LitTowerExport.INPUT, t))) {
      float[] f = ((float[][]) r.get(LitTowerExport.FEATURES).get().getValue())[0];
      assertArrayEquals(new float[] {f[2], f[3]}, new float[] {f[0], f[1]}, 1e-6f);
    }
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LitTowerExport.backbone(model, SIZE, List.of("nope"), "t", dir.resolve("n.onnx")));
    assertTrue(e.getMessage().contains("[nope]"), e.getMessage());
  }

  @Test
  void aProjectionThatDoesNotTakeTheFeaturesIsRefused() throws Exception {
    Path model = graph(dir.resolve("tfjs"), new float[] {1, 0, 0, 1, 0, 0}, "Relu6");
    List<ProjectionLayer> wrong = List.of(new ProjectionLayer(5, 1, new float[5], new float[1]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LitTowerExport.tower(
                    model, SIZE, List.of(), "t", wrong, "k", "id", dir.resolve("x.onnx")));
    assertTrue(e.getMessage().contains("2 features"), e.getMessage());
  }

  @Test
  void anUncoveredFusionIsRefusedByName() throws Exception {
    Path model = graph(dir.resolve("tfjs"), new float[] {1, 0, 0, 1, 0, 0}, "Relu");
    IOException e =
        assertThrows(
            IOException.class,
            () -> LitTowerExport.backbone(model, SIZE, List.of(), "t", dir.resolve("b.onnx")));
    assertTrue(e.getMessage().contains("fused ops [BiasAdd, Relu]"), e.getMessage());
    assertTrue(e.getMessage().contains("conv"), e.getMessage());
  }

  /** A tfjs graph model: scale to -1..1, a fused 1x1 conv (3 to 2 channels), pool, squeeze. */
  private static Path graph(Path folder, float[] kernel, String activation) throws IOException {
    Files.createDirectories(folder);
    String json =
        """
        {"format":"graph-model","modelTopology":{"node":[
          {"name":"mul_y","op":"Const"},{"name":"sub_y","op":"Const"},
          {"name":"w","op":"Const"},{"name":"b","op":"Const"},
          {"name":"input","op":"Placeholder","attr":{"shape":{"shape":{"dim":[
            {"size":"-1"},{"size":"%d"},{"size":"%d"},{"size":"3"}]}}}},
          {"name":"mul","op":"Mul","input":["mul_y","input"]},
          {"name":"sub","op":"Sub","input":["mul","sub_y"]},
          {"name":"conv","op":"_FusedConv2D","input":["sub","w","b"],"attr":{
            "strides":{"list":{"i":["1","1","1","1"]}},"padding":{"s":"%s"},
            "fused_ops":{"list":{"s":["%s","%s"]}}}},
          {"name":"pool","op":"AvgPool","input":["conv"],"attr":{
            "ksize":{"list":{"i":["1","%d","%d","1"]}},"strides":{"list":{"i":["1","1","1","1"]}},
            "padding":{"s":"%s"}}},
          {"name":"%s","op":"Squeeze","input":["pool"]}]},
         "weightsManifest":[{"paths":["weights.bin"],"weights":[
          {"name":"mul_y","shape":[],"dtype":"float32"},{"name":"sub_y","shape":[],"dtype":"float32"},
          {"name":"w","shape":[1,1,3,2],"dtype":"float32"},{"name":"b","shape":[2],"dtype":"float32"}]}]}
        """
            .formatted(
                SIZE,
                SIZE,
                b64("SAME"),
                b64("BiasAdd"),
                b64(activation),
                SIZE,
                SIZE,
                b64("VALID"),
                FEATURES);
    Files.writeString(folder.resolve("model.json"), json);
    ByteBuffer w = ByteBuffer.allocate((2 + 6 + 2) * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    w.putFloat(2).putFloat(1);
    for (float k : kernel) {
      w.putFloat(k);
    }
    w.putFloat(0.5f).putFloat(0.25f);
    Files.write(folder.resolve("weights.bin"), w.array());
    return folder;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes());
  }
}
