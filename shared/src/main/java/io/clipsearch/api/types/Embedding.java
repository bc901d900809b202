package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One embedding: what was embedded and its L2-normalized vector.
 *
 * @param input the text, or the uploaded image's name
 * @param vector the embedding
 */
@Serdeable
public record Embedding(String input, float[] vector) {

  public Embedding {
    Objects.requireNonNull(input, "input");
    vector = vector.clone();
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && input.equals(e.input) && Arrays.equals(vector, e.vector);
  }

  @Override
  public int hashCode() {
    return 31 * input.hashCode() + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[" + input + ", dim " + vector.length + "]";
  }
}
