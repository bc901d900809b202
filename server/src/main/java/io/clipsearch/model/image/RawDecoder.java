package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.util.Optional;
import java.util.Set;

/**
 * Camera RAW through {@link LibRaw}: the camera's embedded preview when its shorter side reaches
 * {@link #PREVIEW_MIN_SIDE} (or the size the caller asks for, if larger), else a demosaic of the
 * sensor data; upright either way. {@link FileType#Arw} stands here for every TIFF-based RAW (DNG,
 * NEF, CR2, ARW, PEF...), which share TIFF's signature; CR3, RAF, ORF, RW2 and CRW have their own.
 * Without LibRaw on the machine these photos are {@link
 * ImageDecodeException.Reason#MISSING_LIBRARY}. Stateless and thread-safe.
 */
final class RawDecoder implements FormatDecoder {

  /**
   * A preview at least this short side is used: above the 320 px thumbnails and the models' 224.
   */
  static final int PREVIEW_MIN_SIDE = 448;

  private static final int DNG_VERSION_TAG = 0xC612;

  /** The library, looked for once, when the first RAW file or a check asks. */
  private static final class Library {
    static final Optional<LibRaw> RAW = LibRaw.load();
  }

  /** LibRaw's version, or empty when the machine lacks it. */
  static Optional<String> version() {
    return Library.RAW.map(LibRaw::version);
  }

  /** Whether the parsed header is a DNG's (its IFD 0 carries DNGVersion). */
  static boolean isDng(Metadata metadata) {
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    return ifd0 != null && ifd0.containsTag(DNG_VERSION_TAG);
  }

  @Override
  public Set<FileType> formats() {
    return Set.of(
        FileType.Arw,
        FileType.Cr2,
        FileType.Nef,
        FileType.Orf,
        FileType.Rw2,
        FileType.Raf,
        FileType.Crx,
        FileType.Crw);
  }

  @Override
  public Optional<String> missingLibrary() {
    return Library.RAW.isPresent()
        ? Optional.empty()
        : Optional.of(
            "LibRaw is not installed: camera RAW photos are skipped (apt install libraw23, or"
                + " libraw20 on Debian 12)");
  }

  @Override
  public boolean needsParsedHeader() {
    return false;
  }

  @Override
  public int[] storedSize(byte[] bytes, FileType type, Metadata metadata) {
    return Library.RAW.orElseThrow().sensorSize(bytes);
  }

  @Override
  public DecodedImage decode(byte[] bytes, ImageHeader header, int minShortSide)
      throws ImageDecodeException {
    long claimed = (long) header.width() * header.height();
    return Library.RAW
        .orElseThrow()
        .decode(
            header.name(),
            bytes,
            claimed,
            Math.max(minShortSide, PREVIEW_MIN_SIDE),
            new ImageDecoder())
        .image();
  }
}
