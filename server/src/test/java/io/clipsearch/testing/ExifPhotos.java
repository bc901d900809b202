package io.clipsearch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Real JPEGs with the EXIF a camera writes (date taken, make and model, GPS position, artist and
 * copyright), made from a sample photo with Apache Commons Imaging: the pixels stay as they were,
 * only the metadata is added.
 */
public final class ExifPhotos {

  private static final DateTimeFormatter EXIF_DATE =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private ExifPhotos() {}

  /**
   * What to write; null fields are left out.
   *
   * @param taken date taken (written in UTC, without an offset: read back as UTC)
   * @param make camera make
   * @param model camera model
   * @param latitude degrees north (with {@code longitude})
   * @param longitude degrees east
   * @param artist who took the photo
   * @param copyright its copyright notice or license
   */
  public record Exif(
      Instant taken,
      String make,
      String model,
      Double latitude,
      Double longitude,
      String artist,
      String copyright) {

    /** A camera's facts, without artist or copyright. */
    public Exif(Instant taken, String make, String model, Double latitude, Double longitude) {
      this(taken, make, model, latitude, longitude, null, null);
    }
  }

  /** Writes {@code source}'s JPEG with {@code exif} to {@code target}; returns the target. */
  public static Path write(Path source, Path target, Exif exif) throws IOException {
    TiffOutputSet set = new TiffOutputSet();
    try {
      if (exif.make() != null) {
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, exif.make());
      }
      if (exif.model() != null) {
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, exif.model());
      }
      if (exif.artist() != null) {
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ARTIST, exif.artist());
      }
      if (exif.copyright() != null) {
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_COPYRIGHT, exif.copyright());
      }
      if (exif.taken() != null) {
        set.getOrCreateExifDirectory()
            .add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_DATE.format(exif.taken()));
      }
      if (exif.latitude() != null) {
        set.setGpsInDegrees(exif.longitude(), exif.latitude());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(Files.readAllBytes(source), out, set);
      Files.createDirectories(target.getParent());
      return Files.write(target, out.toByteArray());
    } catch (ImagingException e) {
      throw new IOException("cannot write EXIF into " + target + ": " + e.getMessage(), e);
    }
  }
}
