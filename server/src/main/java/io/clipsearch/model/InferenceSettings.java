package io.clipsearch.model;

/**
 * How one tower uses the CPU: threads inside one engine call, calls running at once, and rows per
 * call.
 *
 * <p>Immutable, validated. {@link #forModel} picks defaults from the model's batch capability: a
 * dynamic-batch tower runs true batches on all cores; a fixed-batch-1 export (the published layout)
 * runs one single-threaded call per core in parallel, which beats intra-op threading at batch 1.
 *
 * @param intraOpThreads threads the engine uses inside one call
 * @param concurrentRuns engine calls that may run at once (predictors in the pool)
 * @param maxBatch rows per engine call (1 for a fixed-batch-1 model)
 */
public record InferenceSettings(int intraOpThreads, int concurrentRuns, int maxBatch) {

  /** Rows per call for dynamic-batch image towers: past 16, ViT throughput on CPU stops rising. */
  public static final int DEFAULT_IMAGE_BATCH = 16;

  public InferenceSettings {
    if (intraOpThreads < 1 || concurrentRuns < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "threads, concurrent runs and batch must be >= 1, got "
              + intraOpThreads
              + ", "
              + concurrentRuns
              + ", "
              + maxBatch);
    }
  }

  /**
   * Defaults for a tower on this machine.
   *
   * @param fixedBatch the model's fixed batch size, or 0 if dynamic
   * @param preferredBatch rows per call wanted when the batch is dynamic
   * @param cores CPU cores to use
   */
  public static InferenceSettings forModel(int fixedBatch, int preferredBatch, int cores) {
    if (fixedBatch > 0) {
      return new InferenceSettings(1, cores, fixedBatch);
    }
    return new InferenceSettings(cores, 1, preferredBatch);
  }
}
