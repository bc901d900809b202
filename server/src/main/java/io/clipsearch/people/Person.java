package io.clipsearch.people;

import java.util.List;
import java.util.Objects;

/**
 * A person of a collection: faces the clustering rule (or a person merging or splitting) put
 * together, with the name someone gave it, if any. Immutable.
 *
 * @param id stable while the person exists; never reused
 * @param name what people named it; null while unnamed
 * @param hidden left out of the people list unless asked for; its faces still join it
 * @param faces its faces, sorted
 */
public record Person(int id, String name, boolean hidden, List<FaceId> faces) {

  /**
   * @throws IllegalArgumentException if the id is not positive or the name blank
   */
  public Person {
    if (id <= 0) {
      throw new IllegalArgumentException("person id must be positive: " + id);
    }
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("a name must not be blank");
    }
    faces = List.copyOf(Objects.requireNonNull(faces, "faces"));
  }

  /** The distinct photo contents its faces are in, in face order. */
  public List<String> contentIds() {
    return faces.stream().map(FaceId::contentId).distinct().toList();
  }
}
