package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import com.drew.metadata.Metadata;
import com.drew.metadata.gif.GifHeaderDirectory;
import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * GIF through ImageIO, which OpenCV 4.9 cannot read: the first frame of an animation, at full
 * resolution (GIF has no EXIF orientation). Stateless and thread-safe.
 */
final class GifDecoder implements FormatDecoder {

  @Override
  public Set<FileType> formats() {
    return Set.of(FileType.Gif);
  }

  @Override
  public int[] storedSize(byte[] bytes, FileType type, Metadata metadata) {
    return HeaderSizes.of(
        metadata,
        GifHeaderDirectory.class,
        GifHeaderDirectory.TAG_IMAGE_WIDTH,
        GifHeaderDirectory.TAG_IMAGE_HEIGHT);
  }

  /**
   * GIF through ImageIO: the first frame, palette indices mapped to their colors (a transparent
   * index keeps its palette color, as Pillow's {@code convert("RGB")} does).
   */
  @Override
  public DecodedImage decode(byte[] bytes, ImageHeader header, int minShortSide)
      throws ImageDecodeException {
    String name = header.name();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageDecodeException(name, Reason.CORRUPT, "no ImageIO reader accepts this GIF");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage image = reader.read(0);
        return toRgb(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "GIF data is damaged or truncated: " + ImageDecoder.describe(e), e);
    }
  }

  private static DecodedImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int o = y * w * 3;
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        rgb[o++] = (byte) (argb >> 16);
        rgb[o++] = (byte) (argb >> 8);
        rgb[o++] = (byte) argb;
      }
    }
    return new DecodedImage(w, h, rgb);
  }
}
