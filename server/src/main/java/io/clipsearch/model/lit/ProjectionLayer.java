package io.clipsearch.model.lit;

/**
 * One trained dense layer of a LiT tower's projection: {@code y = x W^T + b}, {@code weight}
 * row-major {@code [out, in]}, {@code bias} {@code [out]}. Arrays are the caller's; not copied.
 */
public record ProjectionLayer(int in, int out, float[] weight, float[] bias) {

  public ProjectionLayer {
    if (weight.length != in * out || bias.length != out) {
      throw new IllegalArgumentException(
          "a " + in + " x " + out + " layer needs " + in * out + " weights and " + out + " biases");
    }
  }
}
