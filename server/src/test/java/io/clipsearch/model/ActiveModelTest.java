package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A switch of the active model with the tiny-clip model loaded twice: calls follow the switch at
 * once, and the old model and its resources close only when the last lease on them ends.
 */
class ActiveModelTest {

  @Test
  void theRetiredModelClosesWhenItsLastLeaseEnds() throws Exception {
    Path folder = SharedFixtures.tinyClip();
    ClipModel first = ClipModels.load(folder);
    ClipModel second = ClipModels.load(folder);
    try (ActiveModel active = new ActiveModel(folder, first)) {
      float[] before = active.embedText("a cat");
      ActiveModel.Lease request = active.lease(); // a request that began on the first model
      AtomicBoolean resourcesClosed = new AtomicBoolean();
      active.switchTo(folder, second, () -> resourcesClosed.set(true));

      assertArrayEquals(before, active.embedText("a cat"), 1e-6f, "the same weights, new model");
      Thread.sleep(200);
      assertFalse(resourcesClosed.get(), "a request still holds the old generation");
      assertEquals(before.length, first.embedText("a cat").length, "the old model still works");

      request.close();
      request.close(); // twice counts once
      Await.until("the old generation to close", Duration.ofSeconds(10), resourcesClosed::get);
      Await.until(
          "the old model to close",
          Duration.ofSeconds(10),
          () -> {
            try {
              first.embedText("a cat");
              return false;
            } catch (RuntimeException closed) {
              return true;
            }
          });
      try (ActiveModel.Lease later = active.lease()) {
        assertEquals(before.length, active.embedText("a dog").length, "the new one serves");
      }
    }
    assertThrows(RuntimeException.class, () -> second.embedText("a cat"), "closed with its owner");
  }
}
