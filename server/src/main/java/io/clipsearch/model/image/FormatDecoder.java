package io.clipsearch.model.image;

import com.drew.imaging.FileType;
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
