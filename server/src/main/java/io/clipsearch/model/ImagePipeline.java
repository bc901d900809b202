package io.clipsearch.model;

import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.DecodedFile;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
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
 * A model's one road from an image file to its vector: decode ({@link ImageDecoder}: pixel cap,
 * EXIF orientation, header parsed once), a {@link DecodeHook} on the decoded file, preprocess
 * ({@link ClipPreprocessor}: the model's resize, crop and normalization), then the image tower in
 * batches. An image that cannot be decoded gives an {@link ImageEmbedding.Failed} and never fails
 * the rest.
 *
 * <p>Two ways to drive it. {@link #embed} takes a list and decodes on the model's pool up to two
 * groups ({@code LOOKAHEAD_GROUPS}) ahead of the group the tower is running: decoding overlaps
 * inference, and memory stays bounded. A caller with its own threads (ingest, which reads, hashes
 * and skips files before any decoding) runs the two stages itself: {@link #prepare} on its workers,
 * {@link #embedPrepared} on the thread that writes. Both roads go through the same steps, so they
 * give the same vectors.
 *
 * <p>Made by a {@link ClipModel} ({@link ClipModel#images()}), which owns the decode pool and the
 * tower; the pipeline owns no threads or native resources. Thread-safe.
 *
 * <pre>{@code
 * List<ImageEmbedding> out = model.images().embed(sources, (source, decoded) ->
 *     thumbs.write(idOf(source), decoded.image()));
 * }</pre>
 */
public final class ImagePipeline {

  private static final Logger log = LoggerFactory.getLogger(ImagePipeline.class);

  /** Groups whose images may be decoded ahead of the one running: bounds memory. */
  static final int LOOKAHEAD_GROUPS = 2;

  /**
   * Sees each image right after it is decoded, before preprocessing: where ingest writes the
   * thumbnail and reads the photo's EXIF facts from the pixels and metadata already in hand. Called
   * on the decoding thread, once per decoded image.
   */
  @FunctionalInterface
  public interface DecodeHook {

    /** A hook that does nothing. */
    DecodeHook NONE = (source, decoded) -> {};

    void decoded(ImageSource source, DecodedFile decoded);
  }

  /**
   * One image through the stages before the tower: its input tensor, or why it has none. Made by
   * {@link #prepare}, consumed by {@link #embedPrepared}; immutable.
   */
  public static final class Prepared {
    private final String name;
    private final float[] tensor;
    private final ImageDecodeException error;

    private Prepared(String name, float[] tensor, ImageDecodeException error) {
      this.name = name;
      this.tensor = tensor;
      this.error = error;
    }

    /** The image's name, as {@link ImageSource#name()} gave it. */
    public String name() {
      return name;
    }

    /** Why the image could not be decoded; null when it was. */
    public ImageDecodeException error() {
      return error;
    }
  }

  private final ImageDecoder decoder;
  private final int minShortSide;
  private final ClipPreprocessor preprocessor;
  private final Function<List<float[]>, List<float[]>> tower;
  private final int groupSize;
  private final ExecutorService decodePool;

  /**
   * @param decoder decodes the bytes
   * @param minShortSide the shorter side a JPEG may be decoded down to ({@link
   *     ImageDecoder#decode(ImageSource, int)}); 0 for full resolution
   * @param preprocessor the model's preprocessing
   * @param tower embeds a list of input tensors, one unit vector each, in order
   * @param groupSize images per tower call in {@link #embed}
   * @param decodePool where {@link #embed} decodes (the model's; not shut down here)
   * @throws IllegalArgumentException if {@code groupSize < 1}
   */
  public ImagePipeline(
      ImageDecoder decoder,
      int minShortSide,
      ClipPreprocessor preprocessor,
      Function<List<float[]>, List<float[]>> tower,
      int groupSize,
      ExecutorService decodePool) {
    if (groupSize < 1) {
      throw new IllegalArgumentException("groupSize must be >= 1, got " + groupSize);
    }
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.minShortSide = minShortSide;
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    this.tower = Objects.requireNonNull(tower, "tower");
    this.groupSize = groupSize;
    this.decodePool = Objects.requireNonNull(decodePool, "decodePool");
  }

  /**
   * Decodes an image as this pipeline does (pixel cap, EXIF orientation, fast JPEG decoding if the
   * model was loaded with it), without preprocessing or embedding it: for a file whose vector is
   * known and only its pixels are wanted (a thumbnail to write again).
   *
   * @throws ImageDecodeException if it cannot be decoded
   */
  public DecodedFile decode(ImageSource source) throws ImageDecodeException {
    return decoder.decodeFile(source, minShortSide);
  }

  /**
   * One result per image, in order, the hook called on each decoded image. An exception of the hook
   * fails its image only.
   *
   * @throws EmbeddingException if the tower fails or the wait is interrupted
   */
  public List<ImageEmbedding> embed(List<ImageSource> images, DecodeHook hook) {
    Objects.requireNonNull(hook, "hook");
    List<ImageEmbedding> results = new ArrayList<>(images.size());
    Deque<List<CompletableFuture<Prepared>>> ahead = new ArrayDeque<>();
    int next = 0;
    while (next < images.size() || !ahead.isEmpty()) {
      while (next < images.size() && ahead.size() <= LOOKAHEAD_GROUPS) {
        List<CompletableFuture<Prepared>> group = new ArrayList<>(groupSize);
        for (ImageSource src : images.subList(next, Math.min(images.size(), next + groupSize))) {
          group.add(CompletableFuture.supplyAsync(() -> prepareOrFail(src, hook), decodePool));
        }
        ahead.add(group);
        next += group.size();
      }
      results.addAll(embedPrepared(join(ahead.poll())));
    }
    return results;
  }

  /**
   * Decodes one image, calls the hook, and preprocesses it, on the calling thread. An image that
   * cannot be decoded is carried in the result ({@link Prepared#error()}); an unexpected failure (a
   * decoder bug, out of memory, the hook's) is thrown, for the caller to log and report as it
   * reports its own.
   */
  public Prepared prepare(ImageSource source, DecodeHook hook) {
    try {
      DecodedFile decoded = decode(source);
      hook.decoded(source, decoded);
      return new Prepared(source.name(), preprocessor.toTensor(decoded.image()), null);
    } catch (ImageDecodeException e) {
      return new Prepared(source.name(), null, e);
    }
  }

  /** {@link #prepare} for {@link #embed}: every failure is the image's, never the batch's. */
  private Prepared prepareOrFail(ImageSource source, DecodeHook hook) {
    try {
      return prepare(source, hook);
    } catch (RuntimeException | OutOfMemoryError e) {
      log.warn("unexpected failure decoding {}", source.name(), e);
      return new Prepared(
          source.name(),
          null,
          new ImageDecodeException(
              source.name(), ImageDecodeException.Reason.CORRUPT, "decoder failed: " + e, e));
    }
  }

  /**
   * Embeds prepared images in one tower call, one result per image, in order.
   *
   * @throws EmbeddingException if the tower fails
   */
  public List<ImageEmbedding> embedPrepared(List<Prepared> group) {
    List<float[]> tensors = new ArrayList<>(group.size());
    for (Prepared p : group) {
      if (p.tensor != null) {
        tensors.add(p.tensor);
      }
    }
    List<float[]> vectors = tensors.isEmpty() ? List.of() : tower.apply(tensors);
    List<ImageEmbedding> out = new ArrayList<>(group.size());
    int v = 0;
    for (Prepared p : group) {
      out.add(
          p.tensor != null
              ? new ImageEmbedding.Embedded(p.name, vectors.get(v++))
              : new ImageEmbedding.Failed(p.name, p.error));
    }
    return out;
  }

  /**
   * Embeds input tensors made elsewhere (CHW float32, normalized, of the model's image size): for
   * checking the tower against reference tensors and timing it without decoding.
   *
   * @throws IllegalArgumentException if a tensor has the wrong length
   * @throws EmbeddingException if the tower fails
   */
  public List<float[]> embedTensors(List<float[]> tensors) {
    return tower.apply(tensors);
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
}
