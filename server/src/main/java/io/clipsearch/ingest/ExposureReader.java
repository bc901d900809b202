package io.clipsearch.ingest;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import io.clipsearch.api.types.ExposureInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a photo's exposure (aperture, shutter, ISO, focal length) from its EXIF when its details
 * are asked for: a detail view needs it for one photo at a time, so the index does not store it.
 * An image that is unreadable has no exposure rather than an error.
 */
public final class ExposureReader {

  private ExposureReader() {}

  /**
   * The exposure, or empty when the image has none or cannot be read. Reads from a stream the
   * caller opened (and closes): a path would be opened again, after whatever checks were made.
   */
  public static Optional<ExposureInfo> read(InputStream image) {
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(image);
    } catch (IOException | ImageProcessingException | RuntimeException e) {
      return Optional.empty();
    }
    ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    if (sub == null) {
      return Optional.empty();
    }
    ExposureInfo e = new ExposureInfo(number(sub, ExifSubIFDDirectory.TAG_FNUMBER),
        number(sub, ExifSubIFDDirectory.TAG_EXPOSURE_TIME),
        sub.containsTag(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT)
            ? sub.getInteger(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT) : null,
        number(sub, ExifSubIFDDirectory.TAG_FOCAL_LENGTH));
    boolean any = e.fNumber() != null || e.exposureSeconds() != null || e.iso() != null || e.focalLengthMm() != null;
    return any ? Optional.of(e) : Optional.empty();
  }

  private static Double number(ExifSubIFDDirectory dir, int tag) {
    var r = dir.getRational(tag);
    return r == null || r.getDenominator() == 0 ? null : r.doubleValue();
  }
}
