package io.clipsearch.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real JPEGs carrying a GPS position, as a phone writes it: a sample photo with EXIF GPS added. */
final class GpsPhotos {

  private GpsPhotos() {}

  /** Writes {@code source} with the position to {@code target}; the pixels stay as they were. */
  static void write(Path source, Path target, double latitude, double longitude) throws IOException {
    TiffOutputSet exif = new TiffOutputSet();
    try {
      exif.setGpsInDegrees(longitude, latitude);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(Files.readAllBytes(source), out, exif);
      Files.createDirectories(target.getParent());
      Files.write(target, out.toByteArray());
    } catch (ImagingException e) {
      throw new IOException("cannot write GPS into " + target + ": " + e.getMessage(), e);
    }
  }
}
