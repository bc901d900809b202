package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Zero-shot predictions.
 *
 * @param modelId the model used
 * @param labels the labels, in request order
 * @param templates the templates ensembled per label
 * @param logitScale the softmax scale used
 * @param predictions one per image, in request order
 */
@Serdeable
public record LabZeroShotResponse(
    String modelId,
    List<String> labels,
    List<String> templates,
    double logitScale,
    List<LabZeroShotPrediction> predictions) {}
