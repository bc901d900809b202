package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ClipModel} guarantees, run once per engine on the {@code tiny-clip} fixture:
 * open_clip's embeddings from image files (our decoder and preprocessing) and from texts (our
 * tokenizer), batch equals single, per-image failures, thread safety, closing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClipModelContractTest {

  /** From files and texts the pipeline must reach the reference to this cosine. */
  static final double PARITY_COSINE = 0.999;

  ClipModel model;
  ReferenceEmbeddings reference;

  abstract EngineKind engine();

  @BeforeAll
  void load() throws Exception {
    Path tiny = SharedFixtures.tinyClip();
    reference = ReferenceEmbeddings.read(tiny.resolve("reference.json"));
    model = ClipModels.load(tiny, LoadOptions.defaults().withEngine(engine()));
  }

  @AfterAll
  void close() {
    if (model != null) {
      model.close();
    }
  }

  static ImageSource fixtureImage(String name) {
    return ImageSource.of(SharedFixtures.clipFixture("images/" + name));
  }

  @Test
  void infoComesFromTheFolder() {
    ModelInfo info = model.info();
    assertEquals(engine(), info.engine());
    assertEquals(32, info.dimension()); // tiny-clip config.json: embed_dim 32
    assertEquals(224, info.imageSize());
    assertEquals(77, info.contextLength());
    assertTrue(info.id().startsWith("tiny-clip@"), info.id());
  }

  @Test
  void imageFilesEmbedLikeTheReference() {
    List<String> names = new ArrayList<>(reference.images().keySet());
    List<ImageEmbedding> results =
        model.embedImages(names.stream().map(ClipModelContractTest::fixtureImage).toList());
    assertEquals(names.size(), results.size());
    for (int i = 0; i < names.size(); i++) {
      ImageEmbedding.Embedded e =
          assertInstanceOf(ImageEmbedding.Embedded.class, results.get(i), names.get(i));
      double cos = ReferenceEmbeddings.cosine(e.vector(), reference.images().get(names.get(i)));
      assertTrue(cos >= PARITY_COSINE, names.get(i) + ": cosine " + cos);
    }
  }

  @Test
  void textsEmbedLikeTheReference() {
    List<String> texts = new ArrayList<>(reference.texts().keySet());
    List<float[]> vectors = model.embedTexts(texts);
    for (int i = 0; i < texts.size(); i++) {
      double cos = ReferenceEmbeddings.cosine(vectors.get(i), reference.texts().get(texts.get(i)));
      assertTrue(cos >= PARITY_COSINE, "'" + texts.get(i) + "': cosine " + cos);
    }
  }

  @Test
  void vectorsAreUnitLength() throws Exception {
    for (float[] v :
        List.of(
            model.embedText("a photo of a cat"), model.embedImage(fixtureImage("coffee.png")))) {
      double norm = Math.sqrt(v.length == 0 ? 0 : dot(v, v));
      assertEquals(1.0, norm, 1e-5);
    }
  }

  @Test
  void batchEqualsSingle() throws Exception {
    List<String> texts = List.of("a photo of a dog", "sunset over the sea", "");
    List<float[]> batch = model.embedTexts(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(model.embedText(texts.get(i)), batch.get(i), 1e-5f, texts.get(i));
    }
    List<String> images = List.of("coffee.png", "gray.png", "photo.webp");
    List<ImageEmbedding> embedded =
        model.embedImages(images.stream().map(ClipModelContractTest::fixtureImage).toList());
    for (int i = 0; i < images.size(); i++) {
      float[] single = model.embedImage(fixtureImage(images.get(i)));
      assertArrayEquals(
          single, ((ImageEmbedding.Embedded) embedded.get(i)).vector(), 1e-5f, images.get(i));
    }
  }

  @Test
  void badImagesFailAloneAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    Path text =
        Files.writeString(dir.resolve("notes.jpg"), "not an image at all", StandardCharsets.UTF_8);
    byte[] jpeg = Files.readAllBytes(SharedFixtures.clipFixture("images/sunset-beach.jpg"));
    Path truncated =
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    Path missing = dir.resolve("missing.png");
    List<ImageSource> batch =
        List.of(
            fixtureImage("coffee.png"),
            ImageSource.of(empty),
            ImageSource.of(text),
            ImageSource.of(truncated),
            ImageSource.of(missing),
            fixtureImage("astronaut.png"));

    List<ImageEmbedding> results = model.embedImages(batch);

    assertEquals(batch.size(), results.size());
    assertArrayEquals(
        model.embedImage(fixtureImage("coffee.png")),
        assertInstanceOf(ImageEmbedding.Embedded.class, results.get(0)).vector(),
        1e-5f);
    Map<Integer, ImageDecodeException.Reason> expected =
        Map.of(
            1, ImageDecodeException.Reason.EMPTY,
            2, ImageDecodeException.Reason.NOT_AN_IMAGE,
            3, ImageDecodeException.Reason.CORRUPT,
            4, ImageDecodeException.Reason.UNREADABLE);
    expected.forEach(
        (i, reason) -> {
          ImageEmbedding.Failed f =
              assertInstanceOf(ImageEmbedding.Failed.class, results.get(i), batch.get(i).name());
          assertEquals(reason, f.error().reason(), f.error().getMessage());
          assertTrue(f.error().getMessage().contains(batch.get(i).name()), f.error().getMessage());
        });
    assertInstanceOf(ImageEmbedding.Embedded.class, results.get(5));
  }

  @Test
  void singleBadImageThrowsTypedError(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("readme.png"), "hello");
    ImageDecodeException e =
        assertThrows(ImageDecodeException.class, () -> model.embedImage(ImageSource.of(text)));
    assertEquals(ImageDecodeException.Reason.NOT_AN_IMAGE, e.reason());
  }

  @Test
  void concurrentCallsGiveTheSameVectors() throws Exception {
    float[] text = model.embedText("two dogs playing in the snow");
    float[] image = model.embedImage(fixtureImage("kitten-on-lawn.jpg"));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<float[]>> texts = new ArrayList<>();
      List<Future<float[]>> images = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        texts.add(pool.submit(() -> model.embedText("two dogs playing in the snow")));
        images.add(pool.submit(() -> model.embedImage(fixtureImage("kitten-on-lawn.jpg"))));
      }
      for (int i = 0; i < 12; i++) {
        assertArrayEquals(text, texts.get(i).get(), 1e-5f);
        assertArrayEquals(image, images.get(i).get(), 1e-5f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wrongTensorLengthIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> model.images().embedTensors(List.of(new float[10])));
    assertEquals("image tensor has 10 values, the model takes 150528", e.getMessage());
  }

  @Test
  void emptyInputsGiveEmptyResults() {
    assertEquals(List.of(), model.embedTexts(List.of()));
    assertEquals(List.of(), model.embedImages(List.of()));
  }

  @Test
  void aClosedModelRefusesCalls() throws Exception {
    ClipModel other =
        ClipModels.load(SharedFixtures.tinyClip(), LoadOptions.defaults().withEngine(engine()));
    other.close();
    other.close(); // idempotent
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.embedText("x"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
