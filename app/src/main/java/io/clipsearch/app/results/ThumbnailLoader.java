package io.clipsearch.app.results;

import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Loads thumbnails asynchronously into a {@link ThumbnailCache}: the renderer asks with {@link
 * #get}, gets null at first, and {@code onLoaded} runs (on the UI thread) once the image is there.
 * At most {@link #PARALLEL} downloads run; waiting requests are served newest first, so the cells
 * on screen now come before those scrolled past.
 *
 * <p>Images are scaled in the worker to the cell's size in device pixels ({@code maxPixels}), so
 * HiDPI screens get sharp thumbnails and the cache holds no more than is shown.
 *
 * <p>Confined to the UI thread, except the fetch and decode, which run on workers.
 */
public final class ThumbnailLoader {

  static final int PARALLEL = 4;

  private final Function<String, byte[]> fetch;
  private final BackgroundTasks tasks;
  private final ThumbnailCache cache;
  private final Runnable onLoaded;
  private final Deque<String> waiting = new ArrayDeque<>();
  private final Set<String> queued = new HashSet<>();
  private final Set<String> failed = new HashSet<>();
  private int active;
  private int maxPixels;

  /**
   * @param fetch the bytes of a thumbnail URL (blocking, called on a worker)
   * @param maxPixels the long side images are scaled down to
   * @param onLoaded called on the UI thread after an image arrives (repaint)
   */
  public ThumbnailLoader(
      Function<String, byte[]> fetch,
      BackgroundTasks tasks,
      ThumbnailCache cache,
      int maxPixels,
      Runnable onLoaded) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.onLoaded = Objects.requireNonNull(onLoaded, "onLoaded");
    this.maxPixels = maxPixels;
  }

  /** The thumbnail if cached; otherwise null, and a load is requested. */
  public BufferedImage get(String url) {
    BufferedImage image = cache.get(url);
    if (image == null && !failed.contains(url)) {
      if (queued.add(url)) {
        waiting.addFirst(url);
      } else if (waiting.remove(url)) {
        waiting.addFirst(url); // asked again: it is on screen now
      }
      pump();
    }
    return image;
  }

  /** Whether loading {@code url} failed (the renderer shows a placeholder). */
  public boolean hasFailed(String url) {
    return failed.contains(url);
  }

  /**
   * Forgets requests not yet started (a new result list); running downloads finish into the cache.
   */
  public void dropWaiting() {
    queued.removeAll(waiting);
    waiting.clear();
  }

  /** Changes the target size (a new cell size or screen scale) and empties the cache. */
  public void setMaxPixels(int pixels) {
    if (pixels != maxPixels) {
      maxPixels = pixels;
      dropWaiting();
      cache.clear();
    }
  }

  /** Requests waiting to start. */
  int waitingCount() {
    return waiting.size();
  }

  private void pump() {
    while (active < PARALLEL && !waiting.isEmpty()) {
      String url = waiting.removeFirst();
      int pixels = maxPixels;
      active++;
      tasks.submit(
          () -> scaled(decode(fetch.apply(url)), pixels),
          image -> {
            cache.put(url, image);
            finish(url);
          },
          error -> {
            failed.add(url);
            finish(url);
          });
    }
  }

  private void finish(String url) {
    active--;
    queued.remove(url);
    onLoaded.run();
    pump();
  }

  static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("not an image");
    }
    return image;
  }

  /** Scales {@code image} down so its long side is at most {@code maxPixels} (never up). */
  static BufferedImage scaled(BufferedImage image, int maxPixels) {
    int w = image.getWidth();
    int h = image.getHeight();
    double s = Math.min(1.0, (double) maxPixels / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * s));
    int th = Math.max(1, (int) Math.round(h * s));
    BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, tw, th, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
