/**
 * ONNX graphs read and rewritten in Java: {@link io.clipsearch.model.onnx.AnyLengthTextTower} cuts
 * a causal CLIP text tower exported at a fixed context length down to the input's length, checks
 * the rewrite against the original on ONNX Runtime and caches it. The ONNX format's messages
 * ({@code OnnxGraph}) are generated at build time from {@code src/main/protobuf/onnx_graph.proto},
 * the subset of ONNX's schema that the rewrite reads; fields outside it pass through untouched.
 * This package imports nothing else of clipsearch; {@code model} uses it.
 */
package io.clipsearch.model.onnx;
