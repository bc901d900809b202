package io.clipsearch.model.image;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns encoded image bytes into 8-bit RGB pixels, upright, the way the reference CLIP pipeline
 * (Pillow's {@code Image.open}, {@code ImageOps.exif_transpose}, {@code convert("RGB")}) sees them.
 *
 * <p>Strategy, in order:
 *
 * <ol>
 *   <li>Read the bytes ({@link Reason#UNREADABLE} on I/O errors, {@link Reason#EMPTY} for none).
 *   <li>Sniff the format from the magic bytes, never the file name: JPEG, PNG, GIF, WebP, BMP and
 *       TIFF are decoded; anything else is {@link Reason#NOT_AN_IMAGE}.
 *   <li>Read width, height and EXIF orientation from the header with metadata-extractor, and refuse
 *       images over the pixel cap ({@link Reason#TOO_LARGE}) before any pixel buffer exists, so a
 *       small file claiming 50000x50000 pixels costs nothing. A header without dimensions is {@link
 *       Reason#CORRUPT}.
 *   <li>A JPEG whose marker structure ends before its end-of-image marker is {@link
 *       Reason#CORRUPT}: libjpeg would fill the missing part with gray and call it a success, while
 *       the reference (Pillow without {@code LOAD_TRUNCATED_IMAGES}) refuses it. Refusing keeps a
 *       half-gray photo out of the index and makes the outcome independent of where the cut falls.
 *   <li>Decode with OpenCV ({@code IMREAD_COLOR}: gray and palette expanded to three channels,
 *       alpha dropped without compositing, 16-bit samples scaled to 8 bits, CMYK converted), or
 *       with ImageIO for GIF, which OpenCV 4.9 cannot read; the first frame of an animation. OpenCV
 *       is told to ignore EXIF orientation so it is applied exactly once, here, for all 8 values.
 * </ol>
 *
 * <p>Thread-safe and stateless apart from its immutable pixel cap: share one instance. Every OpenCV
 * {@link Mat} it creates is released before {@link #decode} returns, on success and on failure; the
 * returned {@link DecodedImage} is plain Java memory owned by the caller.
 */
public final class ImageDecoder {

  /** Default pixel cap: 100 megapixels, above any camera's JPEG and far below a bomb's claim. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** 16 bytes: five BGR pixels and one spare byte, swapped to RGB with one byte shuffle. */
  private static final VectorSpecies<Byte> SWAP_SPECIES = ByteVector.SPECIES_128;

  private static final int SWAP_STEP = 15;

  /** Lane {@code j} of a pixel takes lane {@code 2 - j} of the same pixel; the spare lane stays. */
  private static final VectorShuffle<Byte> BGR_TO_RGB =
      VectorShuffle.fromOp(SWAP_SPECIES, i -> i < SWAP_STEP ? i - i % 3 + 2 - i % 3 : i);

  private static final Set<FileType> DECODABLE =
      Set.of(FileType.Jpeg, FileType.Png, FileType.Gif, FileType.WebP, FileType.Bmp, FileType.Tiff);

  private final long maxPixels;

  /** A decoder with the {@linkplain #DEFAULT_MAX_PIXELS default pixel cap}. */
  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /**
   * @param maxPixels the largest width x height accepted
   * @throws IllegalArgumentException if {@code maxPixels} is not positive
   */
  public ImageDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    this.maxPixels = maxPixels;
    OpenCvNatives.load();
  }

  /** The largest width x height this decoder accepts. */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Decodes one image at full resolution, as the reference does.
   *
   * @return upright RGB pixels, owned by the caller
   * @throws ImageDecodeException naming the image and the {@link Reason} when it cannot be decoded
   */
  public DecodedImage decode(ImageSource source) throws ImageDecodeException {
    return decode(source, 0);
  }

  /**
   * Decodes one image, letting a JPEG be decoded at 1/2, 1/4 or 1/8 scale in the DCT domain (as
   * Pillow's {@code draft} does) when its shorter side stays at least {@code minShortSide}. That is
   * 5-20x cheaper for camera photos; the pixels then differ slightly from a full decode followed by
   * the resize. Other formats, and {@code minShortSide <= 0}, decode at full resolution.
   *
   * @return upright RGB pixels, owned by the caller
   * @throws ImageDecodeException naming the image and the {@link Reason} when it cannot be decoded
   */
  public DecodedImage decode(ImageSource source, int minShortSide) throws ImageDecodeException {
    return decodeFile(source, minShortSide).image();
  }

  /**
   * Decodes one image as {@link #decode(ImageSource, int)} does and hands back the metadata parsed
   * from its header too, for callers that index the photo's EXIF facts.
   *
   * @throws ImageDecodeException naming the image and the {@link Reason} when it cannot be decoded
   */
  public DecodedFile decodeFile(ImageSource source, int minShortSide) throws ImageDecodeException {
    String name = source.name();
    byte[] bytes;
    try {
      bytes = source.readBytes();
    } catch (IOException | SecurityException e) {
      throw new ImageDecodeException(name, Reason.UNREADABLE, "cannot read: " + describe(e), e);
    }
    if (bytes.length == 0) {
      throw new ImageDecodeException(name, Reason.EMPTY, "file is empty (0 bytes)");
    }
    FileType type = detect(bytes);
    if (!DECODABLE.contains(type)) {
      throw new ImageDecodeException(
          name,
          Reason.NOT_AN_IMAGE,
          type == FileType.Unknown
              ? "not an image in a supported format (JPEG, PNG, GIF, WebP, BMP, TIFF)"
              : "unsupported format " + type.getName());
    }
    Header header = readHeader(name, bytes, type);
    if ((long) header.width * header.height > maxPixels) {
      throw new ImageDecodeException(
          name,
          Reason.TOO_LARGE,
          header.width + "x" + header.height + " pixels exceeds the limit of " + maxPixels);
    }
    if (type == FileType.Jpeg && !JpegStructure.isComplete(bytes)) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "JPEG data is truncated (no end-of-image marker)");
    }
    if (type == FileType.Gif) {
      return new DecodedFile(decodeWithImageIo(name, bytes), header.metadata);
    }
    int reduction =
        type == FileType.Jpeg
            ? jpegReduction(Math.min(header.width, header.height), minShortSide)
            : 1;
    return new DecodedFile(decodeWithOpenCv(name, bytes, header, reduction), header.metadata);
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

  private static FileType detect(byte[] bytes) {
    FileType type;
    try {
      type =
          FileTypeDetector.detectFileType(new BufferedInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      return FileType.Unknown;
    }
    // metadata-extractor's ARW signature ("II*\0" with the first IFD at offset 8) is also the
    // signature of most little-endian TIFFs, so it names plain TIFF files ARW.
    return type == FileType.Arw ? FileType.Tiff : type;
  }

  /**
   * Header facts needed before decoding, and all the metadata they were read from. {@code
   * orientation} is the EXIF value, 1 if absent.
   */
  private record Header(int width, int height, int orientation, Metadata metadata) {}

  private static Header readHeader(String name, byte[] bytes, FileType type)
      throws ImageDecodeException {
    Metadata metadata;
    try {
      metadata =
          ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length, type);
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      // metadata-extractor throws for headers it cannot parse; the pixels would not decode either
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "unreadable " + type.getName() + " header: " + describe(e), e);
    }
    int[] size =
        switch (type) {
          case Jpeg ->
              dimensions(
                  metadata,
                  JpegDirectory.class,
                  JpegDirectory.TAG_IMAGE_WIDTH,
                  JpegDirectory.TAG_IMAGE_HEIGHT);
          case Png ->
              dimensions(
                  metadata,
                  PngDirectory.class,
                  PngDirectory.TAG_IMAGE_WIDTH,
                  PngDirectory.TAG_IMAGE_HEIGHT);
          case Gif ->
              dimensions(
                  metadata,
                  GifHeaderDirectory.class,
                  GifHeaderDirectory.TAG_IMAGE_WIDTH,
                  GifHeaderDirectory.TAG_IMAGE_HEIGHT);
          case WebP ->
              dimensions(
                  metadata,
                  WebpDirectory.class,
                  WebpDirectory.TAG_IMAGE_WIDTH,
                  WebpDirectory.TAG_IMAGE_HEIGHT);
          case Bmp ->
              dimensions(
                  metadata,
                  BmpHeaderDirectory.class,
                  BmpHeaderDirectory.TAG_IMAGE_WIDTH,
                  BmpHeaderDirectory.TAG_IMAGE_HEIGHT);
          case Tiff ->
              dimensions(
                  metadata,
                  ExifIFD0Directory.class,
                  ExifDirectoryBase.TAG_IMAGE_WIDTH,
                  ExifDirectoryBase.TAG_IMAGE_HEIGHT);
          default -> null;
        };
    if (size == null) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "no image dimensions in the " + type.getName() + " header");
    }
    // A bottom-up BMP stores a negative height; a zero side means nothing to decode.
    int width = Math.abs(size[0]);
    int height = Math.abs(size[1]);
    if (width == 0 || height == 0) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "header claims an empty image " + width + "x" + height);
    }
    return new Header(width, height, orientation(metadata), metadata);
  }

  private static int[] dimensions(
      Metadata metadata, Class<? extends Directory> kind, int widthTag, int heightTag) {
    for (Directory d : metadata.getDirectoriesOfType(kind)) {
      if (d.containsTag(widthTag) && d.containsTag(heightTag)) {
        try {
          return new int[] {d.getInt(widthTag), d.getInt(heightTag)};
        } catch (MetadataException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static int orientation(Metadata metadata) {
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (ifd0 == null || !ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
      return 1;
    }
    try {
      int value = ifd0.getInt(ExifDirectoryBase.TAG_ORIENTATION);
      // Pillow's exif_transpose ignores values outside 1..8; so do we.
      return value >= 1 && value <= 8 ? value : 1;
    } catch (MetadataException e) {
      return 1;
    }
  }

  private static DecodedImage decodeWithOpenCv(
      String name, byte[] bytes, Header header, int reduction) throws ImageDecodeException {
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
      upright = orient(bgr, header.orientation);
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
   * GIF through ImageIO: the first frame, palette indices mapped to their colors (a transparent
   * index keeps its palette color, as Pillow's {@code convert("RGB")} does).
   */
  private static DecodedImage decodeWithImageIo(String name, byte[] bytes)
      throws ImageDecodeException {
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
          name, Reason.CORRUPT, "GIF data is damaged or truncated: " + describe(e), e);
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

  private static String describe(Throwable e) {
    return e.getMessage() != null
        ? e.getClass().getSimpleName() + ": " + e.getMessage()
        : e.getClass().getSimpleName();
  }
}
