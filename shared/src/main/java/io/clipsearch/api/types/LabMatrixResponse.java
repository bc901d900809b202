package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An image × text similarity matrix.
 *
 * @param modelId the model whose embeddings were compared
 * @param texts the columns, in request order
 * @param rows one per image, in request order
 * @param logitScale the softmax scale used
 * @param modalityGap distance between the mean image and the mean text embedding
 */
@Serdeable
public record LabMatrixResponse(
    String modelId,
    List<String> texts,
    List<LabMatrixRow> rows,
    double logitScale,
    double modalityGap) {}
