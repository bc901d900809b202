package io.clipsearch.app.results;

import java.awt.image.BufferedImage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used thumbnails, bounded both by count and by decoded bytes (4 per pixel), so that
 * scrolling through 1,000 results keeps memory flat.
 *
 * <p>Not thread-safe: confined to the EDT (workers hand decoded images over by callback).
 */
public final class ThumbnailCache {

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<String, BufferedImage> images = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  /**
   * @throws IllegalArgumentException if a bound is not positive
   */
  public ThumbnailCache(int maxEntries, long maxBytes) {
    if (maxEntries <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException(
          "bounds must be positive, got " + maxEntries + " entries, " + maxBytes + " bytes");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The image, marking it recently used; null if absent. */
  public BufferedImage get(String key) {
    return images.get(key);
  }

  /** Whether present, without touching its recency. */
  public boolean contains(String key) {
    return images.containsKey(key);
  }

  /** Adds (or replaces) an image, then evicts the least recently used beyond the bounds. */
  public void put(String key, BufferedImage image) {
    BufferedImage old = images.put(key, image);
    if (old != null) {
      bytes -= sizeOf(old);
    }
    bytes += sizeOf(image);
    Iterator<Map.Entry<String, BufferedImage>> eldest = images.entrySet().iterator();
    while ((images.size() > maxEntries || bytes > maxBytes)
        && images.size() > 1
        && eldest.hasNext()) {
      Map.Entry<String, BufferedImage> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue; // never evict what was just added
      }
      bytes -= sizeOf(e.getValue());
      eldest.remove();
    }
  }

  public int size() {
    return images.size();
  }

  /** Decoded bytes held. */
  public long bytes() {
    return bytes;
  }

  public void clear() {
    images.clear();
    bytes = 0;
  }

  static long sizeOf(BufferedImage image) {
    return 4L * image.getWidth() * image.getHeight();
  }
}
