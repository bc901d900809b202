package io.clipsearch.collection;

import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.JpegEncoder;
import io.clipsearch.model.image.OpenCvNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencv.core.Mat;

/**
 * JPEG thumbnails by content id, on disk: {@code <dir>/<first 2 hex of id>/<id>.jpg}, long side
 * {@value #LONG_SIDE} pixels (smaller images keep their size), made from pixels already decoded
 * upright for embedding, so ingest decodes each photo once.
 *
 * <p>Keyed by content, not path: copies share a thumbnail and a moved file keeps its own. The
 * two-hex fan-out keeps folders to a few thousand entries for a million photos. Files are written
 * to a temporary name and renamed, so a reader or a crash never sees half a JPEG. Thread-safe:
 * concurrent writers of one id each rename a complete file into place. Every OpenCV {@link Mat} is
 * released before a method returns.
 */
public final class ThumbnailStore {

  /** Long side of a thumbnail in pixels: sharp in a grid of 160-px cells on a 2x screen. */
  public static final int LONG_SIDE = 320;

  /** JPEG quality: visually clean at thumbnail size, about 15-25 KB each. */
  static final int JPEG_QUALITY = 85;

  private static final Pattern ID = Pattern.compile("[0-9a-f]{2,128}");

  private final Path dir;

  /** A store in {@code dir}; the folder is created on the first write. */
  public ThumbnailStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
    OpenCvNatives.load();
  }

  public Path directory() {
    return dir;
  }

  /** The thumbnail of this content id, if one was written. Empty for ids that are not hex. */
  public Optional<Path> find(String id) {
    if (!ID.matcher(id).matches()) {
      return Optional.empty(); // an API caller's id never escapes the folder
    }
    Path file = fileOf(id);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Writes the thumbnail of {@code image} under {@code id} unless one exists.
   *
   * @throws IllegalArgumentException if {@code id} is not lower-case hex
   * @throws IOException if the file cannot be written or OpenCV cannot encode it
   */
  public void write(String id, DecodedImage image) throws IOException {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("content id must be lower-case hex: " + id);
    }
    Path file = fileOf(id);
    if (Files.exists(file)) {
      return;
    }
    DataFiles.writeAtomically(file, JpegEncoder.encode(image, LONG_SIDE, JPEG_QUALITY));
  }

  private Path fileOf(String id) {
    return dir.resolve(id.substring(0, 2)).resolve(id + ".jpg");
  }
}
