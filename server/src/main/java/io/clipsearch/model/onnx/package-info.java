/**
 * ONNX graphs read and rewritten in Java, so a causal CLIP text tower exported at a fixed context
 * length runs each text only as long as it is.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.onnx.AnyLengthTextTower}: the entry point. Rewrites the tower
 *       once, checks it, caches it beside the model (or in the cache folder), and says what to
 *       load: the rewrite, or the original and why.
 *   <li>{@code TextLengthRewriter}: the graph surgery, on the messages ({@code OnnxGraph})
 *       generated at build time from {@code src/main/protobuf/onnx_graph.proto}, the subset of
 *       ONNX's schema the rewrite reads; fields outside it pass through untouched.
 *   <li>{@code RewriteCheck}: runs original and rewrite on ONNX Runtime over probe texts and
 *       refuses a rewrite whose vectors differ.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * AnyLengthTextTower.Prepared p = new AnyLengthTextTower().prepare(
 *     textual.resolve("model.onnx"), List.of(textual, cacheDir), probeIds, padId, threads);
 * // load p.model(); feed texts cut after their end token when p.anyLength()
 * }</pre>
 *
 * <p>This package imports nothing else of clipsearch; {@code model} uses it when it loads an ONNX
 * text tower.
 */
package io.clipsearch.model.onnx;
