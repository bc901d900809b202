package io.clipsearch.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes a collection's cluster results as JSON in one folder ({@code
 * <collection>/clusters/}): {@code clusters.json} ({@link ClusterState}) and {@code map.json}
 * ({@link CollectionMap}). Writes go to a temporary file moved into place atomically, so readers
 * never see half a file. An unreadable file reads as absent (it is recomputed). Thread-safe.
 */
public final class ClusterStore {

  static final String CLUSTERS = "clusters.json";
  static final String MAP = "map.json";

  private final Path dir;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public ClusterStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  public Optional<ClusterState> readClusters() {
    return read(CLUSTERS, ClusterState.class);
  }

  public Optional<CollectionMap> readMap() {
    return read(MAP, CollectionMap.class);
  }

  /**
   * @throws IOException if the folder or file cannot be written
   */
  public void write(ClusterState state) throws IOException {
    write(CLUSTERS, state);
  }

  /**
   * @throws IOException if the folder or file cannot be written
   */
  public void write(CollectionMap map) throws IOException {
    write(MAP, map);
  }

  private <T> Optional<T> read(String name, Class<T> type) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), type));
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(ClusterStore.class)
          .warn("ignoring unreadable {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  private void write(String name, Object value) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, name, ".tmp");
    try {
      json.writeValue(tmp.toFile(), value);
      Files.move(
          tmp,
          dir.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
