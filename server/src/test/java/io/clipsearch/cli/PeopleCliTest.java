package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.people.FaceStore;
import io.clipsearch.people.People;
import io.clipsearch.people.Person;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch search person:Anna}: five Caltech-101 faces photos of two people indexed by
 * {@code clipsearch index} with the real face nets and tiny-clip, the larger person named as the
 * server's API would; her name alone lists her three photos, newest first, without scores.
 */
class PeopleCliTest {

  private static final String FACES = "datasets/caltech101/%s/faces/image_%04d.jpg";

  @Test
  void aPersonAloneListsHerPhotosNewestFirst(@TempDir Path dir) throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    copy(366, photos.resolve("anna-1.jpg"), "2020-05-01T10:00:00Z");
    copy(370, photos.resolve("anna-2.jpg"), "2022-05-01T10:00:00Z");
    copy(373, photos.resolve("anna-3.jpg"), "2021-05-01T10:00:00Z");
    copy(56, photos.resolve("carl-1.jpg"), "2023-05-01T10:00:00Z");
    copy(57, photos.resolve("carl-2.jpg"), "2023-06-01T10:00:00Z");
    String model = SharedFixtures.tinyClip().toString();
    Path data = dir.resolve("data");
    CliRun index =
        CliRun.of(
            "index",
            photos.toString(),
            "--model",
            model,
            "--data",
            data.toString(),
            "--collection",
            "c",
            "--face-models",
            Path.of("..", "models", "faces").toString());
    assertEquals(0, index.exitCode(), index.err());
    CollectionLayout layout = new CollectionLayout(data, "c");
    People people = People.open(layout.peopleFile(), new FaceStore(layout.facesDir()));
    Person anna = people.list(false).getFirst();
    assertEquals(3, anna.faces().size(), people.list(false).toString());
    people.name(anna.id(), "Anna");

    CliRun search =
        CliRun.of(
            "search",
            "--model",
            model,
            "--data",
            data.toString(),
            "--collection",
            "c",
            "person:Anna");
    assertEquals(0, search.exitCode(), search.err());
    String[] lines = search.lines();
    assertTrue(lines[0].startsWith("3 photos of the persons named, newest first, "), search.out());
    assertEquals(4, lines.length, search.out());
    assertTrue(lines[1].startsWith("2022-05-01  ") && lines[1].endsWith("anna-2.jpg"), lines[1]);
    assertTrue(lines[2].startsWith("2021-05-01  ") && lines[2].endsWith("anna-3.jpg"), lines[2]);
    assertTrue(lines[3].startsWith("2020-05-01  ") && lines[3].endsWith("anna-1.jpg"), lines[3]);
  }

  private static void copy(int number, Path to, String date) throws Exception {
    Path train = SharedFixtures.root().resolve(String.format(FACES, "train", number));
    Files.copy(
        Files.exists(train) ? train : SharedFixtures.path(String.format(FACES, "test", number)),
        to);
    Files.setLastModifiedTime(to, FileTime.from(Instant.parse(date)));
  }
}
