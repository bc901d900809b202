package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model a long-running process (the server) uses now, which can be switched while it runs: a
 * {@link ClipModel} that hands every call to the current model, so whoever holds it follows a
 * switch without being told.
 *
 * <p><b>Generations and leases.</b> Each model, with the resources that belong to it (the server's
 * collections opened for it), is a generation. {@link #switchTo} makes a new generation current at
 * once, in one volatile write; the old one is <em>retired</em>: its resources and then its model
 * are closed only when the last {@link Lease} on it has been closed. Work that must not see the
 * model closed under it (the server: every HTTP request, through a filter) holds a lease from
 * {@link #lease()}; it may use the old generation to its end while new work already uses the new
 * one. A call on this object outside a lease runs on the model current at that moment, which a
 * switch may close while the call runs: only the switch's own caller, which stops index jobs first,
 * does that safely.
 *
 * <p>Thread-safe; no lock on the calls' path (one volatile read, and for a lease two atomic
 * updates). Retired generations close on a {@code model-retire} thread. {@link #close()} closes the
 * current generation's model; the owner closes the resources of the current generation itself.
 */
public final class ActiveModel implements ClipModel {

  private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

  /** The use of one generation; close it when done (once). */
  public interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  private volatile Generation current;

  /**
   * @param folder the folder {@code model} was loaded from
   * @param model the first model; this object owns it from now on
   */
  public ActiveModel(Path folder, ClipModel model) {
    this.current = new Generation(folder, model);
  }

  /** The folder of the model used now. */
  public Path folder() {
    return current.folder;
  }

  /**
   * A lease on the generation current now: it stays open, model and resources, until the lease is
   * closed, whatever switch happens meanwhile.
   */
  public Lease lease() {
    while (true) {
      Generation g = current;
      if (g.acquire()) {
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
          if (open.getAndSet(false)) {
            g.release();
          }
        };
      }
      // retired and closed between the read and the acquire: the next read sees its successor
    }
  }

  /**
   * Makes {@code next} the model used from now on. The generation used until now is retired: once
   * no lease holds it, {@code retiredResources} is closed, then its model.
   *
   * @param folder the folder {@code next} was loaded from
   * @param next the new model; this object owns it from now on
   * @param retiredResources what belonged to the old model (closed before it)
   */
  public synchronized void switchTo(Path folder, ClipModel next, AutoCloseable retiredResources) {
    Generation old = current;
    current = new Generation(folder, next);
    old.retire(retiredResources);
    log.info("model switched from {} to {}", old.model.info().id(), next.info().id());
  }

  @Override
  public ModelInfo info() {
    return current.model.info();
  }

  @Override
  public Optional<String> notice() {
    return current.model.notice();
  }

  @Override
  public Scoring scoring() {
    return current.model.scoring();
  }

  @Override
  public Optional<Path> cacheDir() {
    return current.model.cacheDir();
  }

  @Override
  public int dimension() {
    return current.model.dimension();
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return current.model.embedTexts(texts);
  }

  @Override
  public float[] embedText(String text) {
    return current.model.embedText(text);
  }

  @Override
  public ImagePipeline images() {
    return current.model.images();
  }

  @Override
  public List<ImageEmbedding> embedImages(List<ImageSource> images) {
    return current.model.embedImages(images);
  }

  @Override
  public float[] embedImage(ImageSource image) throws ImageDecodeException {
    return current.model.embedImage(image);
  }

  /** Closes the current model (the owner stops every user first). */
  @Override
  public void close() {
    current.model.close();
  }

  /**
   * One model and what belongs to it, counted in users: one for being current, one per open lease.
   * At zero it closes, once; a count at zero never rises again.
   */
  private static final class Generation {
    final Path folder;
    final ClipModel model;
    private final AtomicInteger users = new AtomicInteger(1);
    private volatile AutoCloseable resources;

    Generation(Path folder, ClipModel model) {
      this.folder = Objects.requireNonNull(folder, "folder");
      this.model = Objects.requireNonNull(model, "model");
    }

    boolean acquire() {
      int n;
      do {
        n = users.get();
        if (n == 0) {
          return false;
        }
      } while (!users.compareAndSet(n, n + 1));
      return true;
    }

    void retire(AutoCloseable retiredResources) {
      resources = retiredResources;
      release(); // no longer current
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        // the last user may be a request thread: closing commits indexes, so not on its time
        Thread.ofPlatform().name("model-retire").start(this::closeNow);
      }
    }

    private void closeNow() {
      try {
        if (resources != null) {
          resources.close();
        }
      } catch (Exception e) {
        log.warn("closing what belonged to the retired model {} failed", model.info().id(), e);
      } finally {
        log.info("closing the retired model {}", model.info().id());
        model.close();
      }
    }
  }
}
