/**
 * Text tokenization: turns a query into the token ids a text encoder takes, as the reference does.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.tokenizer.TextTokenizer}: the contract. Ids from start to
 *       end-of-text, unpadded, cut to the context length with the end token kept last; the pad id.
 *   <li>{@link io.clipsearch.model.tokenizer.ClipTokenizer}: CLIP's byte-level BPE behind {@link
 *       io.clipsearch.model.tokenizer.ClipTextCleaner} (ftfy-style fixes, HTML entities,
 *       whitespace), reproducing open_clip's {@code SimpleTokenizer} id for id.
 *   <li>{@link io.clipsearch.model.tokenizer.HuggingFaceTextTokenizer}: a Hugging Face {@code
 *       tokenizer.json} (SigLIP, XLM-RoBERTa) behind open_clip's cleaning, {@link
 *       io.clipsearch.model.tokenizer.TextClean}.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (TextTokenizer tokenizer = ModelFolder.open(folder).openTokenizer()) {
 *   int[] ids = tokenizer.encode("a photo of a cat"); // SOT ... EOT
 * }
 * }</pre>
 *
 * <p>The tests check every line of the reference outputs in {@code
 * ../shared/clip-fixtures/tokenizer/golden.jsonl}. Knows no inference engine: callers pad the ids
 * and convert them to the tensor type their model wants.
 */
package io.clipsearch.model.tokenizer;
