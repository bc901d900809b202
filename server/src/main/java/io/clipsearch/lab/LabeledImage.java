package io.clipsearch.lab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image file and the index of its class.
 *
 * @param file the image
 * @param label its class index in the dataset's class list
 */
public record LabeledImage(Path file, int label) {
  public LabeledImage {
    Objects.requireNonNull(file, "file");
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }
}
