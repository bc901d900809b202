package io.clipsearch.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an indexed image's stored fields say, without its vector: all a result page shows and a
 * keyword match needs, so loading a page reads no embeddings. Immutable.
 *
 * @param path absolute path of the file (the document key)
 * @param id content hash of the file's bytes
 * @param size file size in bytes
 * @param mtimeMillis last-modified time
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param metadata EXIF facts
 * @param tags zero-shot labels, best first
 * @param sidecarMtimeMillis last-modified time of the photo's XMP sidecar when indexed, 0: none
 */
public record ImageFacts(
    Path path,
    String id,
    long size,
    long mtimeMillis,
    int width,
    int height,
    PhotoMetadata metadata,
    List<String> tags,
    long sidecarMtimeMillis) {

  public ImageFacts {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metadata, "metadata");
    tags = List.copyOf(tags);
  }

  /** Date taken where EXIF has it, else the file's mtime: what "sort by date" uses. */
  public long dateMillis() {
    return metadata.taken().map(Instant::toEpochMilli).orElse(mtimeMillis);
  }

  /**
   * The full document with this vector.
   *
   * @throws IllegalArgumentException as {@link ImageDoc}'s constructor does
   */
  public ImageDoc withVector(float[] vector) {
    return new ImageDoc(
        path, id, size, mtimeMillis, width, height, metadata, vector, tags, sidecarMtimeMillis);
  }
}
