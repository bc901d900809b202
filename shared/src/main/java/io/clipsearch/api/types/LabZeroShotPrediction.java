package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One image's zero-shot class probabilities.
 *
 * @param imageId the image
 * @param label the most probable label
 * @param probabilities the probability of each label, in request order (they sum to 1)
 */
@Serdeable
public record LabZeroShotPrediction(String imageId, String label, float[] probabilities) {

  public LabZeroShotPrediction {
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(label, "label");
    probabilities = probabilities.clone();
  }

  @Override
  public float[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabZeroShotPrediction p
        && imageId.equals(p.imageId)
        && label.equals(p.label)
        && Arrays.equals(probabilities, p.probabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, label, Arrays.hashCode(probabilities));
  }

  @Override
  public String toString() {
    return "LabZeroShotPrediction[" + imageId + " → " + label + "]";
  }
}
