package io.clipsearch.cli;

import io.clipsearch.training.Optimization;
import picocli.CommandLine.Option;

/**
 * The training options {@code train-mini} and {@code train-lit} share, becoming an {@link
 * Optimization}. Each command creates it with its own defaults, which its help shows.
 */
final class OptimizationOptions {

  @Option(names = "--epochs", paramLabel = "N", description = "epochs (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "batch size (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--lr",
      paramLabel = "X",
      description = "peak learning rate (default ${DEFAULT-VALUE})")
  float lr;

  @Option(
      names = "--weight-decay",
      paramLabel = "X",
      description = "AdamW weight decay (default ${DEFAULT-VALUE})")
  float weightDecay;

  @Option(
      names = "--temperature",
      paramLabel = "X",
      description = "logit temperature (default ${DEFAULT-VALUE})")
  float temperature = 0.05f;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  /** With a command's defaults. */
  OptimizationOptions(int epochs, int batch, float lr, float weightDecay, long seed) {
    this.epochs = epochs;
    this.batch = batch;
    this.lr = lr;
    this.weightDecay = weightDecay;
    this.seed = seed;
  }

  /**
   * @throws IllegalArgumentException as {@link Optimization} for settings no trainer can use
   */
  Optimization optimization() {
    return new Optimization(epochs, batch, lr, weightDecay, temperature, seed);
  }
}
