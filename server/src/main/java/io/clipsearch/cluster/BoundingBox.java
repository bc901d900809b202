package io.clipsearch.cluster;

/**
 * A rectangle of the map, edges included.
 *
 * @throws IllegalArgumentException if a minimum exceeds its maximum or a value is not finite
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY) {

  /** The whole map. */
  public static final BoundingBox ALL = new BoundingBox(0, 0, 1, 1);

  public BoundingBox {
    if (!Double.isFinite(minX)
        || !Double.isFinite(minY)
        || !Double.isFinite(maxX)
        || !Double.isFinite(maxY)
        || minX > maxX
        || minY > maxY) {
      throw new IllegalArgumentException(
          "bounding box must have finite minX <= maxX and minY <= maxY, got "
              + minX
              + ","
              + minY
              + ","
              + maxX
              + ","
              + maxY);
    }
  }

  /**
   * Parses {@code minX,minY,maxX,maxY}.
   *
   * @throws IllegalArgumentException if it is not four comma-separated numbers forming a box
   */
  public static BoundingBox parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("bbox must be minX,minY,maxX,maxY, got '" + text + "'");
    }
    try {
      return new BoundingBox(
          Double.parseDouble(parts[0].strip()),
          Double.parseDouble(parts[1].strip()),
          Double.parseDouble(parts[2].strip()),
          Double.parseDouble(parts[3].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bbox must be minX,minY,maxX,maxY, got '" + text + "'");
    }
  }

  public boolean contains(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }
}
