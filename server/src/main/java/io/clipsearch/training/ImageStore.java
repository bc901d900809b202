package io.clipsearch.training;

import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.PilResampler;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training images decoded once and kept in memory as {@code size x size} RGB bytes, made as
 * inference makes them (shortest side resized bicubically to {@code size}, center crop), so
 * augmentation works on what the model will see. 12 KB per image at 64 px: ~550 MB for all ~45k. An
 * undecodable image is logged and left as {@code null}; the loader skips it. Immutable after {@link
 * #load}.
 */
public final class ImageStore {

  private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);

  private final int size;
  private final byte[][] pixels;

  private ImageStore(int size, byte[][] pixels) {
    this.size = size;
    this.pixels = pixels;
  }

  /** Decodes every item in parallel (common fork-join pool). */
  public static ImageStore load(List<TrainingSet.Item> items, int size) {
    ImageDecoder decoder = new ImageDecoder();
    byte[][] pixels = new byte[items.size()][];
    AtomicInteger failed = new AtomicInteger();
    IntStream.range(0, items.size())
        .parallel()
        .forEach(
            i -> {
              try {
                DecodedImage img = decoder.decode(ImageSource.of(items.get(i).path()), size);
                pixels[i] = centerCrop(img, size);
              } catch (ImageDecodeException e) {
                failed.incrementAndGet();
                LOG.warn("skipping {}: {}", items.get(i).path(), e.getMessage());
              }
            });
    if (failed.get() > 0) {
      LOG.warn("{} of {} training images could not be decoded", failed.get(), items.size());
    }
    return new ImageStore(size, pixels);
  }

  static byte[] centerCrop(DecodedImage image, int size) {
    int w = image.width();
    int h = image.height();
    int newW = w <= h ? size : (int) ((double) size * w / h);
    int newH = w <= h ? (int) ((double) size * h / w) : size;
    int top = (int) Math.rint((newH - size) / 2.0);
    int left = (int) Math.rint((newW - size) / 2.0);
    return PilResampler.resize(
        image.rgb(), w, h, 3, newW, newH, PilResampler.Filter.BICUBIC, left, top, size, size);
  }

  public int size() {
    return size;
  }

  public int count() {
    return pixels.length;
  }

  /** RGB bytes of image {@code i} (shared, do not modify), or null if it failed to decode. */
  byte[] pixels(int i) {
    return pixels[i];
  }
}
