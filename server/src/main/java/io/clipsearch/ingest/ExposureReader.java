package io.clipsearch.ingest;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import io.clipsearch.api.types.ExposureInfo;
import java.util.Optional;

/**
 * Reads a photo's exposure (aperture, shutter, ISO, focal length) from its EXIF when its details
 * are asked for: a detail view needs it for one photo at a time, so the index does not store it.
 * The file's metadata comes from {@link PhotoHeader}, which gives an unreadable image none.
 */
public final class ExposureReader {

  private ExposureReader() {}

  /** The exposure in a photo's metadata, or empty when it has none. */
  public static Optional<ExposureInfo> read(Metadata metadata) {
    ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    if (sub == null) {
      return Optional.empty();
    }
    ExposureInfo e =
        new ExposureInfo(
            number(sub, ExifSubIFDDirectory.TAG_FNUMBER),
            number(sub, ExifSubIFDDirectory.TAG_EXPOSURE_TIME),
            sub.containsTag(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT)
                ? sub.getInteger(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT)
                : null,
            number(sub, ExifSubIFDDirectory.TAG_FOCAL_LENGTH));
    boolean any =
        e.fNumber() != null
            || e.exposureSeconds() != null
            || e.iso() != null
            || e.focalLengthMm() != null;
    return any ? Optional.of(e) : Optional.empty();
  }

  private static Double number(ExifSubIFDDirectory dir, int tag) {
    var r = dir.getRational(tag);
    return r == null || r.getDenominator() == 0 ? null : r.doubleValue();
  }
}
