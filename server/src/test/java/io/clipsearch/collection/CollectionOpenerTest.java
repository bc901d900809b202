package io.clipsearch.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way to define and open a collection, on a real embedded index with the tiny-clip model:
 * the default format of a new collection, roots added to an existing one, a format that contradicts
 * the stored one, and the errors for a missing collection or index.
 */
class CollectionOpenerTest {

  static ClipModel model;

  @TempDir Path data;
  @TempDir Path photos;

  @BeforeAll
  static void loadModel() throws IOException {
    model = ClipModels.load(SharedFixtures.tinyClip());
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void aNewCollectionIsInt8UnlessAskedAndAnExistingOneKeepsItsFormat() throws IOException {
    CollectionOpener opener = CollectionOpener.embedded(data, model);
    Path more = Files.createDirectories(photos.resolve("more"));

    assertEquals(
        VectorFormat.INT8, opener.define("photos", List.of(photos), Optional.empty()).format());
    CollectionConfig added = opener.define("photos", List.of(more), Optional.empty());

    assertEquals(VectorFormat.INT8, added.format());
    assertEquals(List.of(photos, more), added.roots());
    assertEquals(
        VectorFormat.FLOAT32,
        opener.define("exact", List.of(photos), Optional.of(VectorFormat.FLOAT32)).format());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> opener.define("photos", List.of(), Optional.of(VectorFormat.BBQ)));
    assertEquals(
        "collection 'photos' stores vectors as int8, not bbq: leave out the format or use"
            + " another collection",
        e.getMessage());
    assertEquals(List.of("exact", "photos"), opener.names());
  }

  @Test
  void openMakesTheIndexButOpenIndexedRefusesACollectionWithoutOne() throws IOException {
    CollectionOpener opener = CollectionOpener.embedded(data, model);
    opener.define("photos", List.of(photos), Optional.empty());

    NoSuchCollectionException noIndex =
        assertThrows(NoSuchCollectionException.class, () -> opener.openIndexed("photos"));
    assertTrue(
        noIndex.getMessage().startsWith("collection 'photos' has no index for model "),
        noIndex.getMessage());
    try (OpenCollection c = opener.open("photos")) {
      assertEquals(VectorFormat.INT8, c.index().format());
      assertEquals(0, c.index().count());
    }
    try (OpenCollection c = opener.openIndexed("photos")) {
      assertEquals("photos", c.name());
    }
  }

  @Test
  void aMissingOrUnsafeNameIsNoSuchCollection() {
    CollectionOpener opener = CollectionOpener.embedded(data, model);

    assertTrue(
        assertThrows(NoSuchCollectionException.class, () -> opener.open("nope"))
            .getMessage()
            .startsWith(
                "no collection 'nope': index one with 'clipsearch index DIR --collection nope'"));
    assertThrows(NoSuchCollectionException.class, () -> opener.openIndexed("../etc"));
    assertFalse(Files.exists(data.resolve("nope")), "opening created a folder");
  }
}
