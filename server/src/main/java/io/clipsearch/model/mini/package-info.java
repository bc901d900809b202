/**
 * The built-in mini model ("LiT"-style), which lets clipsearch search before any CLIP model is
 * pulled: a frozen pretrained text tower and a small image tower trained to land images where the
 * text tower puts their concept.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.mini.MiniFamily}: the {@link io.clipsearch.model.ModelFamily}
 *       registered in {@code META-INF/services}, which recognizes a mini folder and loads it. It
 *       imports {@code model}, never the other way round.
 *   <li>{@link io.clipsearch.model.mini.MiniClipModel}: the {@link io.clipsearch.model.ClipModel};
 *       its images go through the same {@link io.clipsearch.model.ImagePipeline} as any model's.
 *   <li>{@link io.clipsearch.model.mini.MiniLmTextEncoder}: all-MiniLM-L6-v2, shipped as ONNX
 *       inside a Maven artifact, with its WordPiece tokenizer.
 *   <li>{@link io.clipsearch.model.mini.MiniImageTower}: the residual CNN image tower, its shape
 *       and blocks ({@code ResidualBlock}, {@code ElementwiseBlock}); trained by {@code clipsearch
 *       train-mini}.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (ClipModel mini = ClipModels.load(Path.of("models/clipsearch-mini"))) {
 *   float[] query = mini.embedText("a red bicycle");
 * }
 * }</pre>
 *
 * <p>Engine types stay inside this package.
 */
package io.clipsearch.model.mini;
