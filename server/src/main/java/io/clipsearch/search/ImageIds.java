package io.clipsearch.search;

import io.clipsearch.index.ImageDoc;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the id of a {@code like:} query as git resolves commits: the full content id, or any
 * prefix of at least {@link #MIN_PREFIX} characters that only one indexed image's id starts with
 * (so the 12 characters {@code clipsearch search} prints work). Thread-safe.
 */
final class ImageIds {

  /** Shortest prefix accepted: 8 hex digits tell ~4 billion ids apart. */
  static final int MIN_PREFIX = 8;

  private ImageIds() {}

  /**
   * The indexed document of this id or unique id prefix.
   *
   * @throws UnknownImageException if no id is or starts with it
   * @throws IllegalArgumentException if several ids start with it
   */
  static ImageDoc resolve(SearchSession index, String id) throws IOException {
    Optional<ImageDoc> exact = index.findById(id);
    if (exact.isPresent()) {
      return exact.get();
    }
    if (id.length() < MIN_PREFIX) {
      throw new UnknownImageException(id);
    }
    Set<String> ids = index.idsWithPrefix(id, 2);
    if (ids.size() > 1) {
      throw new IllegalArgumentException(
          "image id prefix '"
              + id
              + "' is ambiguous: "
              + String.join(", ", ids)
              + " and maybe more start with it; give more characters");
    }
    Optional<ImageDoc> unique =
        ids.isEmpty() ? Optional.empty() : index.findById(ids.iterator().next());
    return unique.orElseThrow(() -> new UnknownImageException(id));
  }
}
