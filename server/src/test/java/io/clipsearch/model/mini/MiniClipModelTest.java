package io.clipsearch.model.mini;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.training.MiniModelFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MiniClipModel} on the {@link MiniModelFixture} folder, loaded through {@link ClipModels}.
 */
class MiniClipModelTest {

  private static ClipModel model;

  @BeforeAll
  static void load() throws IOException {
    model = ClipModels.load(MiniModelFixture.folder(), withImageBatch(LoadOptions.defaults(), 3));
  }

  /** {@code options} on two threads, with image batches of {@code n}. */
  private static LoadOptions withImageBatch(LoadOptions options, int n) {
    return new LoadOptions(
        options.engine(),
        2,
        n,
        options.maxImagePixels(),
        options.fastDecode(),
        options.anyLengthText(),
        options.cacheDir());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void loadsAsTheMiniModel() {
    assertInstanceOf(MiniClipModel.class, model);
    assertEquals(384, model.dimension());
    assertEquals(EngineKind.ONNX, model.info().engine());
    assertEquals(MiniModelFixture.TOWER.imageSize(), model.info().imageSize());
    assertTrue(model.info().id().startsWith("clipsearch-mini@"), model.info().id());
    assertEquals(3, model.info().imageBatch());
  }

  @Test
  void idIsStable() throws IOException {
    try (ClipModel again =
        ClipModels.load(MiniModelFixture.folder(), LoadOptions.defaults().withThreads(1))) {
      assertEquals(model.info().id(), again.info().id());
    }
  }

  @Test
  void textIsUnit384() { // WordPiece ids: MiniLmTextEncoderTest
    float[] v = model.embedText("a photo of a dog");
    assertEquals(384, v.length);
    assertEquals(1.0, norm(v), 1e-5);
  }

  @Test
  void imagesAreUnit384AndBatchEqualsSingle() throws Exception {
    List<ImageSource> sources = MiniModelFixture.images().stream().map(ImageSource::of).toList();
    List<ImageEmbedding> batch = model.embedImages(sources); // 8 images in chunks of 3
    assertEquals(sources.size(), batch.size());
    for (int i = 0; i < sources.size(); i++) {
      float[] b = assertInstanceOf(ImageEmbedding.Embedded.class, batch.get(i)).vector();
      assertEquals(384, b.length);
      assertEquals(1.0, norm(b), 1e-5);
      assertArrayEquals(model.embedImage(sources.get(i)), b, 1e-5f, "image " + i);
    }
    // the pipeline's stages driven one by one give the same vector
    ImagePipeline.Prepared p =
        model.images().prepare(sources.get(0), ImagePipeline.DecodeHook.NONE);
    ImageEmbedding staged = model.images().embedPrepared(List.of(p)).getFirst();
    assertArrayEquals(
        model.embedImage(sources.get(0)),
        assertInstanceOf(ImageEmbedding.Embedded.class, staged).vector(),
        1e-6f);
  }

  @Test
  void aBadImageFailsAlone() {
    List<Path> files = MiniModelFixture.images();
    List<ImageSource> sources = new ArrayList<>();
    sources.add(ImageSource.of(files.get(0)));
    sources.add(ImageSource.of("broken.jpg", "not an image".getBytes(StandardCharsets.UTF_8)));
    sources.add(ImageSource.of(files.get(1)));
    List<ImageEmbedding> out = model.embedImages(sources);
    assertInstanceOf(ImageEmbedding.Embedded.class, out.get(0));
    ImageEmbedding.Failed failed = assertInstanceOf(ImageEmbedding.Failed.class, out.get(1));
    assertEquals("broken.jpg", failed.name());
    assertInstanceOf(ImageEmbedding.Embedded.class, out.get(2));
  }

  @Test
  void wrongTensorLengthIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> model.images().embedTensors(List.of(new float[7])));
  }

  @Test
  void pyTorchIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ClipModels.load(
                    MiniModelFixture.folder(),
                    LoadOptions.defaults().withEngine(EngineKind.PYTORCH)));
    assertTrue(e.getMessage().contains("ONNX Runtime only"), e.getMessage());
  }

  @Test
  void closedModelRefusesCalls() throws IOException {
    ClipModel m = ClipModels.load(MiniModelFixture.folder(), LoadOptions.defaults().withThreads(1));
    ImageSource image = ImageSource.of(MiniModelFixture.images().getFirst());
    m.close();
    m.close(); // idempotent
    assertThrows(IllegalStateException.class, () -> m.embedText("dog"));
    assertThrows(IllegalStateException.class, () -> m.embedImages(List.of(image)));
    assertThrows(IllegalStateException.class, m::images);
  }

  @Test
  void isMiniFolderOnlyForTheMarker() {
    assertTrue(MiniClipModel.isMiniFolder(MiniModelFixture.folder()));
    assertFalse(MiniClipModel.isMiniFolder(MiniModelFixture.folder().resolve("visual")));
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
