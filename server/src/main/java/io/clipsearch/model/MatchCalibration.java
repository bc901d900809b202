package io.clipsearch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What one model's cosines mean, measured on judged queries: the image-text cosine below which a
 * hit is not a confident match, however far it stands out from the query's background. Read from
 * {@value #FILE} in the model's folder; a model without one has no floor (the per-query background
 * cutoff alone decides). Fitted with {@code bench/relevance} and {@code lab search-eval
 * --min-cosine} (docs/SEARCH.md, "Confidence"). Immutable.
 *
 * @param minCosine the floor, -1..1
 * @param fittedOn what it was fitted on, for people (the judged set and its figures)
 */
public record MatchCalibration(double minCosine, String fittedOn) {

  /** The file in a model folder that holds it. */
  public static final String FILE = "calibration.json";

  /**
   * @throws IllegalArgumentException if {@code minCosine} is not in -1..1
   */
  public MatchCalibration {
    if (!(minCosine >= -1 && minCosine <= 1)) {
      throw new IllegalArgumentException("min_cosine must be -1..1, got " + minCosine);
    }
    Objects.requireNonNull(fittedOn, "fittedOn");
  }

  /**
   * The calibration of the model in {@code modelDir}: {@code {"min_cosine": 0.3, "fitted_on":
   * "…"}}, or empty if the folder has no {@value #FILE}.
   *
   * @throws IOException if the file cannot be read or is not such an object, naming the file
   */
  public static Optional<MatchCalibration> read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      JsonNode min = root == null ? null : root.get("min_cosine");
      if (min == null || !min.isNumber()) {
        throw new IllegalArgumentException("no number \"min_cosine\"");
      }
      return Optional.of(new MatchCalibration(min.asDouble(), root.path("fitted_on").asText("")));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + ": not a match calibration (" + e.getMessage() + ")", e);
    }
  }
}
