package io.clipsearch.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.index.VectorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionLayoutTest {

  @Test
  void placesEveryPartUnderTheCollectionFolder() {
    CollectionLayout layout = new CollectionLayout(Path.of("/data"), "holidays");

    assertEquals(
        Path.of("/data/holidays/index/ViT-B-32_openai_ab12"),
        layout.indexDir("ViT-B-32/openai:ab12"));
    assertEquals(Path.of("/data/holidays/thumbs"), layout.thumbsDir());
    assertEquals(Path.of("/data/holidays/reports"), layout.reportsDir());
    assertEquals(Path.of("/data/holidays/collection.json"), layout.configFile());
    assertEquals("_hidden", CollectionLayout.folderName(".hidden"));
  }

  @Test
  void refusesNamesThatAreNotPlainFolderNames() {
    for (String bad : List.of("", "..", ".x", "a/b", "a b", "x".repeat(101))) {
      assertThrows(
          IllegalArgumentException.class, () -> new CollectionLayout(Path.of("/data"), bad), bad);
    }
  }

  @Test
  void configRoundTripsAndMergesRoots(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c/collection.json");
    CollectionConfig config =
        new CollectionConfig("c", List.of(Path.of("/a"), Path.of("/b")), VectorFormat.INT8);

    config.withRoots(List.of(Path.of("/b"), Path.of("/c"))).write(file);

    assertEquals(
        Optional.of(
            new CollectionConfig(
                "c", List.of(Path.of("/a"), Path.of("/b"), Path.of("/c")), VectorFormat.INT8)),
        CollectionConfig.read(file));
    assertEquals(Optional.empty(), CollectionConfig.read(dir.resolve("none.json")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CollectionConfig("c", List.of(Path.of("relative")), VectorFormat.FLOAT32));
  }
}
