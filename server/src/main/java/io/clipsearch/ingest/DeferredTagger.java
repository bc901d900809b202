package io.clipsearch.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A tagger whose vocabulary is still being embedded: until it is ready, images get no tags and are
 * counted, so that an index run starts scanning at once instead of waiting for the text tower to
 * embed ~290 labels × templates (minutes with a large model on a first run); {@link Retagger} tags
 * the images it missed from their stored vectors once it is ready.
 *
 * <p>Thread-safe.
 */
public final class DeferredTagger implements ImageTagger {

  private final CompletableFuture<ImageTagger> ready;
  private final AtomicLong missed = new AtomicLong();

  /**
   * @param ready completes with the real tagger (or exceptionally: then images stay untagged)
   */
  public DeferredTagger(CompletableFuture<ImageTagger> ready) {
    this.ready = Objects.requireNonNull(ready, "ready");
  }

  @Override
  public List<String> tags(float[] vector) {
    if (!ready.isDone() || ready.isCompletedExceptionally()) {
      missed.incrementAndGet(); // not ready, or never will be: tagged later, or not at all
      return List.of();
    }
    return ready.join().tags(vector);
  }

  /** How many images were tagged with nothing because the vocabulary was not ready. */
  public long missed() {
    return missed.get();
  }

  /**
   * Waits until making the vocabulary has ended, however it ended. Whoever closes the model the
   * vocabulary is embedded with calls this first: the text tower must not run on a closed model.
   */
  public void settle() {
    ready.handle((tagger, failure) -> null).join();
  }

  /**
   * Waits for the vocabulary.
   *
   * @throws ExecutionException if embedding it failed
   * @throws InterruptedException if interrupted while waiting
   */
  public ImageTagger await() throws ExecutionException, InterruptedException {
    return ready.get();
  }

  /**
   * Waits for the vocabulary unless {@code stop} says to give up (asked every 100 ms).
   *
   * @return the tagger, or empty if stopped or making the vocabulary failed
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<ImageTagger> awaitUnless(BooleanSupplier stop) throws InterruptedException {
    while (!stop.getAsBoolean()) {
      try {
        return Optional.of(ready.get(100, TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        // not yet: ask again
      } catch (ExecutionException | CancellationException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
