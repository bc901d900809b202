package io.clipsearch.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownModelsTest {

  @Test
  void catalogHasTheOpenAiModels() {
    assertEquals(512, KnownModels.require("ViT-B-32").dimension());
    assertEquals(512, KnownModels.require("ViT-B-16").dimension());
    assertEquals(768, KnownModels.require("ViT-L-14").dimension());
    assertEquals("immich-app/ViT-B-32__openai", KnownModels.require("ViT-B-32").repo());
  }

  @Test
  void lookupIgnoresCaseAndAcceptsImmichNames() {
    KnownModel b32 = KnownModels.require("ViT-B-32");
    assertEquals(b32, KnownModels.require("vit-b-32"));
    assertEquals(b32, KnownModels.require("ViT-B-32__openai"));
    assertEquals(b32, KnownModels.require("immich-app/vit-b-32__openai"));
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KnownModels.require("ViT-Q-99"));

    assertTrue(
        e.getMessage().startsWith("unknown model 'ViT-Q-99'; known models: "), e.getMessage());
    for (KnownModel m : KnownModels.all()) {
      assertTrue(e.getMessage().contains(m.name()), e.getMessage());
    }
  }

  @Test
  void namesAreUniqueIgnoringCase() {
    List<String> names = KnownModels.all().stream().map(m -> m.name().toLowerCase()).toList();
    assertEquals(names.size(), new HashSet<>(names).size());
  }

  @Test
  void knownModelRejectsUnsafeNames() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new KnownModel("../x", "a/b", "main", 512, "MIT", "English", 1, "d"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KnownModel("x", "no-owner", "main", 512, "MIT", "English", 1, "d"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KnownModel("x", "a/b", "main", 0, "MIT", "English", 1, "d"));
  }
}
