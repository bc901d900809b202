package io.clipsearch.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clipsearch.index.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection's settings, kept in its {@code collection.json}: its name, the root folders it
 * indexes and the vector format of its indexes. Immutable.
 *
 * @param name the collection's name
 * @param roots absolute root folders, without duplicates, in the order they were added
 * @param format how vectors are stored
 */
public record CollectionConfig(String name, List<Path> roots, VectorFormat format) {

  /**
   * How a new collection stores vectors unless told otherwise, on the server and in the CLI alike:
   * int8 scalar quantization, a quarter of float32's size at a recall that re-scoring with the
   * full-precision vectors keeps (docs/SEARCH.md).
   */
  public static final VectorFormat DEFAULT_FORMAT = VectorFormat.INT8;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @throws IllegalArgumentException if a root is not absolute
   */
  public CollectionConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    roots = List.copyOf(new LinkedHashSet<>(roots));
    for (Path root : roots) {
      if (!root.isAbsolute()) {
        throw new IllegalArgumentException("root folder must be absolute: " + root);
      }
    }
  }

  /** This config with {@code more} roots added after the existing ones (duplicates dropped). */
  public CollectionConfig withRoots(List<Path> more) {
    List<Path> all = new ArrayList<>(roots);
    all.addAll(more);
    return new CollectionConfig(name, all, format);
  }

  /**
   * This config without {@code root}.
   *
   * @throws IllegalArgumentException if {@code root} is not one of its roots
   */
  public CollectionConfig withoutRoot(Path root) {
    if (!roots.contains(root)) {
      throw new IllegalArgumentException(
          root + " is not a folder of collection " + name + " (its folders: " + roots + ")");
    }
    List<Path> rest = new ArrayList<>(roots);
    rest.remove(root);
    return new CollectionConfig(name, rest, format);
  }

  /**
   * Reads {@code file}, or empty if there is none.
   *
   * @throws IOException if it cannot be read or is not a collection config
   */
  public static Optional<CollectionConfig> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode node = JSON.readTree(file.toFile());
    if (node == null || !node.hasNonNull("name") || !node.hasNonNull("format")) {
      throw new IOException(file + " is not a collection config (needs name and format)");
    }
    List<Path> roots = new ArrayList<>();
    node.path("roots").forEach(r -> roots.add(Path.of(r.asText())));
    try {
      return Optional.of(
          new CollectionConfig(
              node.get("name").asText(), roots, VectorFormat.parse(node.get("format").asText())));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this config to {@code file} atomically (temporary file, then rename). */
  public void write(Path file) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", name);
    var array = node.putArray("roots");
    roots.forEach(r -> array.add(r.toString()));
    node.put("format", format.name().toLowerCase(Locale.ROOT));
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".collection", ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
