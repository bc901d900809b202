package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * The result of re-tagging a collection from its stored vectors.
 *
 * @param collection the collection
 * @param images documents re-tagged
 * @param seconds wall time
 */
@Serdeable
public record RetagReport(String collection, long images, double seconds) {

  /**
   * @throws IllegalArgumentException if a count or the time is negative
   */
  public RetagReport {
    Objects.requireNonNull(collection, "collection");
    if (images < 0 || seconds < 0) {
      throw new IllegalArgumentException(
          "images and seconds must be >= 0, got " + images + ", " + seconds);
    }
  }
}
