package io.clipsearch.faces;

/**
 * A whole-pixel region of an image, as face-api slices one ({@code Box.clipAtImageBorders}: clipped
 * to the image, then floored). Empty when a side is not positive.
 */
record Crop(int x, int y, int width, int height) {

  boolean isEmpty() {
    return width <= 0 || height <= 0;
  }

  /**
   * face-api's {@code Box.clipAtImageBorders} of the box (x, y, width, height) in a W x H image.
   */
  static Crop clip(
      double x, double y, double width, double height, int imageWidth, int imageHeight) {
    double clippedX = Math.max(x, 0);
    double clippedY = Math.max(y, 0);
    double newWidth = (x + width) - clippedX;
    double newHeight = (y + height) - clippedY;
    double clippedWidth = Math.min(newWidth, imageWidth - clippedX);
    double clippedHeight = Math.min(newHeight, imageHeight - clippedY);
    return new Crop(
        (int) Math.floor(clippedX),
        (int) Math.floor(clippedY),
        (int) Math.floor(clippedWidth),
        (int) Math.floor(clippedHeight));
  }
}
