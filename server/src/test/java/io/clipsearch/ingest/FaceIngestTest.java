package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.people.FaceFinders;
import io.clipsearch.people.FaceStore;
import io.clipsearch.people.People;
import io.clipsearch.people.PhotoFaces;
import io.clipsearch.people.StoredFace;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faces during ingest, with the real face nets of {@code models/faces} and the tiny-clip model:
 * found from the one decode of each new photo, a crop each, deleted with their photo, added to a
 * collection indexed without them (no photo embedded again), and no faces but a normal run when the
 * nets are missing.
 */
class FaceIngestTest {

  private static final Path NETS = Path.of("..", "models", "faces");

  // one face each (FaceParityTest's reference), and a landscape with none above 0.5
  private static final String ONE = "datasets/caltech101/test/faces/image_0043.jpg";
  private static final String TWO = "datasets/caltech101/test/faces/image_0057.jpg";
  private static final String NONE = "sample-images/elementary/Suluh Kalba.jpg";

  private static ClipModel model;
  private static FaceFinders finders;

  @TempDir Path tmp;
  private Path photos;
  private CollectionLayout layout;
  private FaceStore store;
  private People people;

  @BeforeAll
  static void load() throws IOException {
    model = ClipModels.load(SharedFixtures.tinyClip());
    finders = FaceFinders.open(NETS);
  }

  @AfterAll
  static void close() {
    finders.close();
    model.close();
  }

  @BeforeEach
  void copyPhotos() throws IOException {
    photos = Files.createDirectories(tmp.resolve("photos"));
    for (String p : List.of(ONE, TWO, NONE)) {
      Files.copy(SharedFixtures.path(p), photos.resolve(Path.of(p).getFileName().toString()));
    }
    layout = new CollectionLayout(tmp.resolve("data"), "test");
    store = new FaceStore(layout.facesDir());
    people = People.open(layout.peopleFile(), store);
  }

  @Test
  void facesAreFoundWithEachPhotoAndDeletedWithIt() throws IOException {
    IngestReport first = ingest(new PhotoFaces(finders, people));

    assertEquals(3, first.counts().embedded());
    String one = idOf(ONE);
    List<StoredFace> faces = store.read(one).orElseThrow();
    assertEquals(1, faces.size(), "image_0043 has one face");
    assertTrue(faces.get(0).face().score() > 0.9f);
    assertTrue(store.crop(one, 0).isPresent(), "a crop of the face");
    assertEquals(List.of(), store.read(idOf(NONE)).orElseThrow(), "looked at, no face");

    Files.delete(photos.resolve("image_0043.jpg"));
    ingest(new PhotoFaces(finders, people));

    assertFalse(store.has(one), "the deleted photo's descriptors are gone");
    assertTrue(store.crop(one, 0).isEmpty(), "and its crop");
    assertTrue(store.has(idOf(TWO)));
  }

  @Test
  void aCollectionIndexedWithoutFacesGetsThemWithoutEmbeddingAgain() throws IOException {
    ingest(new PhotoFaces(FaceFinders.off(), people));
    assertFalse(store.has(idOf(ONE)), "face finding off: nothing stored");

    IngestReport again = ingest(new PhotoFaces(finders, people));

    assertEquals(0, again.counts().embedded(), "no photo embedded again");
    assertEquals(3, again.counts().unchanged());
    assertEquals(1, store.read(idOf(ONE)).orElseThrow().size());
    assertEquals(1, store.read(idOf(TWO)).orElseThrow().size());
    assertTrue(store.has(idOf(NONE)));
  }

  @Test
  void missingNetsIndexPhotosWithoutFaces() throws IOException {
    try (FaceFinders none = FaceFinders.open(tmp.resolve("no-nets"))) {
      assertFalse(none.available());
      IngestReport report = ingest(new PhotoFaces(none, people));
      assertEquals(3, report.counts().embedded());
      assertEquals(0, report.counts().failed());
      assertFalse(Files.exists(layout.facesDir()));
    }
  }

  private VectorIndex openIndex() throws IOException {
    return VectorIndex.open(
        layout.indexDir(model.info().id()),
        new VectorSpace(model.info().id(), model.dimension()),
        VectorFormat.FLOAT32);
  }

  /** One run, in an index opened for it and closed (committed) after it. */
  private IngestReport ingest(PhotoFaces faces) throws IOException {
    try (VectorIndex index = openIndex()) {
      return new IngestJob(
              model,
              index,
              IndexReads.backend(index),
              new ThumbnailStore(layout.thumbsDir()),
              List.of(photos),
              IngestOptions.defaults(),
              ImageTagger.NONE,
              faces,
              p -> {})
          .run();
    }
  }

  private static String idOf(String photo) throws IOException {
    return IngestJob.sha256(Files.readAllBytes(SharedFixtures.path(photo)));
  }
}
