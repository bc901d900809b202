/**
 * The lab: measurements of how well a CLIP model aligns images and text, for researchers, run by
 * {@code clipsearch lab ...} and {@code /api/lab}.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>Datasets: {@link io.clipsearch.lab.ImageFolderDataset} (one folder per class, with {@link
 *       io.clipsearch.lab.ClassNames}), {@link io.clipsearch.lab.CaptionDataset} (images with
 *       captions), {@link io.clipsearch.lab.JudgedQuery} (queries with relevance judgements).
 *   <li>Evaluations, each a model plus a dataset giving an immutable result: {@link
 *       io.clipsearch.lab.ZeroShotEvaluation} (accuracy with {@link
 *       io.clipsearch.lab.PromptTemplates} ensembles), {@link
 *       io.clipsearch.lab.RetrievalEvaluation} (caption Recall@K), {@link
 *       io.clipsearch.lab.SearchEvaluation} (the served search on judged queries).
 *   <li>Metrics, pure functions of vectors or ranks and tested on hand-made embeddings: {@link
 *       io.clipsearch.lab.ClassificationMetrics}, {@link io.clipsearch.lab.RetrievalMetrics},
 *       {@link io.clipsearch.lab.RankingMetrics}, {@link io.clipsearch.lab.SimilarityMatrix},
 *       {@link io.clipsearch.lab.ModalityGap}.
 *   <li>Output: {@link io.clipsearch.lab.MatrixReport}, {@link io.clipsearch.lab.HeatmapImage},
 *       {@link io.clipsearch.lab.EmbeddingExport}.
 * </ol>
 *
 * <p>Zero-shot accuracy on a folder-per-class dataset:
 *
 * <pre>{@code
 * ImageFolderDataset data =
 *     ImageFolderDataset.read(root, ClassNames.fromFolderNames(), ImageFolderDataset.ALL);
 * ZeroShotResult result =
 *     new ZeroShotEvaluation(model, model.scoring())
 *         .run(data, PromptTemplates.OPENAI_IMAGENET, progress -> {});
 * System.out.println(result.table());
 * }</pre>
 *
 * <p>Sits on top of {@code model} (and the search pipeline, for {@code SearchEvaluation}); called
 * by {@code cli} and {@code api}; nothing below imports it.
 */
package io.clipsearch.lab;
