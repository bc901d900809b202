package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Embeddings and the model that made them (vectors of different models are not comparable).
 *
 * @param modelId the model's id
 * @param embeddings one per input, in order
 */
@Serdeable
public record EmbeddingResponse(String modelId, List<Embedding> embeddings) {}
