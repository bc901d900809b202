package io.clipsearch.cli;

import io.clipsearch.solr.SolrSettings;
import picocli.CommandLine.Option;

/**
 * {@code --solr-zk}, {@code --solr-collection}, {@code --shards}, {@code --replicas}: a SolrCloud
 * target.
 */
final class SolrOptions {

  @Option(
      names = "--solr-zk",
      required = true,
      paramLabel = "HOST:PORT",
      description = "SolrCloud's ZooKeeper, host:port[,host:port][/chroot]")
  String zk;

  @Option(
      names = "--solr-collection",
      paramLabel = "NAME",
      description = "the Solr collection (default: the clipsearch collection's name)")
  String collection;

  @Option(
      names = "--shards",
      paramLabel = "N",
      defaultValue = "2",
      description = "shards (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "2",
      description = "replicas per shard (default: ${DEFAULT-VALUE})")
  int replicas;

  SolrSettings settings() {
    return new SolrSettings(
        zk, shards, replicas, SolrSettings.DEFAULT_BATCH, SolrSettings.DEFAULT_COMMIT_WITHIN_MS);
  }

  String collectionOr(String fallback) {
    return collection == null ? fallback : collection;
  }
}
