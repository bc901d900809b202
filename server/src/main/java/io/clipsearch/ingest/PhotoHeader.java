package io.clipsearch.ingest;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The metadata of a photo's file (EXIF, XMP, ...), parsed once with metadata-extractor for
 * everything a detail view reads from the file rather than the index: its exposure ({@link
 * ExposureReader}) and its credit ({@link PhotoCredits}). Stateless and thread-safe.
 */
public final class PhotoHeader {

  private PhotoHeader() {}

  /**
   * The file's metadata, or empty when it cannot be read. Reads from a stream the caller opened
   * (and closes): a path would be opened again, after whatever checks were made.
   */
  public static Optional<Metadata> read(InputStream image) {
    try {
      return Optional.of(ImageMetadataReader.readMetadata(image));
    } catch (IOException | ImageProcessingException | RuntimeException e) {
      return Optional.empty(); // an unreadable file has no exposure or credit rather than an error
    }
  }
}
