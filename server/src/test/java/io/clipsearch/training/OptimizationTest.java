package io.clipsearch.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Optimization}: the settings both trainers share, checked once for both. */
class OptimizationTest {

  @Test
  void settingsNoTrainerCanUseAreRefused() {
    for (Runnable bad :
        List.<Runnable>of(
            () -> new Optimization(0, 8, 1e-3f, 0, 0.05f, 1),
            () -> new Optimization(1, 0, 1e-3f, 0, 0.05f, 1),
            () -> new Optimization(1, 8, 0, 0, 0.05f, 1),
            () -> new Optimization(1, 8, Float.NaN, 0, 0.05f, 1),
            () -> new Optimization(1, 8, 1e-3f, -1e-4f, 0.05f, 1),
            () -> new Optimization(1, 8, 1e-3f, 0, 0, 1))) {
      assertThrows(IllegalArgumentException.class, bad::run);
    }
  }

  @Test
  void theScheduleFallsFromThePeakToTwoPercentOfIt() {
    Optimization o = new Optimization(1, 8, 1e-3f, 0, 0.05f, 1);
    MiniTrainer.CosineSchedule schedule = o.schedule(0, 100);
    assertEquals(1e-3f, schedule.getNewValue(0), 1e-9f);
    assertEquals(2e-5f, schedule.getNewValue(100), 1e-9f);
  }

  @Test
  void aModelRecordsHowItWasTrained() {
    Map<String, Object> training = new LinkedHashMap<>();
    new Optimization(3, 16, 2e-3f, 5e-4f, 0.05f, 7).describeIn(training);
    assertEquals(
        Map.of(
            "batch_size", 16,
            "learning_rate", 2e-3f,
            "weight_decay", 5e-4f,
            "temperature", 0.05f,
            "seed", 7L),
        training);
  }
}
