package io.clipsearch.model.image;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import com.drew.imaging.FileType;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.util.Set;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * JPEG, PNG, WebP, BMP and TIFF through OpenCV's {@code imdecode} ({@code IMREAD_COLOR}: gray and
 * palette expanded to three channels, alpha dropped without compositing, 16-bit samples scaled to 8
 * bits, CMYK converted).
 *
 * <p>A JPEG whose marker structure ends before its end-of-image marker is {@link Reason#CORRUPT}:
 * libjpeg would fill the missing part with gray and call it a success, while the reference (Pillow
 * without {@code LOAD_TRUNCATED_IMAGES}) refuses it. Refusing keeps a half-gray photo out of the
 * index and makes the outcome independent of where the cut falls. OpenCV is told to ignore EXIF
 * orientation so that it is applied exactly once, here, for all 8 values. A JPEG may be decoded at
 * 1/2, 1/4 or 1/8 scale in the DCT domain when the caller allows it ({@link #jpegReduction}).
 *
 * <p>Stateless and thread-safe. Every {@link Mat} it creates is released before {@link #decode}
 * returns.
 */
final class OpenCvDecoder implements FormatDecoder {

  /** 16 bytes: five BGR pixels and one spare byte, swapped to RGB with one byte shuffle. */
  private static final VectorSpecies<Byte> SWAP_SPECIES = ByteVector.SPECIES_128;

  private static final int SWAP_STEP = 15;

  /** Lane {@code j} of a pixel takes lane {@code 2 - j} of the same pixel; the spare lane stays. */
  private static final VectorShuffle<Byte> BGR_TO_RGB =
      VectorShuffle.fromOp(SWAP_SPECIES, i -> i < SWAP_STEP ? i - i % 3 + 2 - i % 3 : i);

  OpenCvDecoder() {
    OpenCvNatives.load();
  }

  @Override
  public Set<FileType> formats() {
    return Set.of(FileType.Jpeg, FileType.Png, FileType.WebP, FileType.Bmp, FileType.Tiff);
  }

  @Override
  public int[] storedSize(byte[] bytes, FileType type, Metadata metadata) {
    return switch (type) {
      case Jpeg ->
          HeaderSizes.of(
              metadata,
              JpegDirectory.class,
              JpegDirectory.TAG_IMAGE_WIDTH,
              JpegDirectory.TAG_IMAGE_HEIGHT);
      case Png ->
          HeaderSizes.of(
              metadata,
              PngDirectory.class,
              PngDirectory.TAG_IMAGE_WIDTH,
              PngDirectory.TAG_IMAGE_HEIGHT);
      case WebP ->
          HeaderSizes.of(
              metadata,
              WebpDirectory.class,
              WebpDirectory.TAG_IMAGE_WIDTH,
              WebpDirectory.TAG_IMAGE_HEIGHT);
      case Bmp ->
          HeaderSizes.of(
              metadata,
              BmpHeaderDirectory.class,
              BmpHeaderDirectory.TAG_IMAGE_WIDTH,
              BmpHeaderDirectory.TAG_IMAGE_HEIGHT);
      case Tiff ->
          HeaderSizes.of(
              metadata,
              ExifIFD0Directory.class,
              ExifDirectoryBase.TAG_IMAGE_WIDTH,
              ExifDirectoryBase.TAG_IMAGE_HEIGHT);
      default -> null;
    };
  }

  @Override
  public DecodedImage decode(byte[] bytes, ImageHeader header, int minShortSide)
      throws ImageDecodeException {
    String name = header.name();
    if (header.type() == FileType.Jpeg && !JpegStructure.isComplete(bytes)) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "JPEG data is truncated (no end-of-image marker)");
    }
    int reduction =
        header.type() == FileType.Jpeg
            ? jpegReduction(Math.min(header.width(), header.height()), minShortSide)
            : 1;
    MatOfByte encoded = new MatOfByte(bytes);
    Mat bgr = null;
    Mat upright = null;
    try {
      bgr =
          Imgcodecs.imdecode(
              encoded, openCvReadFlag(reduction) | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
      if (bgr.empty()) {
        throw new ImageDecodeException(name, Reason.CORRUPT, "image data is damaged or truncated");
      }
      if (bgr.type() != CvType.CV_8UC3) {
        throw new ImageDecodeException(
            name,
            Reason.CORRUPT,
            "decoder returned unexpected pixel type " + CvType.typeToString(bgr.type()));
      }
      upright = orient(bgr, header.orientation());
      return new DecodedImage(upright.cols(), upright.rows(), toRgb(upright));
    } finally {
      if (upright != null && upright != bgr) {
        upright.release();
      }
      if (bgr != null) {
        bgr.release();
      }
      encoded.release();
    }
  }

  /**
   * Copies a BGR Mat's pixels into a new RGB array, swapping channels on the way: one pass over the
   * native memory instead of {@code cvtColor} followed by {@code Mat.get}.
   */
  @SuppressWarnings("restricted") // reading the Mat's own buffer; the JVM runs with native access
  private static byte[] toRgb(Mat bgr) {
    if (!bgr.isContinuous()) {
      throw new IllegalStateException("decoded Mat is not continuous");
    }
    int n = Math.toIntExact(bgr.total() * 3);
    MemorySegment pixels = MemorySegment.ofAddress(bgr.dataAddr()).reinterpret(n);
    byte[] rgb = new byte[n];
    int i = 0;
    // each step writes one byte past its five pixels; the next step overwrites it
    for (; i + SWAP_SPECIES.length() <= n; i += SWAP_STEP) {
      ByteVector.fromMemorySegment(SWAP_SPECIES, pixels, i, ByteOrder.nativeOrder())
          .rearrange(BGR_TO_RGB)
          .intoArray(rgb, i);
    }
    for (; i < n; i += 3) {
      rgb[i] = pixels.get(JAVA_BYTE, i + 2);
      rgb[i + 1] = pixels.get(JAVA_BYTE, i + 1);
      rgb[i + 2] = pixels.get(JAVA_BYTE, i);
    }
    Reference.reachabilityFence(bgr); // the segment is only an address: keep the Mat's memory alive
    return rgb;
  }

  /**
   * Applies EXIF orientation like Pillow's {@code exif_transpose}. Returns {@code bgr} itself for
   * 1, else a new Mat the caller releases.
   */
  private static Mat orient(Mat bgr, int orientation) {
    if (orientation == 1) {
      return bgr;
    }
    Mat out = new Mat();
    switch (orientation) {
      case 2 -> Core.flip(bgr, out, 1); // mirror left-right
      case 3 -> Core.rotate(bgr, out, Core.ROTATE_180);
      case 4 -> Core.flip(bgr, out, 0); // mirror top-bottom
      case 5 -> Core.transpose(bgr, out); // mirror along the main diagonal
      case 6 -> Core.rotate(bgr, out, Core.ROTATE_90_CLOCKWISE);
      case 7 -> {
        // transverse: mirror along the anti-diagonal = transpose, then rotate 180
        Core.transpose(bgr, out);
        Core.flip(out, out, -1);
      }
      case 8 -> Core.rotate(bgr, out, Core.ROTATE_90_COUNTERCLOCKWISE);
      default -> throw new IllegalStateException("orientation " + orientation);
    }
    return out;
  }

  /**
   * The largest libjpeg scale-down (8, 4, 2) keeping the short side at least {@code minShortSide}.
   */
  static int jpegReduction(int shortSide, int minShortSide) {
    if (minShortSide <= 0) {
      return 1;
    }
    for (int r = 8; r > 1; r /= 2) {
      if ((shortSide + r - 1) / r >= minShortSide) { // libjpeg rounds scaled sizes up
        return r;
      }
    }
    return 1;
  }

  private static int openCvReadFlag(int reduction) {
    return switch (reduction) {
      case 1 -> Imgcodecs.IMREAD_COLOR;
      case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
      case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
      case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
      default -> throw new IllegalArgumentException("reduction " + reduction);
    };
  }
}
