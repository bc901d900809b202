package io.clipsearch.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a loaded model is: identity, dimensions and how it runs. Immutable.
 *
 * @param id stable identifier of the model's files (recorded by indexes to refuse mixing vectors)
 * @param name the model folder's name
 * @param dimension embedding dimension
 * @param imageSize side of the square image input
 * @param contextLength tokens per text
 * @param engine the engine both towers run on
 * @param imageBatch rows per image-tower call
 * @param imageBatchFixed whether the image tower's batch is fixed by the export
 * @param imageInput the image tower's input as the model declares it
 * @param textInput the text tower's input as the model declares it
 * @param calibration what the model's cosines mean, if measured ({@link MatchCalibration#FILE})
 */
public record ModelInfo(
    String id,
    String name,
    int dimension,
    int imageSize,
    int contextLength,
    EngineKind engine,
    int imageBatch,
    boolean imageBatchFixed,
    TensorSpec imageInput,
    TensorSpec textInput,
    Optional<MatchCalibration> calibration) {

  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(imageInput, "imageInput");
    Objects.requireNonNull(textInput, "textInput");
    Objects.requireNonNull(calibration, "calibration");
  }
}
