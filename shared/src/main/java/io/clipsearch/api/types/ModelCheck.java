package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One check of a model's verification (as {@code clipsearch models verify} prints it).
 *
 * @param name what was checked, e.g. {@code ONNX dimension}
 * @param passed whether it passed
 * @param detail the measured value or the error
 */
@Serdeable
public record ModelCheck(String name, boolean passed, String detail) {}
