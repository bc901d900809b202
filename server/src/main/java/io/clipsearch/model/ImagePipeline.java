package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds images in groups, decoding and preprocessing them on a pool up to {@link
 * #LOOKAHEAD_GROUPS} groups ahead of the group the image tower is running: decoding overlaps
 * inference, and memory stays bounded. An image that cannot be decoded gives an {@link
 * ImageEmbedding.Failed} and never fails the rest.
 *
 * <p>Thread-safe when its functions are; it owns no threads (the pool is the caller's).
 */
public final class ImagePipeline {

  private static final Logger log = LoggerFactory.getLogger(ImagePipeline.class);

  /** Groups whose images may be decoded ahead of the one running: bounds memory. */
  public static final int LOOKAHEAD_GROUPS = 2;

  /** Decode and preprocess one image into the tower's input tensor. */
  @FunctionalInterface
  public interface Preparation {
    float[] tensor(ImageSource source) throws ImageDecodeException;
  }

  private final ExecutorService decodePool;
  private final Preparation preparation;
  private final Function<List<float[]>, List<float[]>> tower;

  /**
   * @param decodePool where images are decoded (the caller's; not shut down here)
   * @param preparation decode + preprocess of one image
   * @param tower embeds a list of tensors, one unit vector each, in order
   */
  public ImagePipeline(
      ExecutorService decodePool,
      Preparation preparation,
      Function<List<float[]>, List<float[]>> tower) {
    this.decodePool = Objects.requireNonNull(decodePool, "decodePool");
    this.preparation = Objects.requireNonNull(preparation, "preparation");
    this.tower = Objects.requireNonNull(tower, "tower");
  }

  /**
   * One result per image, in order, embedding {@code groupSize} images per tower call.
   *
   * @throws EmbeddingException if the tower fails or the wait is interrupted
   */
  public List<ImageEmbedding> embed(List<ImageSource> images, int groupSize) {
    if (groupSize < 1) {
      throw new IllegalArgumentException("groupSize must be >= 1, got " + groupSize);
    }
    List<ImageEmbedding> results = new ArrayList<>(images.size());
    Deque<List<CompletableFuture<Prepared>>> ahead = new ArrayDeque<>();
    int next = 0;
    while (next < images.size() || !ahead.isEmpty()) {
      while (next < images.size() && ahead.size() <= LOOKAHEAD_GROUPS) {
        List<CompletableFuture<Prepared>> group = new ArrayList<>(groupSize);
        for (ImageSource src : images.subList(next, Math.min(images.size(), next + groupSize))) {
          group.add(CompletableFuture.supplyAsync(() -> prepare(src), decodePool));
        }
        ahead.add(group);
        next += group.size();
      }
      results.addAll(embedPrepared(join(ahead.poll())));
    }
    return results;
  }

  private List<ImageEmbedding> embedPrepared(List<Prepared> group) {
    List<float[]> tensors = new ArrayList<>(group.size());
    for (Prepared p : group) {
      if (p.tensor() != null) {
        tensors.add(p.tensor());
      }
    }
    List<float[]> vectors = tensors.isEmpty() ? List.of() : tower.apply(tensors);
    List<ImageEmbedding> out = new ArrayList<>(group.size());
    int v = 0;
    for (Prepared p : group) {
      out.add(
          p.tensor() != null
              ? new ImageEmbedding.Embedded(p.name(), vectors.get(v++))
              : new ImageEmbedding.Failed(p.name(), p.error()));
    }
    return out;
  }

  /** Decodes and preprocesses one image; any failure is the image's, never the batch's. */
  private Prepared prepare(ImageSource source) {
    try {
      return new Prepared(source.name(), preparation.tensor(source), null);
    } catch (ImageDecodeException e) {
      return new Prepared(source.name(), null, e);
    } catch (RuntimeException | OutOfMemoryError e) {
      log.warn("unexpected failure decoding {}", source.name(), e);
      return new Prepared(
          source.name(),
          null,
          new ImageDecodeException(
              source.name(), ImageDecodeException.Reason.CORRUPT, "decoder failed: " + e, e));
    }
  }

  private static List<Prepared> join(List<CompletableFuture<Prepared>> group) {
    List<Prepared> out = new ArrayList<>(group.size());
    try {
      for (CompletableFuture<Prepared> f : group) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      group.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while decoding images", e);
    } catch (ExecutionException e) {
      throw new EmbeddingException("image decoding failed: " + e.getCause(), e.getCause());
    }
    return out;
  }

  /** A decoded and preprocessed image, or why it could not be. */
  private record Prepared(String name, float[] tensor, ImageDecodeException error) {}
}
