/**
 * The lab: measurements of how well a CLIP model aligns images and text, for researchers. Zero-shot
 * classification with prompt ensembling ({@link io.clipsearch.lab.ZeroShotEvaluation}), caption
 * retrieval Recall@K ({@link io.clipsearch.lab.RetrievalEvaluation}), image×text similarity
 * matrices and heatmaps, modality-gap statistics and embedding export.
 *
 * <p>Sits on top of {@code model} (and is called by {@code cli} and {@code api}); nothing below
 * imports it. The metric classes are pure functions of vectors, so they are tested on hand-made
 * embeddings; the evaluations add dataset reading and the model.
 */
package io.clipsearch.lab;
