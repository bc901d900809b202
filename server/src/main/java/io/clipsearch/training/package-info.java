/**
 * Training of the mini model's image tower: the labeled training folders under {@code
 * ../shared/datasets} ({@link io.clipsearch.training.TrainingSet}), the class text targets from the
 * frozen text tower ({@link io.clipsearch.training.ClassTargets}), augmentation and batching
 * ({@link io.clipsearch.training.Augmenter}, {@link io.clipsearch.training.BatchLoader}) and the
 * DJL training loop on PyTorch ({@link io.clipsearch.training.MiniTrainer}). Only training splits
 * are read; test/val splits and the evaluation sets stay out by construction.
 */
package io.clipsearch.training;
