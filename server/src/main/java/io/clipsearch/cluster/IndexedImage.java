package io.clipsearch.cluster;

import java.util.Objects;

/**
 * What clustering, maps and duplicate suggestions need to know of one indexed file.
 *
 * @param id content hash (the image id)
 * @param path absolute path
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param size file size in bytes
 * @param dateMillis date taken, else modification time
 */
public record IndexedImage(
    String id, String path, int width, int height, long size, long dateMillis) {

  public IndexedImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
  }

  public long pixels() {
    return (long) width * height;
  }
}
