package io.clipsearch.collection;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.IndexLockedException;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSettings;
import io.clipsearch.solr.SolrCollections;
import io.clipsearch.solr.SolrImageIndex;
import io.clipsearch.solr.SolrSearchBackend;
import io.clipsearch.solr.SolrSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The choice of engine for collections' indexes: the embedded Lucene index in the collection's
 * folder, or the SolrCloud collection of the same name, created with the configured shards and
 * replicas on first use. Everything above (search, ingest, clusters, the API) gets a {@link
 * SearchBackend} and cannot tell which. Thread-safe; owns the one Solr client, closed by {@link
 * #close()} (whoever made this instance closes it).
 */
public final class CollectionBackends implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CollectionBackends.class);

  private final SolrSettings solrSettings; // null: embedded
  private CloudSolrClient solr; // guarded by this

  /**
   * @param solr where and how Solr collections live; empty: the embedded Lucene index
   */
  public CollectionBackends(Optional<SolrSettings> solr) {
    this.solrSettings = solr.orElse(null);
  }

  /** Embedded Lucene indexes in the collections' folders: what the CLI's commands open. */
  public static CollectionBackends embedded() {
    return new CollectionBackends(Optional.empty());
  }

  /**
   * An open engine over one collection: its write side and its read side.
   *
   * @param index the write side; closing it commits
   * @param backend opens the read sessions over {@code index}
   */
  public record Engine(ImageIndex index, SearchBackend backend) {}

  /**
   * Opens the collection's index and the read side over it.
   *
   * @param indexDir where an embedded index lives (unused for Solr)
   * @throws IndexMismatchException if the index holds another model's vectors
   * @throws IndexLockedException if another process holds the embedded index
   * @throws IOException if the index cannot be opened or created
   */
  public Engine open(String collection, Path indexDir, VectorSpace space, VectorFormat format)
      throws IOException {
    if (solrSettings == null) {
      VectorIndex index = VectorIndex.open(indexDir, space, format);
      return new Engine(
          index, new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()));
    }
    CloudSolrClient client = solrClient();
    if (!SolrCollections.exists(client, collection)) {
      log.info(
          "creating Solr collection {} ({} shards x {} replicas) for {}",
          collection,
          solrSettings.shards(),
          solrSettings.replicas(),
          space.modelId());
      SolrCollections.create(
          client, collection, space, solrSettings.shards(), solrSettings.replicas());
    }
    SolrImageIndex index =
        SolrImageIndex.open(client, collection, space, solrSettings, new LuceneKeywordAnalyzer());
    return new Engine(index, new SolrSearchBackend(index));
  }

  /** Where collections' indexes live, for the log and the API. */
  public String describe() {
    return solrSettings == null ? "embedded Lucene" : "SolrCloud at " + solrSettings.zkHost();
  }

  private synchronized CloudSolrClient solrClient() {
    if (solr == null) {
      solr = SolrCollections.connect(solrSettings);
    }
    return solr;
  }

  @Override
  public synchronized void close() throws IOException {
    if (solr != null) {
      solr.close();
      solr = null;
    }
  }
}
