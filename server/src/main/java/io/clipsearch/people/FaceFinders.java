package io.clipsearch.people;

import io.clipsearch.faces.Face;
import io.clipsearch.faces.FaceFinder;
import io.clipsearch.faces.FaceModels;
import io.clipsearch.model.image.DecodedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face nets of a face-models folder, shared by threads: each call to {@link #find} borrows a
 * {@link FaceModels} (loaded on first need, one intra-op thread each, since ingest already runs one
 * worker per core) and gives it back, so there are at most as many loaded as threads ever found
 * faces at once, and none until a face is looked for.
 *
 * <p>A folder without the three nets gives an instance that is not {@link #available()} (its {@link
 * #find} finds nothing) and one log line saying why: ingest then indexes photos without faces and
 * never fails for it. So does {@link #off()}, for the setting that turns face finding off.
 * Thread-safe; whoever opens it closes it, after the last {@link #find} returned.
 */
public final class FaceFinders implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FaceFinders.class);

  private static final String[] FILES = {
    FaceModels.DETECTOR_FILE, FaceModels.LANDMARKS_FILE, FaceModels.DESCRIPTOR_FILE
  };

  private final Path folder;
  private final ConcurrentLinkedDeque<FaceModels> idle = new ConcurrentLinkedDeque<>();
  private final List<FaceModels> loaded = new ArrayList<>();
  private boolean closed;

  private FaceFinders(Path folder) {
    this.folder = folder;
  }

  /**
   * The nets of {@code folder}; not available (with one log line) if one of the three files is
   * missing. Loads nothing yet.
   */
  public static FaceFinders open(Path folder) {
    Objects.requireNonNull(folder, "folder");
    Optional<String> missing = missing(folder);
    if (missing.isPresent()) {
      log.warn(
          "no faces will be found: {} has no {} (face nets missing; photos are indexed without"
              + " faces)",
          folder,
          missing.get());
      return new FaceFinders(null);
    }
    return new FaceFinders(folder);
  }

  /** Finds no faces: face finding turned off. */
  public static FaceFinders off() {
    return new FaceFinders(null);
  }

  /** The first of the three net files missing from {@code folder}, if any: what doctor reports. */
  public static Optional<String> missing(Path folder) {
    return Stream.of(FILES).filter(f -> !Files.isRegularFile(folder.resolve(f))).findFirst();
  }

  /** Whether faces are looked for: the nets are there and face finding is on. */
  public boolean available() {
    return folder != null;
  }

  /**
   * The faces of {@code image} whose score exceeds face-api's default, best first; none if not
   * {@link #available()}.
   *
   * @throws IOException if the nets cannot be loaded
   * @throws IllegalStateException if this has been closed
   */
  public List<Face> find(DecodedImage image) throws IOException {
    if (folder == null) {
      return List.of();
    }
    FaceModels models = borrow();
    try {
      return new FaceFinder(models, FaceFinder.DEFAULT_MIN_SCORE).find(image);
    } finally {
      idle.push(models);
    }
  }

  private FaceModels borrow() throws IOException {
    FaceModels models = idle.poll();
    if (models != null) {
      return models;
    }
    models = FaceModels.load(folder, 1);
    synchronized (loaded) {
      if (closed) {
        models.close();
        throw new IllegalStateException("face nets closed");
      }
      loaded.add(models);
    }
    return models;
  }

  @Override
  public void close() {
    synchronized (loaded) {
      closed = true;
      loaded.forEach(FaceModels::close);
      loaded.clear();
      idle.clear();
    }
  }
}
