package io.clipsearch.app.detail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an original photo for display, subsampled while decoding so that a 50-megapixel file
 * costs no more memory than the screen needs. Called on workers. Stateless.
 */
public final class ImageDecoding {

  /** What Java's own readers decode; anything else (HEIC, AVIF, RAW, WebP) the server renders. */
  private static final Set<String> NATIVE = Set.of("jpg", "jpeg", "jpe", "png", "gif", "bmp");

  private ImageDecoding() {}

  /**
   * Where to fetch a photo for display: its original when Java decodes that format, else the
   * server's JPEG rendering ({@code format=jpeg}), which arrives upright.
   *
   * @param path the photo's file path, for its extension
   * @param imageUrl the hit's relative URL of the original
   */
  public static Fetch fetchFor(String path, String imageUrl) {
    int dot = path.lastIndexOf('.');
    String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (NATIVE.contains(extension)) {
      return new Fetch(imageUrl, false);
    }
    return new Fetch(imageUrl + (imageUrl.contains("?") ? "&" : "?") + "format=jpeg", true);
  }

  /**
   * A photo to fetch for display.
   *
   * @param url relative API URL
   * @param upright whether the server already turned it upright (its EXIF orientation is not to be
   *     applied again)
   */
  public record Fetch(String url, boolean upright) {}

  /**
   * @param maxSide the long side wanted (the result is at least this, up to twice it)
   * @throws IOException if no reader knows the format or the data is corrupt
   */
  public static BufferedImage readScaled(byte[] bytes, int maxSide) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("this image format cannot be shown here");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
        int step = Math.max(1, longSide / Math.max(1, maxSide));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }
}
