package io.clipsearch.training;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;

/**
 * How both trainers optimize ({@link MiniTrainer}, {@link ProjectionTrainer}): AdamW on a cosine
 * schedule from {@code learningRate} down to 2% of it, cosine logits over {@code temperature},
 * batches of {@code batchSize}, all randomness from {@code seed}. Immutable, validated.
 *
 * @param epochs planned epochs (the schedule spans them)
 * @param batchSize images per step
 * @param learningRate peak AdamW learning rate
 * @param weightDecay AdamW weight decay
 * @param temperature divides the cosine logits (CLIP's 1/logit_scale)
 * @param seed seeds weights, shuffling and augmentation
 */
public record Optimization(
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    float temperature,
    long seed) {

  /** Where the cosine schedule ends, as a share of the peak learning rate. */
  static final float FINAL_LR_SHARE = 0.02f;

  public Optimization {
    if (epochs < 1
        || batchSize < 1
        || !(learningRate > 0)
        || weightDecay < 0
        || !(temperature > 0)) {
      throw new IllegalArgumentException(
          "bad training settings: epochs="
              + epochs
              + " batchSize="
              + batchSize
              + " lr="
              + learningRate
              + " wd="
              + weightDecay
              + " temperature="
              + temperature);
    }
  }

  /** The learning rate over {@code totalSteps}, starting at step {@code step}. */
  MiniTrainer.CosineSchedule schedule(long step, long totalSteps) {
    return new MiniTrainer.CosineSchedule(
        learningRate, learningRate * FINAL_LR_SHARE, step, totalSteps);
  }

  /**
   * What both trainers train with: softmax cross-entropy, He-style Gaussian initialization of the
   * weights, AdamW with this weight decay on {@code schedule}, the CPU.
   */
  DefaultTrainingConfig trainingConfig(Tracker schedule) {
    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optDevices(new Device[] {Device.cpu()})
        .optInitializer(
            new XavierInitializer(
                XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
            Parameter.Type.WEIGHT)
        .optOptimizer(
            Optimizer.adamW()
                .optLearningRateTracker(schedule)
                .optWeightDecays(weightDecay)
                .build());
  }

  /** These settings, as a model's {@code config.json} records how it was trained. */
  void describeIn(Map<String, Object> training) {
    training.put("batch_size", batchSize);
    training.put("learning_rate", learningRate);
    training.put("weight_decay", weightDecay);
    training.put("temperature", temperature);
    training.put("seed", seed);
  }
}
