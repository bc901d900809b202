package io.clipsearch.faces;

import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.tfjs.TfjsResize;

/**
 * The nets' input tensors, built as face-api builds them from an image tensor ({@code
 * NetInput.toBatchTensor}): the region zero-padded to a square ({@code padToSquare}), resized with
 * tfjs's CPU {@code resizeBilinear} (align corners and half-pixel centres off; weights and
 * interpolation in double precision, rounded to float32, as tfjs computes them), then normalized,
 * laid out NCHW. The square is never materialized: padding is read as zeros where the resize
 * samples it, so a 24-megapixel photo costs only the 512x512 output. Stateless.
 */
final class NetInputs {

  /** face-api's mean RGB of the landmark and recognition nets, float32 there too. */
  private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  private static final double DETECTOR_SCALE = 127.5;

  private NetInputs() {}

  /** The detector's input: the whole image padded after (right or bottom), scaled to -1..1. */
  static float[] detector(DecodedImage image) {
    int side = Math.max(image.width(), image.height());
    int size = SsdMobilenetGraph.SIZE;
    float[] hwc = resize(image, new Crop(0, 0, image.width(), image.height()), 0, 0, side, size);
    float[] nchw = new float[hwc.length];
    int plane = size * size;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        float scaled = (float) (hwc[i * 3 + c] / DETECTOR_SCALE);
        nchw[c * plane + i] = scaled - 1f;
      }
    }
    return nchw;
  }

  /**
   * A face net's input: the crop padded to a square centred (face-api puts {@code round(diff / 2)}
   * after and the rest before), resized to {@code size}, minus the mean RGB, divided by 255.
   */
  static float[] face(DecodedImage image, Crop crop, int size) {
    int diff = Math.abs(crop.height() - crop.width());
    int after = (int) Math.round(diff * 0.5);
    int before = diff - after;
    boolean tall = crop.height() > crop.width();
    int side = Math.max(crop.width(), crop.height());
    float[] hwc = resize(image, crop, tall ? before : 0, tall ? 0 : before, side, size);
    float[] nchw = new float[hwc.length];
    int plane = size * size;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        float centred = hwc[i * 3 + c] - MEAN_RGB[c];
        nchw[c * plane + i] = centred / 255f;
      }
    }
    return nchw;
  }

  /**
   * tfjs CPU's {@code resizeBilinear} of the {@code side}-square that holds {@code crop} at ({@code
   * left}, {@code top}) with zeros around it, to {@code size} x {@code size}; HWC floats.
   */
  private static float[] resize(
      DecodedImage image, Crop crop, int left, int top, int side, int size) {
    return TfjsResize.bilinear(
        side, side, (x, y, c) -> sample(image, crop, x - left, y - top, c), size, size);
  }

  /** Channel {@code c} of the crop's pixel (x, y), 0 outside the crop (the padding). */
  private static int sample(DecodedImage image, Crop crop, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= crop.width() || y >= crop.height()) {
      return 0;
    }
    return image.rgb()[((crop.y() + y) * image.width() + crop.x() + x) * 3 + c] & 0xFF;
  }
}
