package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import com.drew.metadata.Metadata;
import com.drew.metadata.heif.HeifDirectory;
import java.util.Optional;
import java.util.Set;

/**
 * HEIC/HEIF and AVIF through {@link LibHeif}. libheif applies the file's rotation and mirroring, so
 * the EXIF orientation in {@link ImageHeader} (which HEIF only records for information) is not
 * applied again. Without libheif on the machine these photos are {@link
 * ImageDecodeException.Reason#MISSING_LIBRARY}. Stateless and thread-safe.
 */
final class HeifDecoder implements FormatDecoder {

  /** The library, looked for once, when the first HEIF file or a check asks. */
  private static final class Library {
    static final Optional<LibHeif> HEIF = LibHeif.load();
  }

  /** libheif's version, or empty when the machine lacks it. */
  static Optional<String> version() {
    return Library.HEIF.map(LibHeif::version);
  }

  @Override
  public Set<FileType> formats() {
    return Set.of(FileType.Heif);
  }

  @Override
  public Optional<String> missingLibrary() {
    return Library.HEIF.isPresent()
        ? Optional.empty()
        : Optional.of(
            "libheif is not installed: HEIC and AVIF photos are skipped (apt install libheif1)");
  }

  @Override
  public int[] storedSize(byte[] bytes, FileType type, Metadata metadata) {
    return HeaderSizes.of(
        metadata,
        HeifDirectory.class,
        HeifDirectory.TAG_IMAGE_WIDTH,
        HeifDirectory.TAG_IMAGE_HEIGHT);
  }

  @Override
  public DecodedImage decode(byte[] bytes, ImageHeader header, int minShortSide)
      throws ImageDecodeException {
    // no more pixels than the header claimed, which the pixel cap has passed
    long claimed = (long) header.width() * header.height();
    return Library.HEIF.orElseThrow().decode(header.name(), bytes, claimed);
  }
}
