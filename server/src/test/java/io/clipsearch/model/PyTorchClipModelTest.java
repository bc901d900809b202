package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The contract on PyTorch with TorchScript files: dynamic batch, int64 text. */
class PyTorchClipModelTest extends ClipModelContractTest {

  @Override
  EngineKind engine() {
    return EngineKind.PYTORCH;
  }

  @Test
  void batchesAreTrueBatches() {
    ModelInfo info = model.info();
    assertEquals(TensorSpec.ElementType.INT64, info.textInput().elementType());
    assertEquals(0, info.imageInput().fixedBatch());
    assertFalse(info.imageBatchFixed());
    assertEquals(InferenceSettings.DEFAULT_IMAGE_BATCH, info.imageBatch());
  }
}
