package io.clipsearch.ingest;

import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.heif.HeifDirectory;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.model.image.DecodedFile;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the EXIF facts of a photo into {@link PhotoMetadata}, with metadata-extractor.
 *
 * <p>Date taken: {@code DateTimeOriginal} with {@code OffsetTimeOriginal} where the camera wrote
 * one, else {@code DateTime} (IFD0). A time without an offset is read as UTC: the camera's wall
 * clock, the same on every machine, instead of shifting with the indexing machine's time zone.
 * Position from the GPS directory (absent when missing, zero or out of range); orientation 1-8 (1
 * when absent or invalid).
 *
 * <p>Never fails: unreadable or malformed metadata gives absent fields, so bad EXIF never costs a
 * photo its place in the index. Stateless and thread-safe.
 */
public final class ExifReader {

  private static final Logger log = LoggerFactory.getLogger(ExifReader.class);
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /**
   * The photo facts in metadata already parsed from the file (by the decoder: see {@link
   * DecodedFile}).
   *
   * @param name the image's name, for the log
   * @param metadata what metadata-extractor read from the file's header
   */
  public PhotoMetadata read(String name, Metadata metadata) {
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    Optional<GeoLocation> position = position(gps);
    try {
      return new PhotoMetadata(
          taken(ifd0, sub),
          text(ifd0, ExifDirectoryBase.TAG_MAKE),
          text(ifd0, ExifDirectoryBase.TAG_MODEL),
          text(sub, ExifDirectoryBase.TAG_LENS_MODEL),
          position.map(GeoLocation::getLatitude),
          position.map(GeoLocation::getLongitude),
          // a HEIF's EXIF orientation only describes the transformations its decoder applies (MIAF)
          metadata.containsDirectoryOfType(HeifDirectory.class) ? 1 : orientation(ifd0));
    } catch (RuntimeException e) {
      log.debug("unusable metadata in {}: {}", name, e.toString());
      return PhotoMetadata.NONE;
    }
  }

  private static Optional<Instant> taken(ExifIFD0Directory ifd0, ExifSubIFDDirectory sub) {
    // getDateOriginal applies OffsetTimeOriginal itself when present; UTC is only the fallback
    Date date = sub != null ? sub.getDateOriginal(UTC) : null;
    if (date == null && ifd0 != null) {
      date = ifd0.getDate(ExifDirectoryBase.TAG_DATETIME, UTC);
    }
    return Optional.ofNullable(date).map(Date::toInstant);
  }

  /** A text tag, without the NULs and spaces cameras pad it with; empty when absent or blank. */
  static Optional<String> text(Directory dir, int tag) {
    if (dir == null) {
      return Optional.empty();
    }
    String value = dir.getString(tag);
    // cameras pad fixed-size fields with NULs and spaces
    String cleaned = value == null ? "" : value.replace('\0', ' ').strip();
    return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
  }

  private static Optional<GeoLocation> position(GpsDirectory gps) {
    GeoLocation location = gps == null ? null : gps.getGeoLocation();
    if (location == null || location.isZero()) {
      return Optional.empty(); // 0,0 is what cameras write before they have a fix
    }
    double lat = location.getLatitude();
    double lon = location.getLongitude();
    boolean valid =
        Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    return valid ? Optional.of(location) : Optional.empty();
  }

  private static int orientation(ExifIFD0Directory ifd0) {
    Integer value = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
    return value != null && value >= 1 && value <= 8 ? value : 1;
  }
}
