package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link BackgroundPriority} on Linux: the calling thread is lowered to nice 10, the threads it
 * starts afterwards inherit it (how an index job's workers and an ONNX Runtime session's threads
 * get it), and other threads keep theirs.
 */
class BackgroundPriorityTest {

  @Test
  void lowersTheCallingThreadAndWhatItStartsOnly() throws Exception {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
    Optional<Integer> mine = BackgroundPriority.currentNice();
    assertTrue(mine.isPresent(), "getpriority is bound on Linux");
    AtomicReference<Boolean> lowered = new AtomicReference<>();
    AtomicReference<Optional<Integer>> lowerNice = new AtomicReference<>();
    AtomicReference<Optional<Integer>> childNice = new AtomicReference<>();
    Thread background =
        Thread.ofPlatform()
            .start(
                () -> {
                  lowered.set(BackgroundPriority.lowerCurrentThread());
                  lowerNice.set(BackgroundPriority.currentNice());
                  Thread child =
                      Thread.ofPlatform()
                          .start(() -> childNice.set(BackgroundPriority.currentNice()));
                  try {
                    child.join();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    background.join();
    assertTrue(lowered.get());
    int expected = Math.max(mine.get(), BackgroundPriority.NICE);
    assertEquals(Optional.of(expected), lowerNice.get());
    assertEquals(Optional.of(expected), childNice.get(), "a thread started after inherits it");
    assertEquals(mine, BackgroundPriority.currentNice(), "the test's own thread is untouched");
  }
}
