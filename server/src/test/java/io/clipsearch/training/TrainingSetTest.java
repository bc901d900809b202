package io.clipsearch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

  private static final Path DATASETS = SharedFixtures.path("datasets");

  @Test
  void mergedLabelSpaceOverTheThreeTrainFolders() throws IOException {
    TrainingSet set = TrainingSet.read(DATASETS, new TrainingSet.Limits(0, 2));
    // 200 Tiny ImageNet + 100 Caltech (101 folders, faces/faces_easy merged, background dropped:
    // 102 folders - 1 - 1) + 10 Imagenette, minus names shared between the sets
    int classes = set.classes().size();
    assertTrue(classes > 280 && classes <= 310, "classes " + classes);
    assertTrue(set.classes().contains("goldfish"));
    assertTrue(set.classes().contains("french horn"));
    assertTrue(set.classes().contains("face"));
    assertEquals(
        List.copyOf(new java.util.TreeSet<>(set.classes())), set.classes(), "sorted, unique");
    for (TrainingSet.Item item : set.items()) {
      String p = item.path().toString();
      assertTrue(p.contains("/train/"), p);
      assertTrue(!p.contains("/val/") && !p.contains("/test/"), p);
    }
  }

  @Test
  void limitsAndDeterministicOrder() throws IOException {
    TrainingSet a = TrainingSet.read(DATASETS, new TrainingSet.Limits(10, 5));
    TrainingSet b = TrainingSet.read(DATASETS, new TrainingSet.Limits(10, 5));
    assertEquals(10, a.classes().size());
    assertEquals(50, a.items().size());
    assertEquals(a, b);
    assertEquals(0, a.items().getFirst().label());
    assertEquals(9, a.items().getLast().label());
  }

  @Test
  void folderNames() {
    assertEquals("french horn", TrainingSet.folderName("french_horn"));
    assertEquals("face", TrainingSet.folderName("faces_easy"));
    assertNull(TrainingSet.folderName("BACKGROUND_Google"));
  }
}
