package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.Npy;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The towers alone, fed the reference's own preprocessed tensors: each engine must reproduce
 * open_clip's image embeddings to cosine 0.99999.
 */
class EngineParityFromTensorsTest {

  @ParameterizedTest
  @EnumSource(EngineKind.class)
  void imageTowerMatchesReferenceOnReferenceTensors(EngineKind engine) throws Exception {
    Path tiny = SharedFixtures.tinyClip();
    ReferenceEmbeddings ref = ReferenceEmbeddings.read(tiny.resolve("reference.json"));
    List<String> names = new ArrayList<>(ref.images().keySet());
    List<float[]> tensors = new ArrayList<>();
    for (String name : names) {
      tensors.add(
          Npy.readFloat32(SharedFixtures.clipFixture("preprocess/" + name + ".npy")).data());
    }
    try (ClipModel model = ClipModels.load(tiny, LoadOptions.defaults().withEngine(engine))) {
      assertEquals(engine, model.info().engine());
      List<float[]> batch = model.images().embedTensors(tensors);
      for (int i = 0; i < names.size(); i++) {
        double cos = ReferenceEmbeddings.cosine(batch.get(i), ref.images().get(names.get(i)));
        assertTrue(cos >= 0.99999, engine + " " + names.get(i) + ": cosine " + cos);
        float[] single = model.images().embedTensors(List.of(tensors.get(i))).getFirst();
        assertTrue(
            ReferenceEmbeddings.cosine(single, batch.get(i)) >= 0.999999,
            "batch and single differ for " + names.get(i));
      }
    }
  }
}
