package io.clipsearch.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.faces.Face;
import io.clipsearch.faces.FaceBox;
import io.clipsearch.model.image.DecodedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persons on hand-made descriptors (one axis each, so distances are exact): the clustering rule,
 * naming, merging, splitting, hiding and deleting, and what survives reopening.
 */
class PeopleTest {

  private static final DecodedImage IMAGE = new DecodedImage(8, 8, new byte[8 * 8 * 3]);

  @TempDir Path tmp;
  private FaceStore store;
  private People people;

  @BeforeEach
  void open() throws IOException {
    store = new FaceStore(tmp.resolve("faces"));
    people = People.open(tmp.resolve("faces/people.json"), store);
  }

  /** A face whose descriptor is {@code x} on axis 0 and {@code y} on axis 1. */
  private static Face face(double x, double y) {
    float[] d = new float[Face.DESCRIPTOR_SIZE];
    d[0] = (float) x;
    d[1] = (float) y;
    return new Face(new FaceBox(1, 1, 4, 4), 0.9f, new double[Face.LANDMARKS * 2], d);
  }

  @Test
  void facesWithinTheJoinDistanceMakeAPersonAndALoneFaceWaits() throws IOException {
    store.write("aa", List.of(face(0, 0)), IMAGE);
    store.write("bb", List.of(face(0.4, 0)), IMAGE); // 0.4 from aa: together
    store.write("cc", List.of(face(0, 5)), IMAGE); // far from both: waits

    assertEquals(1, people.update(), "one face waits");
    List<Person> list = people.list(false);
    assertEquals(1, list.size());
    assertEquals(List.of(new FaceId("aa", 0), new FaceId("bb", 0)), list.get(0).faces());

    store.write("dd", List.of(face(0.8, 0)), IMAGE); // 0.4 from bb, 0.8 from aa: joins
    people.update();
    assertEquals(3, people.list(false).get(0).faces().size());
  }

  @Test
  void namesMergesSplitsAndHiddenPersonsSurviveReopeningAndNewFaces() throws IOException {
    store.write("aa", List.of(face(0, 0), face(0, 9)), IMAGE);
    store.write("bb", List.of(face(0.3, 0), face(0, 9.3)), IMAGE);
    people.update();
    int anna =
        people.list(false).stream()
            .filter(p -> p.faces().contains(new FaceId("aa", 0)))
            .findFirst()
            .orElseThrow()
            .id();
    int other =
        people.list(false).stream().filter(p -> p.id() != anna).findFirst().orElseThrow().id();
    people.name(anna, " Anna ");
    people.hide(other, true);

    People reopened = People.open(tmp.resolve("faces/people.json"), store);
    assertEquals("Anna", reopened.get(anna).orElseThrow().name());
    assertEquals(List.of(anna), reopened.list(false).stream().map(Person::id).toList());
    assertEquals(2, reopened.list(true).size());
    assertEquals(anna, reopened.named("anna").get(0).id());

    Person merged = reopened.merge(anna, other);
    assertEquals("Anna", merged.name());
    assertEquals(4, merged.faces().size());
    assertTrue(reopened.get(other).isEmpty());

    FaceId wrong = new FaceId("bb", 1);
    int waiting = reopened.waiting();
    assertEquals(3, reopened.split(anna, wrong).orElseThrow().faces().size());
    assertEquals(waiting + 1, reopened.waiting(), "the face split off waits in no person");
    store.write("cc", List.of(face(0.1, 0)), IMAGE);
    reopened.update();
    Person after = reopened.get(anna).orElseThrow();
    assertTrue(after.faces().contains(new FaceId("cc", 0)), "a new photo joins Anna");
    assertFalse(after.faces().contains(wrong), "the face split off never joins her again");
  }

  @Test
  void deletingAPersonDeletesItsDescriptorsAndCropsForGood() throws IOException {
    store.write("aa", List.of(face(0, 0), face(0, 9)), IMAGE);
    store.write("bb", List.of(face(0.3, 0)), IMAGE);
    people.update();
    int id = people.list(false).get(0).id();

    people.delete(id);

    assertTrue(people.get(id).isEmpty());
    assertEquals(List.of(new FaceId("aa", 1)), store.all().stream().map(StoredFace::id).toList());
    assertTrue(store.crop("aa", 0).isEmpty());
    assertTrue(store.crop("aa", 1).isPresent(), "the other face of the photo stays");
    assertTrue(store.has("bb"), "the photo stays looked at: its face is not found again");
    assertThrows(IllegalArgumentException.class, () -> people.delete(id));
  }
}
