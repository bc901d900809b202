package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on ONNX Runtime, with the published exports' fixed batch of 1 and int32 text. */
class OnnxClipModelTest extends ClipModelContractTest {

  @Override
  EngineKind engine() {
    return EngineKind.ONNX;
  }

  @Test
  void inputsAreReadFromTheOnnxFile() {
    ModelInfo info = model.info();
    assertEquals("image", info.imageInput().name());
    assertEquals(TensorSpec.ElementType.INT32, info.textInput().elementType());
    assertEquals(1, info.imageInput().fixedBatch());
    assertTrue(info.imageBatchFixed());
    assertEquals(1, info.imageBatch());
  }

  @Test
  void theTextTowerTakesTextsCutAfterTheirEndToken() {
    assertArrayEquals(new long[] {1, -1}, model.info().textInput().shape());
    String note = ((DjlClipModel) model).textTowerNote();
    assertTrue(
        note.startsWith("texts cut after their end token: positional embedding, 2 causal masks"),
        note);
  }

  /**
   * Every reference text, of 2 to 77 tokens, through the rewritten tower and the export as it is.
   */
  @Test
  void cutTextsEmbedExactlyAsPaddedOnes() throws IOException {
    List<String> texts = new ArrayList<>(reference.texts().keySet());
    List<float[]> cut = model.embedTexts(texts);
    try (ClipModel padded =
        ClipModels.load(
            SharedFixtures.tinyClip(),
            LoadOptions.defaults().withEngine(EngineKind.ONNX).withAnyLengthText(false))) {
      assertArrayEquals(new long[] {1, 77}, padded.info().textInput().shape());
      List<float[]> full = padded.embedTexts(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(full.get(i), cut.get(i), 1e-6f, texts.get(i));
      }
    }
  }
}
