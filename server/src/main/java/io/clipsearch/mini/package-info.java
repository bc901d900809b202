/**
 * Training of the mini model's image tower: the labeled training folders under {@code
 * ../shared/datasets} ({@link io.clipsearch.mini.TrainingSet}), the class text targets from the
 * frozen text tower ({@link io.clipsearch.mini.ClassTargets}), augmentation and batching ({@link
 * io.clipsearch.mini.Augmenter}, {@link io.clipsearch.mini.BatchLoader}) and the DJL training loop
 * on PyTorch ({@link io.clipsearch.mini.MiniTrainer}). Only training splits are read; test/val
 * splits and the evaluation sets stay out by construction.
 */
package io.clipsearch.mini;
