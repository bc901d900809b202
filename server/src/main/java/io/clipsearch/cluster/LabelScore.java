package io.clipsearch.cluster;

import java.util.Objects;

/**
 * A vocabulary label and how well it matches (cosine between the image-side vector and the label's
 * prompt-ensembled text embedding).
 */
public record LabelScore(String label, double score) {
  public LabelScore {
    Objects.requireNonNull(label, "label");
  }
}
