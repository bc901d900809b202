package io.clipsearch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.clipsearch.model.Vectors;
import io.clipsearch.model.mini.MiniImageTower;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniTrainerTest {

  /** A narrow tower so a step takes milliseconds. */
  private static final MiniImageTower TOWER = new MiniImageTower(32, 8, new int[] {16, 32}, 1);

  private static ImageStore store;
  private static int[] labels;
  private static ClassTargets targets;

  @BeforeAll
  static void data() throws IOException {
    TrainingSet set =
        TrainingSet.read(SharedFixtures.path("datasets"), new TrainingSet.Limits(2, 4));
    store = ImageStore.load(set.items(), TOWER.imageSize());
    labels = set.items().stream().mapToInt(TrainingSet.Item::label).toArray();
    // two random unit targets stand in for the text tower's (fast, no ONNX load)
    Random rnd = new Random(7);
    float[][] v = new float[2][384];
    for (float[] row : v) {
      for (int d = 0; d < row.length; d++) {
        row[d] = (float) rnd.nextGaussian();
      }
      Vectors.normalize(row);
    }
    targets = ClassTargets.of(set.classes(), v);
  }

  private static MiniTrainer trainer(int epochs, Duration budget) {
    return new MiniTrainer(
        new MiniTrainer.Config(TOWER, new Optimization(epochs, 8, 3e-3f, 1e-4f, 0.1f, 42), budget));
  }

  @Test
  void overfitsEightImages(@TempDir Path dir) throws IOException {
    List<Double> losses = new ArrayList<>();
    MiniTrainer.Result r =
        trainer(25, Duration.ofMinutes(10)).train(store, labels, targets, dir, line -> {});
    assertTrue(r.finished());
    assertEquals(25, r.steps());
    double before = evalLoss(freshModel(null));
    double after = evalLoss(freshModel(dir));
    assertTrue(after < before * 0.5, "loss before " + before + ", after " + after);
  }

  @Test
  void checkpointResumes(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    // a zero budget stops after the first step with a checkpoint at epoch 1, batch 1 (of 1)
    MiniTrainer.Result first =
        trainer(3, Duration.ZERO).train(store, labels, targets, dir, lines::add);
    assertEquals(1, first.steps());
    assertTrue(!first.finished());
    MiniTrainer.Result rest =
        trainer(3, Duration.ofMinutes(10)).train(store, labels, targets, dir, lines::add);
    assertTrue(rest.finished());
    assertEquals(3, rest.steps(), "continues at step 1, not from scratch");
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("resuming at epoch 1, batch 1, step 1")),
        lines.toString());
  }

  @Test
  void resumeKeepsTheCheckpointWeights(@TempDir Path dir) throws IOException {
    trainer(3, Duration.ZERO).train(store, labels, targets, dir, l -> {});
    double saved = evalLoss(freshModel(dir));
    // resuming at the end of epoch 1 of 1 trains nothing and re-saves: the weights must survive
    // the trainer's initialization
    MiniTrainer.Result r =
        trainer(1, Duration.ofMinutes(10)).train(store, labels, targets, dir, l -> {});
    assertEquals(1, r.steps());
    assertEquals(saved, evalLoss(freshModel(dir)), 1e-6);
  }

  @Test
  void deterministicForASeed(@TempDir Path a, @TempDir Path b) throws IOException {
    trainer(3, Duration.ofMinutes(10)).train(store, labels, targets, a, l -> {});
    trainer(3, Duration.ofMinutes(10)).train(store, labels, targets, b, l -> {});
    assertEquals(evalLoss(freshModel(a)), evalLoss(freshModel(b)), 1e-6);
  }

  @Test
  void cosineScheduleSpansThePlanAndContinuesAfterAResume() {
    MiniTrainer.CosineSchedule s = new MiniTrainer.CosineSchedule(1f, 0.02f, 0, 100);
    assertEquals(1f, s.getNewValue(0), 1e-6);
    assertEquals(0.51f, s.getNewValue(50), 1e-6); // halfway: (1 + 0.02) / 2
    assertEquals(0.02f, s.getNewValue(100), 1e-6);
    assertEquals(0.02f, s.getNewValue(500), 1e-6);
    s.planned = 50; // the budget allows only 50 steps: the decay ends there
    assertEquals(0.02f, s.getNewValue(50), 1e-6);
    MiniTrainer.CosineSchedule resumed = new MiniTrainer.CosineSchedule(1f, 0.02f, 50, 100);
    assertEquals(0.51f, resumed.getNewValue(0), 1e-6); // the optimizer counts from 0 again
  }

  /** A model with fresh (seeded) weights, or the checkpoint's in {@code dir}. */
  private static Model freshModel(Path dir) throws IOException {
    Model model = Model.newInstance("t", Device.cpu(), "PyTorch");
    model.setBlock(TOWER.build());
    if (dir == null) {
      ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(42);
      model
          .getBlock()
          .initialize(
              model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, TOWER.inputShape(1));
    } else {
      MiniTrainer.loadParams(model, dir);
    }
    return model;
  }

  /** Mean cross-entropy of the un-augmented images under {@code model} (closed after). */
  private static double evalLoss(Model model) {
    try (model;
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      int size = TOWER.imageSize();
      int per = 3 * size * size;
      float[] x = new float[store.count() * per];
      for (int i = 0; i < store.count(); i++) {
        Augmenter.normalize(store.pixels(i), size, x, i * per);
      }
      NDArray emb =
          model
              .getBlock()
              .forward(
                  new ParameterStore(m, false),
                  new NDList(m.create(x, TOWER.inputShape(store.count()))),
                  false)
              .singletonOrThrow();
      NDArray t = targets.columns(m);
      NDArray logits = emb.matMul(t).div(0.1f);
      return ai.djl.training.loss.Loss.softmaxCrossEntropyLoss()
          .evaluate(new NDList(m.create(labels)), new NDList(logits))
          .getFloat();
    }
  }
}
