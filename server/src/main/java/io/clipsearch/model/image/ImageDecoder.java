package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Turns encoded image bytes into 8-bit RGB pixels, upright, the way the reference CLIP pipeline
 * (Pillow's {@code Image.open}, {@code ImageOps.exif_transpose}, {@code convert("RGB")}) sees them,
 * with the metadata of the file parsed once on the way.
 *
 * <p>Strategy, in order:
 *
 * <ol>
 *   <li>Read the bytes ({@link Reason#UNREADABLE} on I/O errors, {@link Reason#EMPTY} for none).
 *   <li>Sniff the format from the magic bytes, never the file name, and pick the {@link
 *       FormatDecoder} that reads it ({@code FORMATS}); a format none reads is {@link
 *       Reason#NOT_AN_IMAGE}.
 *   <li>Parse the header with metadata-extractor, once: width, height and EXIF orientation, and the
 *       rest (EXIF, GPS, XMP) handed back in the {@link DecodedFile}. Images over the pixel cap are
 *       refused ({@link Reason#TOO_LARGE}) before any pixel buffer exists, so a small file claiming
 *       50000x50000 pixels costs nothing. A header without dimensions is {@link Reason#CORRUPT}.
 *   <li>Decode with the format's decoder, which applies the orientation.
 * </ol>
 *
 * <p>Thread-safe and stateless apart from its immutable pixel cap: share one instance. The returned
 * pixels are plain Java memory owned by the caller; decoders release their native buffers.
 */
public final class ImageDecoder {

  /** Default pixel cap: 100 megapixels, above any camera's JPEG and far below a bomb's claim. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /**
   * The decoders, in the order they are asked: the one place a decoder of a new format is added.
   */
  private static final List<FormatDecoder> FORMATS =
      List.of(new OpenCvDecoder(), new GifDecoder(), new HeifDecoder(), new RawDecoder());

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
   * much cheaper for camera photos; the pixels then differ slightly from a full decode followed by
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
    FileType detected = detect(name, bytes);
    FormatDecoder decoder =
        decoderOf(detected)
            .orElseThrow(
                () ->
                    new ImageDecodeException(
                        name,
                        Reason.NOT_AN_IMAGE,
                        detected == FileType.Unknown
                            ? "not an image in a supported format (JPEG, PNG, GIF, WebP, BMP,"
                                + " TIFF, HEIC, AVIF, camera RAW)"
                            : "unsupported format " + detected.getName()));
    Optional<String> missing = decoder.missingLibrary();
    if (missing.isPresent()) {
      throw new ImageDecodeException(name, Reason.MISSING_LIBRARY, missing.get());
    }
    Metadata metadata = readMetadata(name, bytes, detected, decoder);
    FileType type = detected;
    if (type == FileType.Tiff && RawDecoder.isDng(metadata)) {
      type = FileType.Arw; // a DNG named like a TIFF
      decoder = decoderOf(type).orElseThrow();
    }
    ImageHeader header = header(name, type, bytes, metadata, decoder);
    if ((long) header.width() * header.height() > maxPixels) {
      throw new ImageDecodeException(
          name,
          Reason.TOO_LARGE,
          header.width() + "x" + header.height() + " pixels exceeds the limit of " + maxPixels);
    }
    return new DecodedFile(decoder.decode(bytes, header, minShortSide), metadata);
  }

  private static Optional<FormatDecoder> decoderOf(FileType type) {
    return FORMATS.stream().filter(d -> d.formats().contains(type)).findFirst();
  }

  private static FileType detect(String name, byte[] bytes) {
    if (IsoBmffBrands.isAvif(bytes)) {
      return FileType.Heif; // metadata-extractor names AVIF QuickTime; libheif reads both
    }
    FileType type;
    try {
      type =
          FileTypeDetector.detectFileType(new BufferedInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      return FileType.Unknown;
    }
    // metadata-extractor's ARW signature ("II*\0" with the first IFD at offset 8) is also the
    // signature of most little-endian TIFFs: a TIFF is a camera RAW when its name says so (or, see
    // decodeFile, when its header is a DNG's); then it stands for every TIFF-based RAW here.
    if (type == FileType.Arw || type == FileType.Tiff) {
      return ImageFiles.hasRawExtension(name) ? FileType.Arw : FileType.Tiff;
    }
    return type;
  }

  /** Everything metadata-extractor reads from the file: the one parse of its header. */
  private static Metadata readMetadata(
      String name, byte[] bytes, FileType type, FormatDecoder decoder) throws ImageDecodeException {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length, type);
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      if (!decoder.needsParsedHeader()) {
        return new Metadata();
      }
      // metadata-extractor throws for headers it cannot parse; the pixels would not decode either
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "unreadable " + type.getName() + " header: " + describe(e), e);
    }
  }

  /** Size and orientation from the parsed header. */
  private static ImageHeader header(
      String name, FileType type, byte[] bytes, Metadata metadata, FormatDecoder decoder)
      throws ImageDecodeException {
    int[] size = decoder.storedSize(bytes, type, metadata);
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
    return new ImageHeader(name, type, width, height, orientation(metadata));
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

  static String describe(Throwable e) {
    return e.getMessage() != null
        ? e.getClass().getSimpleName() + ": " + e.getMessage()
        : e.getClass().getSimpleName();
  }
}
