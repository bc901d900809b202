package io.clipsearch.ingest;

import io.clipsearch.model.ImagePipeline;
import java.time.Duration;
import java.util.Objects;

/**
 * How an ingest run trades speed, memory and durability. Immutable.
 *
 * <p>Memory is bounded by these numbers, not by the collection: at most {@code workers} decoded
 * images exist at once (one per worker, dropped after its tensor and thumbnail are made), and at
 * most {@code queueCapacity + batchSize} preprocessed tensors (600 KB each at 224 px) wait for
 * inference. Per file found, the run keeps only its path, size and mtime.
 *
 * @param workers threads reading, hashing, decoding and preprocessing files
 * @param batchSize images per tower call ({@link ImagePipeline#embedPrepared})
 * @param queueCapacity prepared files waiting for the inference thread (workers block when full)
 * @param commitEveryFiles commit after this many index writes
 * @param commitInterval commit at least this often while writing
 * @param progressInterval the least time between two progress events (phase changes always send)
 * @param maxFiles the most image files one run's scan may find; the run stops there with an error,
 *     keeping what it indexed. The scan streams (8 bytes per file found), so this bounds a mistaken
 *     root such as a whole disk rather than memory
 * @param followLinksOutOfRoots follow symbolic links while scanning and reading, wherever they
 *     lead; off by default: no link is followed, so a link planted in a photo folder cannot bring
 *     another file of the machine into the index (its thumbnail, camera, GPS and date would be
 *     served). Links are reported as {@link SkipReason#SYMLINK}
 */
public record IngestOptions(
    int workers,
    int batchSize,
    int queueCapacity,
    int commitEveryFiles,
    Duration commitInterval,
    Duration progressInterval,
    int maxFiles,
    boolean followLinksOutOfRoots) {

  /**
   * Files written between commits by default. A commit fsyncs new segments (tens of ms); every 500
   * files or 30 s it costs under 1% of the run, and a crash re-does at most that much work.
   */
  public static final int DEFAULT_COMMIT_EVERY_FILES = 500;

  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(30);

  /** At most four progress events a second: smooth for people, cheap for SSE. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(250);

  /** Tensors per inference call: the model's own batch size (16) twice, for two parallel runs. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /** Image files one run may find by default: 80 MB of path hashes at the limit. */
  public static final int DEFAULT_MAX_FILES = 10_000_000;

  /**
   * @throws IllegalArgumentException if a count is below 1 or a duration is negative
   */
  public IngestOptions {
    if (workers < 1 || batchSize < 1 || queueCapacity < 1 || commitEveryFiles < 1 || maxFiles < 1) {
      throw new IllegalArgumentException(
          "workers, batchSize, queueCapacity, commitEveryFiles and"
              + " maxFiles must be >= 1, got "
              + workers
              + ", "
              + batchSize
              + ", "
              + queueCapacity
              + ", "
              + commitEveryFiles
              + ", "
              + maxFiles);
    }
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (commitInterval.isNegative() || progressInterval.isNegative()) {
      throw new IllegalArgumentException("intervals must not be negative");
    }
  }

  /**
   * One worker per core, batches of 32, a queue of two batches, commits every 500 files or 30 s, no
   * link followed.
   */
  public static IngestOptions defaults() {
    return new IngestOptions(
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_BATCH_SIZE,
        2 * DEFAULT_BATCH_SIZE,
        DEFAULT_COMMIT_EVERY_FILES,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_PROGRESS_INTERVAL,
        DEFAULT_MAX_FILES,
        false);
  }

  public IngestOptions withCommitEveryFiles(int n) {
    return new IngestOptions(
        workers,
        batchSize,
        queueCapacity,
        n,
        commitInterval,
        progressInterval,
        maxFiles,
        followLinksOutOfRoots);
  }

  IngestOptions withMaxFiles(int n) {
    return new IngestOptions(
        workers,
        batchSize,
        queueCapacity,
        commitEveryFiles,
        commitInterval,
        progressInterval,
        n,
        followLinksOutOfRoots);
  }

  IngestOptions withBatchSize(int n) {
    return new IngestOptions(
        workers,
        n,
        queueCapacity,
        commitEveryFiles,
        commitInterval,
        progressInterval,
        maxFiles,
        followLinksOutOfRoots);
  }

  public IngestOptions withFollowLinksOutOfRoots(boolean follow) {
    return new IngestOptions(
        workers,
        batchSize,
        queueCapacity,
        commitEveryFiles,
        commitInterval,
        progressInterval,
        maxFiles,
        follow);
  }
}
