package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * A 3x2 image with a red top-left pixel: where that pixel ends up, and the size, for each EXIF
 * orientation (the transform that makes the stored image upright).
 */
class ExifOrientationTest {

  static final int RED = 0xff0000;

  static BufferedImage marked() {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, RED);
    return image;
  }

  static void assertRedAt(BufferedImage image, int w, int h, int x, int y) {
    assertEquals(w, image.getWidth());
    assertEquals(h, image.getHeight());
    assertEquals(RED, image.getRGB(x, y) & 0xffffff, "red at " + x + "," + y);
  }

  @Test
  void everyOrientation() {
    assertSame(marked().getClass(), ExifOrientation.apply(marked(), 1).getClass());
    assertRedAt(ExifOrientation.apply(marked(), 2), 3, 2, 2, 0); // mirror horizontally
    assertRedAt(ExifOrientation.apply(marked(), 3), 3, 2, 2, 1); // rotate 180
    assertRedAt(ExifOrientation.apply(marked(), 4), 3, 2, 0, 1); // mirror vertically
    assertRedAt(ExifOrientation.apply(marked(), 5), 2, 3, 0, 0); // transpose
    assertRedAt(ExifOrientation.apply(marked(), 6), 2, 3, 1, 0); // rotate 90 clockwise
    assertRedAt(ExifOrientation.apply(marked(), 7), 2, 3, 1, 2); // transverse
    assertRedAt(ExifOrientation.apply(marked(), 8), 2, 3, 0, 2); // rotate 270 clockwise
  }
}
