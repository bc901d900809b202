/**
 * CLIP text tokenization: the reference text cleaning and the byte-level BPE tokenizer that turns a
 * query into the token ids a CLIP text encoder takes.
 *
 * <p>Reproduces open_clip's {@code SimpleTokenizer} id for id; the tests check every line of the
 * reference outputs in {@code ../shared/clip-fixtures/tokenizer/golden.jsonl}. Knows no inference
 * engine: callers pad or convert the ids to the tensor type their model wants.
 */
package io.clipsearch.model.tokenizer;
