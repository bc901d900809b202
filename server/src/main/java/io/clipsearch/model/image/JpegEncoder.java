package io.clipsearch.model.image;

import java.io.IOException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Encodes decoded pixels as a JPEG no longer than a given side: thumbnails, and renderings of
 * photos a browser or the app cannot decode themselves (HEIC, AVIF, camera RAW). Stateless and
 * thread-safe; every OpenCV buffer is released before {@link #encode} returns.
 */
public final class JpegEncoder {

  private JpegEncoder() {}

  /**
   * @param longSide the longest side of the result; a smaller picture is never enlarged
   * @param quality JPEG quality, 1-100
   * @throws IOException if OpenCV cannot encode it
   */
  public static byte[] encode(DecodedImage image, int longSide, int quality) throws IOException {
    OpenCvNatives.load();
    Mat rgb = new Mat(image.height(), image.width(), CvType.CV_8UC3);
    Mat small = new Mat();
    Mat bgr = new Mat();
    MatOfByte out = new MatOfByte();
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    try {
      rgb.put(0, 0, image.rgb());
      // INTER_AREA averages every source pixel: no aliasing when shrinking a photo 10x or more
      Imgproc.resize(
          rgb, small, fitted(image.width(), image.height(), longSide), 0, 0, Imgproc.INTER_AREA);
      Imgproc.cvtColor(small, bgr, Imgproc.COLOR_RGB2BGR);
      if (!Imgcodecs.imencode(".jpg", bgr, out, params)) {
        throw new IOException(
            "OpenCV could not encode a " + image.width() + "x" + image.height() + " JPEG");
      }
      return out.toArray();
    } finally {
      params.release();
      out.release();
      bgr.release();
      small.release();
      rgb.release();
    }
  }

  /** The size of a picture scaled to {@code longSide} on its long side, never enlarged. */
  public static Size fitted(int width, int height, int longSide) {
    int longest = Math.max(width, height);
    if (longest <= longSide) {
      return new Size(width, height);
    }
    double scale = (double) longSide / longest;
    return new Size(
        Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  }
}
