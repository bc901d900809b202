package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.testing.SharedFixtures;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

  private static final ImageDecoder DECODER = new ImageDecoder();

  @BeforeAll
  static void natives() {
    OpenCvNatives.load();
  }

  private static DecodedImage fixture(String name) throws ImageDecodeException {
    return DECODER.decode(ImageSource.of(SharedFixtures.clipFixture("images/" + name)));
  }

  @ParameterizedTest
  @CsvSource({
    "astronaut.png, 512, 512",
    "coffee.png, 600, 400",
    "kitten-on-lawn.jpg, 1280, 867",
    "panorama-1600x200.jpg, 1600, 200",
    "tiny-3x2.png, 3, 2",
    "palette.gif, 640, 360",
    "photo.webp, 640, 360",
    "photo.bmp, 640, 360",
    "photo.tiff, 640, 360",
    "gray.png, 640, 360",
    "rgba-half-transparent.png, 640, 360",
  })
  void decodesEveryFormatToRgb(String name, int width, int height) throws Exception {
    DecodedImage image = fixture(name);
    assertEquals(width, image.width());
    assertEquals(height, image.height());
    assertEquals(width * height * 3, image.rgb().length);
  }

  @Test
  void bmpTiffAndWebpOfTheSamePhotoAgree() throws Exception {
    DecodedImage bmp = fixture("photo.bmp");
    // BMP and TIFF are lossless copies of the same pixels
    assertEquals(bmp, fixture("photo.tiff"));
    DecodedImage webp = fixture("photo.webp");
    assertTrue(meanAbsDiff(bmp, webp) < 8, "lossy WebP close to the original");
  }

  @Test
  void exifOrientationSixIsRotatedUpright() throws Exception {
    // stored 360 wide, 640 high; orientation 6 means "rotate 90 degrees clockwise to view"
    DecodedImage image = fixture("exif-orientation-6.jpg");
    assertEquals(640, image.width());
    assertEquals(360, image.height());
  }

  @Test
  void grayscaleComesOutAsEqualChannels() throws Exception {
    DecodedImage gray = fixture("gray.png");
    byte[] rgb = gray.rgb();
    for (int i = 0; i < rgb.length; i += 3) {
      assertEquals(rgb[i], rgb[i + 1]);
      assertEquals(rgb[i], rgb[i + 2]);
    }
  }

  @Test
  void paletteGifHasColors() throws Exception {
    DecodedImage gif = fixture("palette.gif");
    boolean colored = false;
    byte[] rgb = gif.rgb();
    for (int i = 0; i < rgb.length && !colored; i += 3) {
      colored = rgb[i] != rgb[i + 1] || rgb[i] != rgb[i + 2];
    }
    assertTrue(colored, "palette expanded to RGB colors");
  }

  @Test
  void alphaIsDroppedNotComposited() throws Exception {
    // left half opaque red, right half fully transparent green: Pillow's convert("RGB") keeps
    // the stored green (no black from premultiplying, no white from compositing)
    Mat bgra = new Mat(4, 6, CvType.CV_8UC4, new Scalar(0, 0, 255, 255));
    bgra.submat(0, 4, 3, 6).setTo(new Scalar(0, 255, 0, 0));
    DecodedImage image = DECODER.decode(ImageSource.of("rgba.png", encode(".png", bgra)));
    assertEquals(6, image.width());
    assertArrayEquals(new int[] {255, 0, 0}, pixel(image, 0, 0));
    assertArrayEquals(new int[] {0, 255, 0}, pixel(image, 5, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {".png", ".tiff"})
  void sixteenBitSamplesAreScaledToEightBits(String extension) throws Exception {
    // k * 257 is k in the high byte and in the low byte, so both "take the high byte" and
    // "divide by 257" give k: the test does not depend on which one the codec uses
    Mat mat = new Mat(3, 5, CvType.CV_16UC3, new Scalar(10 * 257, 128 * 257, 65535));
    DecodedImage image = DECODER.decode(ImageSource.of("deep" + extension, encode(extension, mat)));
    assertEquals(5, image.width());
    assertEquals(3, image.height());
    // OpenCV scalars are BGR
    assertArrayEquals(new int[] {255, 128, 10}, pixel(image, 4, 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void appliesEveryExifOrientationLikePillow(int orientation) throws Exception {
    // 8x4 JPEG of distinct blocks; the same entropy data with each orientation tag must decode
    // to exactly Pillow's transpose of the orientation-1 decode
    Mat mat = new Mat(4, 8, CvType.CV_8UC3);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 8; x++) {
        mat.put(y, x, x * 30, y * 60, 255 - x * 20);
      }
    }
    byte[] jpeg = encode(".jpg", mat);
    DecodedImage plain = DECODER.decode(ImageSource.of("plain.jpg", jpeg));
    DecodedImage oriented =
        DECODER.decode(
            ImageSource.of("o" + orientation + ".jpg", withExifOrientation(jpeg, orientation)));
    int w = plain.width();
    int h = plain.height();
    boolean swapped = orientation >= 5;
    assertEquals(swapped ? h : w, oriented.width());
    assertEquals(swapped ? w : h, oriented.height());
    for (int y = 0; y < oriented.height(); y++) {
      for (int x = 0; x < oriented.width(); x++) {
        int[] src =
            switch (orientation) {
              case 1 -> new int[] {x, y};
              case 2 -> new int[] {w - 1 - x, y};
              case 3 -> new int[] {w - 1 - x, h - 1 - y};
              case 4 -> new int[] {x, h - 1 - y};
              case 5 -> new int[] {y, x};
              case 6 -> new int[] {y, h - 1 - x};
              case 7 -> new int[] {w - 1 - y, h - 1 - x};
              case 8 -> new int[] {w - 1 - y, x};
              default -> throw new AssertionError();
            };
        assertArrayEquals(
            pixel(plain, src[0], src[1]), pixel(oriented, x, y), "(" + x + "," + y + ")");
      }
    }
  }

  @Test
  void cmykJpegIsConvertedToRgb() throws Exception {
    // ImageIO writes a 4-component JPEG from a raster (no color conversion). libjpeg reads 4
    // components as CMYK, and OpenCV converts it with the inverted (Adobe/Photoshop) convention
    // that real CMYK JPEGs use: 255 means no ink. Left half: full cyan ink; right half: none.
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    assumeTrue(writers.hasNext(), "no ImageIO JPEG writer: test skipped");
    ImageWriter writer = writers.next();
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 8, 4, null);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setPixel(x, y, new int[] {x < 8 ? 0 : 255, 255, 255, 255});
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    DecodedImage image = DECODER.decode(ImageSource.of("cmyk.jpg", bytes.toByteArray()));
    assertEquals(16, image.width());
    assertEquals(8, image.height());
    assertClose(new int[] {0, 255, 255}, pixel(image, 2, 4), "cyan half");
    assertClose(new int[] {255, 255, 255}, pixel(image, 13, 4), "white half");
  }

  private static void assertClose(int[] expected, int[] actual, String what) {
    for (int c = 0; c < 3; c++) {
      assertTrue(
          Math.abs(expected[c] - actual[c]) <= 8,
          what
              + ": expected about "
              + Arrays.toString(expected)
              + ", got "
              + Arrays.toString(actual));
    }
  }

  static byte[] encode(String extension, Mat mat) {
    MatOfByte buf = new MatOfByte();
    try {
      assertTrue(
          Imgcodecs.imencode(
              extension, mat, buf, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 100)));
      return buf.toArray();
    } finally {
      buf.release();
      mat.release();
    }
  }

  /** Inserts an APP1 EXIF segment with one IFD0 entry, Orientation, right after SOI. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    byte[] app1 = {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      34, // marker, length (excluding the marker)
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // big-endian TIFF header, IFD0 at offset 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0, // Orientation, SHORT, count 1
      0,
      0,
      0,
      0 // no next IFD
    };
    byte[] out = new byte[jpeg.length + app1.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(app1, 0, out, 2, app1.length);
    System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
    return out;
  }

  static int[] pixel(DecodedImage image, int x, int y) {
    return new int[] {image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
  }

  private static double meanAbsDiff(DecodedImage a, DecodedImage b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
    }
    return (double) sum / a.rgb().length;
  }
}
