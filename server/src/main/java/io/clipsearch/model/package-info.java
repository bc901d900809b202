/**
 * CLIP inference: texts and images into one L2-normalized embedding space, reproducing the
 * reference implementation (open_clip).
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.ClipModel}: what callers see. {@code embedText}, {@code
 *       embedImage} and their batched variants, {@code dimension()}, {@code info()}; every vector
 *       is a unit vector, so a dot product is the cosine.
 *   <li>{@link io.clipsearch.model.ClipModels}: loads a folder. A {@link
 *       io.clipsearch.model.ModelFamily} registered as a service provider that recognizes it loads
 *       it (the mini model, {@code model.mini}); else the open_clip export layout ({@link
 *       io.clipsearch.model.OpenClipFamily}, {@link io.clipsearch.model.ModelFolder}) runs on ONNX
 *       Runtime or PyTorch through DJL, with the tokenizer {@link
 *       io.clipsearch.model.TokenizerFamily} picks.
 *   <li>{@link io.clipsearch.model.ImagePipeline}: the one road of an image, {@link
 *       io.clipsearch.model.ClipModel#images()}. Decode ({@code model.image}), a hook on the
 *       decoded file (where ingest writes the thumbnail and reads EXIF), preprocess, then the image
 *       tower in batches, decoding ahead of inference on the model's pool.
 *   <li>{@link io.clipsearch.model.LoadOptions} and {@link io.clipsearch.model.ModelInfo}: how a
 *       model is loaded (engine, threads, batch, fast decoding) and what it is.
 *   <li>{@link io.clipsearch.model.Vectors}, {@link io.clipsearch.model.PromptEnsemble}, {@link
 *       io.clipsearch.model.Scoring}: vector arithmetic, prompt ensembling and
 *       cosine-to-probability scoring, here once for every caller.
 *   <li>{@link io.clipsearch.model.ActiveModel}: the model a server uses now, switchable while it
 *       runs; the old one closes when the last lease on it ends.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (ClipModel model = ClipModels.load(Path.of("models/ViT-B-32__openai"))) {
 *   float[] query = model.embedText("an osprey at sunset");
 *   float[] photo = model.embedImage(ImageSource.of(Path.of("osprey.jpg")));
 *   double cosine = Vectors.dot(query, photo);
 * }
 * }</pre>
 *
 * <p>The engine is a detail, as in DJL's {@code Translator}: DJL, ONNX Runtime and PyTorch types
 * stay inside this package and its sub-packages, and no caller sees a tensor of an engine. This
 * package imports none of its families' packages, and knows nothing of indexes or servers.
 */
package io.clipsearch.model;
