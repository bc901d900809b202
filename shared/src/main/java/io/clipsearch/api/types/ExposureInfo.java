package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How a photo was exposed, from its EXIF; each part null when the file does not say.
 *
 * @param fNumber aperture as an f-number (2.8 for f/2.8)
 * @param exposureSeconds shutter time in seconds (0.004 for 1/250 s)
 * @param iso ISO speed
 * @param focalLengthMm focal length in millimetres
 */
@Serdeable
public record ExposureInfo(
    @Nullable Double fNumber,
    @Nullable Double exposureSeconds,
    @Nullable Integer iso,
    @Nullable Double focalLengthMm) {}
