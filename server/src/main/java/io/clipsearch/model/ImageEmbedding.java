package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of embedding one image of a batch: its vector, or why it failed. A failure never
 * fails the batch.
 */
public sealed interface ImageEmbedding permits ImageEmbedding.Embedded, ImageEmbedding.Failed {

  /** The image's name, from its {@link ImageSource#name()}. */
  String name();

  /**
   * The image's L2-normalized embedding.
   *
   * @param name the image's name
   * @param vector the embedding (copied in and out)
   */
  record Embedded(String name, float[] vector) implements ImageEmbedding {
    public Embedded {
      Objects.requireNonNull(name, "name");
      vector = vector.clone();
    }

    @Override
    public float[] vector() {
      return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Embedded e && name.equals(e.name) && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
      return "Embedded[" + name + ", dim " + vector.length + "]";
    }
  }

  /**
   * The image could not be decoded; {@code error} names the reason.
   *
   * @param name the image's name
   * @param error what went wrong
   */
  record Failed(String name, ImageDecodeException error) implements ImageEmbedding {
    public Failed {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(error, "error");
    }
  }
}
