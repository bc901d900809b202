package io.clipsearch.people;

import io.clipsearch.model.image.DecodedImage;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face finding for one collection during ingest: the shared {@link FaceFinders} writing into the
 * collection's {@link FaceStore}, and its {@link People} clustered after a run. A failure is the
 * photo's and only logged: the photo is still indexed, without its faces, and a later run looks
 * again. Thread-safe; closes nothing.
 */
public final class PhotoFaces {

  private static final Logger log = LoggerFactory.getLogger(PhotoFaces.class);

  /** Finds and stores nothing: face finding off. */
  public static final PhotoFaces OFF = new PhotoFaces(FaceFinders.off(), null);

  private final FaceFinders finders;
  private final People people;
  private final FaceStore store;

  /**
   * @param finders the nets; when not {@link FaceFinders#available()} nothing is found or stored
   * @param people this collection's persons, over the store where its faces go; may be null only
   *     when {@code finders} is not available
   * @throws IllegalArgumentException if the finders are available and {@code people} is null
   */
  public PhotoFaces(FaceFinders finders, People people) {
    this.finders = Objects.requireNonNull(finders, "finders");
    this.people = people;
    this.store = people == null ? null : people.store();
    if (finders.available() && people == null) {
      throw new IllegalArgumentException("faces found need persons to go to");
    }
  }

  /** Whether faces are found and stored. */
  public boolean enabled() {
    return finders.available();
  }

  /** Whether this content's faces should still be looked for. */
  public boolean missing(String id) {
    return enabled() && !store.has(id);
  }

  /**
   * Finds and stores the faces of a photo's pixels, unless its content's faces are stored already.
   * Called on an ingest worker right after the one decode of the photo.
   */
  public void found(String id, DecodedImage image) {
    if (!missing(id)) {
      return;
    }
    try {
      store.write(id, finders.find(image), image);
    } catch (IOException | RuntimeException e) {
      log.warn("no faces for {}: {}", id, e.toString());
    }
  }

  /**
   * Deletes the stored faces of every content that {@code indexed} refuses: photos deleted, or
   * changed to other content.
   *
   * @return how many photos' faces were deleted
   * @throws IOException if the store cannot be listed or a file deleted
   */
  public int retain(Predicate<String> indexed) throws IOException {
    return enabled() ? store.retain(indexed) : 0;
  }

  /**
   * Puts the faces not yet in a person into persons by the clustering rule ({@link People#update}).
   *
   * @return how many faces wait unassigned
   * @throws IOException if the faces cannot be read or the persons written
   */
  public int cluster() throws IOException {
    return enabled() ? people.update() : 0;
  }
}
