package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Failed decodes must not leak native memory: OpenCV's buffers live outside the Java heap, where
 * neither the garbage collector nor {@code -Xmx} sees them, so a missing {@code release()} on an
 * error path would grow the process until the OS kills it during a long ingest.
 */
class ImageDecoderNativeMemoryTest {

  private static final int ROUNDS = 10_000;

  /** Generous: allocator caches and JIT; a leak of one input buffer per failure is ~700 MB here. */
  private static final long MAX_GROWTH_BYTES = 64L << 20;

  @Test
  void tenThousandFailedDecodesDoNotGrowResidentMemory() throws Exception {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status), "no /proc/self/status (not Linux): test skipped");
    // inputs that get into OpenCV's decoders and fail there (truncated PNG, BMP, WebP), plus
    // inputs refused before it (truncated JPEG, random bytes)
    List<byte[]> inputs =
        List.of(
            half("coffee.png"),
            half("photo.bmp"),
            half("photo.webp"),
            half("kitten-on-lawn.jpg"),
            garbage());
    ImageDecoder decoder = new ImageDecoder();
    // warm up allocators, JIT and codec tables, and let the Java heap reach its working size
    for (int i = 0; i < 1_000; i++) {
      decodeExpectingFailure(decoder, inputs.get(i % inputs.size()), i);
    }
    // taken before the finalizer catches up, the baseline can only be too high: lenient by the
    // warm-up's garbage at most, never a false failure
    long before = residentBytes(status);
    long heapBefore = heapCommitted();
    for (int i = 0; i < ROUNDS; i++) {
      decodeExpectingFailure(decoder, inputs.get(i % inputs.size()), i);
    }
    // Unreachable Mats free their native memory from the finalizer thread, some time after a GC,
    // which a loaded machine may run late: collect and measure until the growth is under the
    // limit, which a leak never gets to, rather than after a fixed pause.
    long[] last = new long[3]; // RSS, committed heap, growth
    boolean freed =
        Await.within(
            Duration.ofSeconds(30),
            () -> {
              last[0] = residentBytes(status);
              last[1] = heapCommitted();
              // RSS also counts Java heap pages; growth of the committed heap is the JVM's, not a
              // leak
              last[2] = (last[0] - before) - Math.max(0, last[1] - heapBefore);
              return last[2] < MAX_GROWTH_BYTES;
            });
    long after = last[0];
    long heapAfter = last[1];
    long growth = last[2];
    System.out.printf(
        "native memory: RSS %d MB -> %d MB, committed heap %d MB -> %d MB after %d failed decodes%n",
        before >> 20, after >> 20, heapBefore >> 20, heapAfter >> 20, ROUNDS);
    assertTrue(freed, "RSS grew by " + (growth >> 20) + " MB over " + ROUNDS + " failed decodes");
  }

  private static void decodeExpectingFailure(ImageDecoder decoder, byte[] bytes, int i) {
    assertThrows(
        ImageDecodeException.class, () -> decoder.decode(ImageSource.of("bad-" + i, bytes)));
  }

  private static byte[] half(String fixture) throws IOException {
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/" + fixture));
    return Arrays.copyOf(whole, whole.length / 2);
  }

  private static byte[] garbage() {
    byte[] bytes = new byte[200_000];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static long heapCommitted() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  /** The resident set size after a GC, which hands unreachable Mats to the finalizer thread. */
  private static long residentBytes(Path status) throws IOException {
    System.gc();
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    throw new IllegalStateException("no VmRSS in " + status);
  }
}
