package io.clipsearch.cluster;

import java.util.List;

/**
 * Turns texts into L2-normalized embeddings in the collection's space: {@code
 * ClipModel::embedTexts} in production, a small deterministic embedder in tests.
 */
@FunctionalInterface
public interface TextEncoder {
  List<float[]> embed(List<String> texts);
}
