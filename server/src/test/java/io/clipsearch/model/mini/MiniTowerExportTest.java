package io.clipsearch.model.mini;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.PreprocessConfig;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.TestFiles;
import io.clipsearch.training.MiniModelFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX image tower ({@link MiniTowerExport}) against the trained DJL block it was exported
 * from, run on PyTorch: the same vectors up to float rounding, on the bundled model and on the test
 * fixture, for real photos and for random tensors. And the folder rules: the export keeps the model
 * id, a stale or missing export is refused with the command that fixes it, and a folder shipped
 * without the parameters (the release) loads with the same id and vectors.
 */
class MiniTowerExportTest {

  /**
   * Float rounding of other convolution kernels: measured 1.0e-7 (bundled) and 5.2e-8 (fixture);
   * CLIP parity asks 1e-6 too.
   */
  static final float TOLERANCE = 1e-6f;

  @TempDir Path temp;

  @Test
  void bundledExportEqualsTheTrainedBlock() throws Exception {
    assertParity(bundledFolder());
  }

  @Test
  void fixtureExportEqualsTheTrainedBlock() throws Exception {
    assertParity(MiniModelFixture.folder());
  }

  @Test
  void theExportKeepsTheParametersId() throws IOException {
    Path folder = bundledFolder();
    try (ClipModel model = ClipModels.load(folder, LoadOptions.defaults().withThreads(1))) {
      assertEquals(MiniClipModel.computeId(folder.toAbsolutePath().normalize()), model.info().id());
    }
  }

  @Test
  void aReleaseFolderWithoutParametersLoadsWithTheSameIdAndVectors() throws Exception {
    Path shipped = TestFiles.copyTree(MiniModelFixture.folder(), temp.resolve("clipsearch-mini"));
    Files.delete(shipped.resolve(MiniClipModel.PARAMS_FILE));
    ImageSource image = ImageSource.of(MiniModelFixture.images().getFirst());
    try (ClipModel original =
            ClipModels.load(MiniModelFixture.folder(), LoadOptions.defaults().withThreads(1));
        ClipModel release = ClipModels.load(shipped, LoadOptions.defaults().withThreads(1))) {
      assertEquals(original.info().id(), release.info().id());
      assertArrayEquals(original.embedImage(image), release.embedImage(image), 0f);
    }
  }

  @Test
  void aStaleExportIsRefused() throws IOException {
    Path folder = TestFiles.copyTree(MiniModelFixture.folder(), temp.resolve("clipsearch-mini"));
    // retrained: other parameters than the export was made from
    byte[] params = Files.readAllBytes(folder.resolve(MiniClipModel.PARAMS_FILE));
    params[params.length - 1] ^= 1;
    Files.write(folder.resolve(MiniClipModel.PARAMS_FILE), params);
    IOException e =
        assertThrows(
            IOException.class,
            () -> ClipModels.load(folder, LoadOptions.defaults().withThreads(1)).close());
    assertTrue(e.getMessage().contains("train-mini --out"), e.getMessage());
    assertTrue(e.getMessage().contains("--export-onnx"), e.getMessage());
  }

  @Test
  void aMissingExportNamesTheCommand() throws IOException {
    Path folder = TestFiles.copyTree(MiniModelFixture.folder(), temp.resolve("clipsearch-mini"));
    Files.delete(folder.resolve(MiniTowerExport.ONNX_FILE));
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> ClipModels.load(folder, LoadOptions.defaults().withThreads(1)).close());
    assertTrue(e.getMessage().contains("--export-onnx"), e.getMessage());
    MiniTowerExport.export(folder); // what the message says to run
    ClipModels.load(folder, LoadOptions.defaults().withThreads(1)).close();
  }

  /** Runs the same tensors through the ONNX tower and the PyTorch block; compares every value. */
  private static void assertParity(Path folder) throws Exception {
    Path dir = folder.toAbsolutePath().normalize();
    MiniImageTower tower =
        MiniClipModel.towerOf(
            new ObjectMapper().readTree(dir.resolve(MiniClipModel.CONFIG_FILE).toFile()), dir);
    List<float[]> tensors = tensors(dir, tower);
    List<float[]> onnx;
    try (ClipModel model = ClipModels.load(dir, LoadOptions.defaults().withThreads(2))) {
      onnx = model.images().embedTensors(tensors);
    }
    float[][] reference = pyTorch(dir, tower, tensors);
    float worst = 0;
    for (int i = 0; i < tensors.size(); i++) {
      assertArrayEquals(reference[i], onnx.get(i), TOLERANCE, "row " + i + " of " + dir);
      for (int j = 0; j < reference[i].length; j++) {
        worst = Math.max(worst, Math.abs(reference[i][j] - onnx.get(i)[j]));
      }
    }
    System.out.printf("mini tower ONNX vs PyTorch, %s: max abs difference %.3g%n", dir, worst);
  }

  /** Sample photos as the model preprocesses them, and seeded normal noise of the same shape. */
  private static List<float[]> tensors(Path dir, MiniImageTower tower) throws Exception {
    ClipPreprocessor preprocessor =
        new ClipPreprocessor(PreprocessConfig.read(dir.resolve(MiniClipModel.PREPROCESS_FILE)));
    ImageDecoder decoder = new ImageDecoder();
    List<float[]> out = new ArrayList<>();
    for (Path photo : SharedFixtures.sampleJpegs().subList(0, 12)) {
      out.add(preprocessor.toTensor(decoder.decode(ImageSource.of(photo))));
    }
    Random random = new Random(29);
    for (int n = 0; n < 4; n++) {
      float[] noise = new float[3 * tower.imageSize() * tower.imageSize()];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = (float) random.nextGaussian();
      }
      out.add(noise);
    }
    return out;
  }

  private static float[][] pyTorch(Path dir, MiniImageTower tower, List<float[]> tensors)
      throws Exception {
    try (Model model = Model.newInstance("reference", Device.cpu(), "PyTorch");
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      model.setBlock(tower.build());
      MiniTowerExport.loadParameters(model, dir.resolve(MiniClipModel.PARAMS_FILE));
      float[][] out = new float[tensors.size()][];
      for (int i = 0; i < out.length; i++) {
        NDList y =
            model
                .getBlock()
                .forward(
                    new ParameterStore(manager, false),
                    new NDList(manager.create(tensors.get(i), tower.inputShape(1))),
                    false);
        out[i] = y.singletonOrThrow().toFloatArray();
      }
      return out;
    }
  }

  private static Path bundledFolder() {
    // tests run in server/: the repository's models/ is one folder up
    return Path.of(System.getProperty("user.dir")).getParent().resolve(BundledModel.FOLDER);
  }
}
