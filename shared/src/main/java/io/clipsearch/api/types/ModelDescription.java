package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The model a server embeds with.
 *
 * @param id stable identifier of the model's files (indexes record it)
 * @param name the model folder's name
 * @param dimension embedding dimension
 * @param imageSize side of the model's square image input
 * @param contextLength tokens per text
 * @param engine {@code ONNX} or {@code PYTORCH}
 * @param notice a remark for people (e.g. that a stronger model can be pulled), or null
 */
@Serdeable
public record ModelDescription(
    String id,
    String name,
    int dimension,
    int imageSize,
    int contextLength,
    String engine,
    String notice) {}
