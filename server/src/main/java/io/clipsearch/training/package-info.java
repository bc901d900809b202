/**
 * Training the bundled mini model's image tower ({@code clipsearch train-mini}), on DJL's PyTorch
 * engine. Inference is elsewhere: {@code io.clipsearch.model.mini} loads what this package exports.
 *
 * <p>Main types, in the order a run uses them:
 *
 * <ol>
 *   <li>{@link io.clipsearch.training.TrainingSet}: the labeled images, read from the {@code
 *       train/} folders of {@code ../shared/datasets} only (test and validation splits are never
 *       read).
 *   <li>{@link io.clipsearch.training.ClassTargets}: each class's text target from the frozen text
 *       tower (prompt templates filled with the class name, averaged, cached).
 *   <li>{@link io.clipsearch.training.ImageStore}: every image decoded once, as inference
 *       preprocesses it; {@link io.clipsearch.training.Augmenter} and {@code BatchLoader} make the
 *       augmented batches on a background thread.
 *   <li>{@link io.clipsearch.training.MiniTrainer}: the training loop (checkpoints, resume, a time
 *       budget).
 *   <li>{@link io.clipsearch.training.MiniTraining}: one run end to end, from the datasets folder
 *       to an exported model folder.
 * </ol>
 *
 * <p>A run:
 *
 * <pre>{@code
 * MiniTrainer.Result r =
 *     MiniTraining.run(datasets, out, TrainingSet.Limits.NONE, config, System.err::println);
 * }</pre>
 */
package io.clipsearch.training;
