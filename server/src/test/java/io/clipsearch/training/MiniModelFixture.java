package io.clipsearch.training;

import io.clipsearch.model.mini.MiniImageTower;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small trained mini-model folder for tests: a narrow tower trained a few steps on 8 fixture
 * images (2 classes x 4) and exported by {@link MiniTraining}, once per test JVM into a temporary
 * folder (deleted at exit by the OS's temp cleanup; a few hundred KB).
 */
public final class MiniModelFixture {

  /** A narrow tower so training and inference take milliseconds. */
  public static final MiniImageTower TOWER = new MiniImageTower(32, 8, new int[] {16, 32}, 1);

  private static Path folder;

  private MiniModelFixture() {}

  /** The exported model folder (trained on first use). */
  public static synchronized Path folder() {
    if (folder == null) {
      try {
        Path out =
            Files.createTempDirectory("clipsearch-mini-fixture").resolve(MiniTraining.MODEL_NAME);
        MiniTrainer.Config config =
            new MiniTrainer.Config(
                TOWER, new Optimization(3, 8, 3e-3f, 1e-4f, 0.1f, 42), Duration.ofMinutes(2));
        MiniTrainer.Result r =
            MiniTraining.run(
                SharedFixtures.path("datasets"),
                out,
                new TrainingSet.Limits(2, 4),
                config,
                l -> {});
        if (!r.finished()) {
          throw new IllegalStateException("fixture training did not finish: " + r);
        }
        folder = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /** The 8 training images of the fixture. */
  public static List<Path> images() {
    try {
      return TrainingSet.read(SharedFixtures.path("datasets"), new TrainingSet.Limits(2, 4))
          .items()
          .stream()
          .map(TrainingSet.Item::path)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
