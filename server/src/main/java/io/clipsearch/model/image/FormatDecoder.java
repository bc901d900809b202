package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import com.drew.metadata.Metadata;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes the pixels of the image formats it names: the one place a new format (HEIC and AVIF
 * through libheif, camera RAW through LibRaw) plugs into {@link ImageDecoder}.
 *
 * <p>{@link ImageDecoder} has already read the bytes, sniffed the format from its signature, parsed
 * the header (size, EXIF orientation) and refused images over the pixel cap when it calls {@link
 * #decode}; an implementation only turns bytes into upright 8-bit RGB, the way Pillow's {@code
 * Image.open}, {@code ImageOps.exif_transpose} and {@code convert("RGB")} see them. Implementations
 * are stateless and thread-safe, and release every native buffer they allocate before {@link
 * #decode} returns, on success and on failure.
 */
public interface FormatDecoder {

  /** The formats this decoder reads, as metadata-extractor's signature sniffing names them. */
  Set<FileType> formats();

  /**
   * Width and height as stored (before orientation), from the header metadata-extractor parsed, or
   * from the decoder's own library where metadata-extractor does not size the format; {@code null}
   * when there is none, and the image is then {@link ImageDecodeException.Reason#CORRUPT}. Read
   * before any pixel is decoded, to refuse images over the pixel cap.
   */
  int[] storedSize(byte[] bytes, FileType type, Metadata metadata);

  /**
   * Why this machine cannot decode the formats, naming what to install, or empty when it can
   * (decoders backed by a native library the distribution provides).
   */
  default Optional<String> missingLibrary() {
    return Optional.empty();
  }

  /**
   * Whether a header metadata-extractor cannot parse means a damaged file. Camera RAW says no:
   * metadata-extractor reads only some makers' containers, and LibRaw judges the rest.
   */
  default boolean needsParsedHeader() {
    return true;
  }

  /**
   * Decodes one image.
   *
   * @param bytes the encoded file, not to be modified
   * @param header what the header says: format, size and EXIF orientation
   * @param minShortSide a decoder may decode at reduced scale (as Pillow's {@code draft} does)
   *     while the shorter side stays at least this; {@code <= 0} asks for full resolution
   * @return upright RGB pixels, owned by the caller
   * @throws ImageDecodeException naming the image and the reason when it cannot be decoded
   */
  DecodedImage decode(byte[] bytes, ImageHeader header, int minShortSide)
      throws ImageDecodeException;
}
