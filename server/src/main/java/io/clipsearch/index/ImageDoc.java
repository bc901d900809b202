package io.clipsearch.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One indexed image file: where it is, what it is, and its embedding. Immutable; the vector is
 * copied in and out.
 *
 * @param path absolute path of the file (the document key)
 * @param id content hash (SHA-256 hex) of the file's bytes
 * @param size file size in bytes
 * @param mtimeMillis last-modified time
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param metadata EXIF facts
 * @param vector L2-normalized embedding
 */
public record ImageDoc(
    Path path, String id, long size, long mtimeMillis, int width, int height,
    PhotoMetadata metadata, float[] vector) {

  public ImageDoc {
    Objects.requireNonNull(path, "path");
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("path must be absolute: " + path);
    }
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    if (size < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "size must be >= 0 and dimensions positive, got " + size + ", " + width + "x" + height);
    }
    Objects.requireNonNull(metadata, "metadata");
    vector = Objects.requireNonNull(vector, "vector").clone();
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** Date taken where EXIF has it, else the file's mtime: what "sort by date" uses. */
  public long dateMillis() {
    return metadata.taken().map(java.time.Instant::toEpochMilli).orElse(mtimeMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageDoc d && path.equals(d.path) && id.equals(d.id) && size == d.size
        && mtimeMillis == d.mtimeMillis && width == d.width && height == d.height
        && metadata.equals(d.metadata) && Arrays.equals(vector, d.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, id, size, mtimeMillis, width, height, metadata) * 31 + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "ImageDoc[" + path + ", id " + id + ", " + width + "x" + height + ", dim " + vector.length + "]";
  }
}
