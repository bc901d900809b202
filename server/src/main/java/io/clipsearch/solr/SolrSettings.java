package io.clipsearch.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the SolrCloud cluster is and how clipsearch uses it; from {@code clipsearch.backend.solr.*}
 * or the command line.
 *
 * @param zkHost ZooKeeper ensemble, {@code host:port[,host:port...][/chroot]}
 * @param shards shards of a collection clipsearch creates, 1-1024
 * @param replicas replicas of each shard (replication factor), 1-16
 * @param batchSize documents sent per update request, 1-10000
 * @param commitWithinMs an update is searchable at most this long after it is sent, 0-600000
 */
public record SolrSettings(
    String zkHost, int shards, int replicas, int batchSize, int commitWithinMs) {

  public static final int DEFAULT_BATCH = 500;
  public static final int DEFAULT_COMMIT_WITHIN_MS = 1000;

  /**
   * @throws IllegalArgumentException if a value is out of range or the ZooKeeper host blank
   */
  public SolrSettings {
    if (zkHost == null || zkHost.isBlank()) {
      throw new IllegalArgumentException(
          "the Solr backend needs a ZooKeeper host (--solr-zk HOST:PORT)");
    }
    zkHost = zkHost.strip();
    if (shards < 1 || shards > 1024 || replicas < 1 || replicas > 16) {
      throw new IllegalArgumentException(
          "shards must be 1-1024 and replicas 1-16, got " + shards + ", " + replicas);
    }
    if (batchSize < 1 || batchSize > 10_000 || commitWithinMs < 0 || commitWithinMs > 600_000) {
      throw new IllegalArgumentException(
          "batch size must be 1-10000 and commit-within 0-600000 ms, got "
              + batchSize
              + ", "
              + commitWithinMs);
    }
  }

  /** The ensemble's {@code host:port} entries. */
  public List<String> zkServers() {
    int slash = zkHost.indexOf('/');
    String servers = slash < 0 ? zkHost : zkHost.substring(0, slash);
    return Arrays.stream(servers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The chroot ({@code /solr}), if the host names one. */
  public Optional<String> zkChroot() {
    int slash = zkHost.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(zkHost.substring(slash));
  }
}
