package io.clipsearch.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Real JPEGs with the EXIF a camera or phone writes (make and model, GPS position): a sample photo
 * with the metadata added by Apache Commons Imaging, the pixels as they were.
 */
final class CameraPhotos {

  private CameraPhotos() {}

  /** Writes {@code source} with a GPS position to {@code target}. */
  static void withPosition(Path source, Path target, double latitude, double longitude)
      throws IOException {
    write(source, target, null, null, latitude, longitude);
  }

  /** Writes {@code source} with a camera make and model to {@code target}. */
  static void withCamera(Path source, Path target, String make, String model) throws IOException {
    write(source, target, make, model, null, null);
  }

  private static void write(
      Path source, Path target, String make, String model, Double latitude, Double longitude)
      throws IOException {
    TiffOutputSet exif = new TiffOutputSet();
    try {
      if (make != null) {
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, make);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, model);
      }
      if (latitude != null) {
        exif.setGpsInDegrees(longitude, latitude);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(Files.readAllBytes(source), out, exif);
      Files.createDirectories(target.getParent());
      Files.write(target, out.toByteArray());
    } catch (ImagingException e) {
      throw new IOException("cannot write EXIF into " + target + ": " + e.getMessage(), e);
    }
  }
}
