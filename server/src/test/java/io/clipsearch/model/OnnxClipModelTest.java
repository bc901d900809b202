package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
