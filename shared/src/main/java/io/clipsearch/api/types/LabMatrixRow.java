package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One image's row of a similarity matrix.
 *
 * @param imageId the image
 * @param cosine its cosine with each text, in request order
 * @param probabilities softmax of {@code logitScale × cosine} over the texts
 */
@Serdeable
public record LabMatrixRow(String imageId, float[] cosine, float[] probabilities) {

  public LabMatrixRow {
    Objects.requireNonNull(imageId, "imageId");
    cosine = cosine.clone();
    probabilities = probabilities.clone();
    if (cosine.length != probabilities.length) {
      throw new IllegalArgumentException(
          cosine.length + " cosines but " + probabilities.length + " probabilities");
    }
  }

  @Override
  public float[] cosine() {
    return cosine.clone();
  }

  @Override
  public float[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabMatrixRow r
        && imageId.equals(r.imageId)
        && Arrays.equals(cosine, r.cosine)
        && Arrays.equals(probabilities, r.probabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, Arrays.hashCode(cosine), Arrays.hashCode(probabilities));
  }

  @Override
  public String toString() {
    return "LabMatrixRow[" + imageId + ", " + cosine.length + " texts]";
  }
}
