package io.clipsearch.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailCacheTest {

  static BufferedImage image(int w, int h) {
    return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
  }

  @Test
  void evictsTheLeastRecentlyUsedByCount() {
    ThumbnailCache cache = new ThumbnailCache(2, Long.MAX_VALUE);
    cache.put("a", image(1, 1));
    cache.put("b", image(1, 1));
    assertNotNull(cache.get("a")); // a is now the most recent
    cache.put("c", image(1, 1));
    assertTrue(cache.contains("a"));
    assertFalse(cache.contains("b"));
    assertTrue(cache.contains("c"));
  }

  @Test
  void evictsByDecodedBytes() {
    // 10x10 = 400 bytes each; a 1,000-byte bound holds two
    ThumbnailCache cache = new ThumbnailCache(100, 1000);
    cache.put("a", image(10, 10));
    cache.put("b", image(10, 10));
    cache.put("c", image(10, 10));
    assertEquals(2, cache.size());
    assertEquals(800, cache.bytes());
    assertNull(cache.get("a"));
    // one image above the bound alone is kept (never evict what was just added)
    cache.put("huge", image(100, 100));
    assertEquals(1, cache.size());
    assertEquals(40_000, cache.bytes());
  }

  @Test
  void loaderRunsAtMostFourDownloadsNewestRequestFirst() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image(400, 200), "png", png);
    Deque<Runnable> workers = new ArrayDeque<>();
    List<String> fetched = new ArrayList<>();
    int[] loaded = new int[1];
    ThumbnailLoader loader =
        new ThumbnailLoader(
            url -> {
              fetched.add(url);
              return png.toByteArray();
            },
            new BackgroundTasks(workers::add, Runnable::run),
            new ThumbnailCache(100, 1 << 20),
            100,
            () -> loaded[0]++);
    for (int i = 0; i < 10; i++) {
      assertNull(loader.get("u" + i));
    }
    assertEquals(ThumbnailLoader.PARALLEL, workers.size());
    assertEquals(6, loader.waitingCount());
    workers.poll().run();
    // the newest request (u9) is served before older ones
    workers.poll().run();
    workers.poll().run();
    workers.poll().run();
    workers.poll().run();
    assertEquals(List.of("u0", "u1", "u2", "u3", "u9"), fetched);
    BufferedImage thumb = loader.get("u0");
    assertNotNull(thumb);
    assertEquals(100, thumb.getWidth());
    assertEquals(50, thumb.getHeight());
    assertEquals(5, loaded[0]);
    loader.dropWaiting();
    assertEquals(0, loader.waitingCount());
  }
}
