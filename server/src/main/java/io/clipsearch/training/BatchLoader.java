package io.clipsearch.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Produces one epoch of augmented batches on a background thread while the trainer runs the
 * previous one. The order is a seeded permutation per epoch and each batch draws its augmentation
 * from a generator seeded by (seed, epoch, batch), so the batches do not depend on thread timing.
 * The last partial batch is dropped. Single consumer; {@link #close()} stops the thread.
 */
final class BatchLoader implements AutoCloseable {

  /** A batch: {@code n} images as CHW floats and their labels. */
  record Batch(float[] images, int[] labels) {}

  private static final Batch END = new Batch(new float[0], new int[0]);

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
  private final Thread thread;
  private final int batches;

  BatchLoader(
      ImageStore store, int[] labels, int batchSize, long seed, int epoch, int skipBatches) {
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < store.count(); i++) {
      if (store.pixels(i) != null) {
        usable.add(i);
      }
    }
    Collections.shuffle(usable, new Random(seed * 1_000_003L + epoch));
    this.batches = usable.size() / batchSize;
    int size = store.size();
    int per = 3 * size * size;
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("mini-batches-" + epoch)
            .start(
                () -> {
                  try {
                    for (int b = skipBatches; b < batches; b++) {
                      SplittableRandom rnd =
                          new SplittableRandom(
                              seed ^ ((long) epoch << 32) ^ (b * 0x9E3779B97F4A7C15L));
                      float[] images = new float[batchSize * per];
                      int[] y = new int[batchSize];
                      for (int k = 0; k < batchSize; k++) {
                        int i = usable.get(b * batchSize + k);
                        Augmenter.augment(store.pixels(i), size, rnd, images, k * per);
                        y[k] = labels[i];
                      }
                      queue.put(new Batch(images, y));
                    }
                    queue.put(END);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  /** Full batches in this epoch (including skipped ones). */
  int batches() {
    return batches;
  }

  /** The next batch, or null at the end of the epoch. */
  Batch next() throws InterruptedException {
    Batch b = queue.take();
    return b == END ? null : b;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
