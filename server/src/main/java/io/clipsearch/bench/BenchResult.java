package io.clipsearch.bench;

/**
 * Figures of one engine on one model, as {@link ModelBenchmark} measures them. Immutable.
 *
 * @param engine engine name
 * @param loadMillis wall time to load both towers
 * @param images image files embedded end to end
 * @param failedImages images that could not be decoded (not counted in the rate)
 * @param endToEndImagesPerSec files read, decoded, preprocessed and embedded per second
 * @param endToEndFastImagesPerSec the same with fast (reduced-scale) JPEG decoding
 * @param rawBatch1ImagesPerSec image tower alone, one image per call
 * @param rawBatch16ImagesPerSec image tower alone, 16 images per call (parallel single calls where
 *     the export fixes the batch at 1)
 * @param textP50Millis median latency of one text
 * @param textP95Millis 95th percentile latency of one text
 * @param peakRssMb the process's peak resident memory
 */
public record BenchResult(
    String engine,
    long loadMillis,
    int images,
    int failedImages,
    double endToEndImagesPerSec,
    double endToEndFastImagesPerSec,
    double rawBatch1ImagesPerSec,
    double rawBatch16ImagesPerSec,
    double textP50Millis,
    double textP95Millis,
    long peakRssMb) {}
