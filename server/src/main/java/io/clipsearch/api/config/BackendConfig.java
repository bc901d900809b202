package io.clipsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code clipsearch.backend.*}: which engine holds the collections' indexes.
 *
 * @param kind {@code embedded} (Lucene in the data folder, the default) or {@code solr}
 * @param solrZk the SolrCloud ZooKeeper ensemble, {@code host:port[,...][/chroot]} (solr only)
 * @param shards shards of a Solr collection clipsearch creates
 * @param replicas replicas per shard of a Solr collection clipsearch creates
 * @param batchSize documents per Solr update request
 * @param commitWithinMs Solr makes updates searchable within this time
 */
@ConfigurationProperties("clipsearch.backend")
public record BackendConfig(
    @NotBlank String kind,
    @NotNull String solrZk,
    int shards,
    int replicas,
    int batchSize,
    int commitWithinMs) {

  /** Whether collections live on SolrCloud. */
  public boolean solr() {
    return switch (kind) {
      case "embedded" -> false;
      case "solr" -> true;
      default ->
          throw new IllegalArgumentException(
              "clipsearch.backend.kind must be embedded or solr, got '" + kind + "'");
    };
  }
}
