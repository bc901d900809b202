package io.clipsearch.solr;

import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.VectorSpace;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.ConfigSetAdminResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Creating and checking clipsearch collections on a SolrCloud cluster: the configset of the model's
 * dimension ({@link SolrConfigset}) is uploaded once, the collection is created with N shards and
 * replication factor R, and the model's id and dimension are recorded as collection properties, so
 * a collection of one model is never searched or filled with another's vectors (the counterpart of
 * the embedded index's commit data). Stateless.
 */
public final class SolrCollections {

  static final String PROP_MODEL_ID = "clipsearch.model.id";
  static final String PROP_DIMENSION = "clipsearch.model.dimension";
  private static final long ACTIVE_TIMEOUT_SEC = 120;

  /**
   * SolrJ's defaults let a node that took a request and never answers hold the caller for ten
   * minutes (its total request timeout). clipsearch's requests are small (a search, a batch of
   * documents, an admin call): a connection takes at most 10 s, a response that sends nothing for
   * 60 s, or takes over 3 minutes in all, fails with an error the caller reports or retries.
   */
  private static final long CONNECT_TIMEOUT_SEC = 10;

  private static final long IDLE_TIMEOUT_SEC = 60;
  private static final long REQUEST_TIMEOUT_SEC = 180;

  private SolrCollections() {}

  /** A client for the cluster of {@code settings}, through ZooKeeper, with bounded waits. */
  public static CloudSolrClient connect(SolrSettings settings) {
    return new CloudHttp2SolrClient.Builder(settings.zkServers(), settings.zkChroot())
        .withInternalClientBuilder(
            new Http2SolrClient.Builder()
                .withConnectionTimeout(CONNECT_TIMEOUT_SEC, TimeUnit.SECONDS)
                .withIdleTimeout(IDLE_TIMEOUT_SEC, TimeUnit.SECONDS)
                .withRequestTimeout(REQUEST_TIMEOUT_SEC, TimeUnit.SECONDS))
        .build();
  }

  /**
   * Whether the cluster has a collection of this name, from the cluster state the client watches in
   * ZooKeeper: no request to a node, so a node that is starting or stopping cannot hold it up.
   */
  public static boolean exists(CloudSolrClient client, String collection) throws IOException {
    try {
      return ZkStateReader.from(client).getClusterState().hasCollection(collection);
    } catch (SolrException e) {
      throw new IOException("cannot read the Solr cluster state: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the collection for vectors of {@code space} and waits until every replica is active.
   *
   * @throws IllegalArgumentException if a collection of that name exists
   * @throws IOException if the cluster refuses or does not answer in time
   */
  public static void create(
      CloudSolrClient client, String collection, VectorSpace space, int shards, int replicas)
      throws IOException {
    if (exists(client, collection)) {
      throw new IllegalArgumentException("Solr collection '" + collection + "' exists already");
    }
    SolrConfigset configset = new SolrConfigset(space.dimension());
    try {
      List<String> configsets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
      // an older version's configset of this name is replaced by this version's (a superset)
      upload(client, configset, configsets.contains(configset.name()));
      CollectionAdminRequest.createCollection(collection, configset.name(), shards, replicas)
          .process(client);
      CollectionAdminRequest.setCollectionProperty(collection, PROP_MODEL_ID, space.modelId())
          .process(client);
      CollectionAdminRequest.setCollectionProperty(
              collection, PROP_DIMENSION, Integer.toString(space.dimension()))
          .process(client);
    } catch (SolrServerException | RuntimeException e) {
      throw new IOException(
          "cannot create Solr collection '" + collection + "': " + e.getMessage(), e);
    }
    awaitActive(client, collection);
  }

  /**
   * Waits until every replica of the collection is active (after creating it, or after a node came
   * back and its replicas recover).
   *
   * @throws IOException if some replica is not active within {@value #ACTIVE_TIMEOUT_SEC} s
   */
  public static void awaitActive(CloudSolrClient client, String collection) throws IOException {
    try {
      ZkStateReader.from(client)
          .waitForState(
              collection,
              ACTIVE_TIMEOUT_SEC,
              TimeUnit.SECONDS,
              (live, state) ->
                  state != null
                      && state.getSlices().stream()
                          .flatMap(s -> s.getReplicas().stream())
                          .allMatch((Replica r) -> r.isActive(live)));
    } catch (TimeoutException e) {
      throw new IOException(
          "Solr collection '"
              + collection
              + "' has replicas not active after "
              + ACTIVE_TIMEOUT_SEC
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(
          "interrupted while waiting for Solr collection '" + collection + "'", e);
    }
  }

  /**
   * Checks that the collection exists and was made for {@code space}.
   *
   * @throws IllegalArgumentException if there is no such collection
   * @throws IndexMismatchException if it holds another model's vectors
   */
  public static void check(CloudSolrClient client, String collection, VectorSpace space)
      throws IOException {
    if (!exists(client, collection)) {
      throw new IllegalArgumentException(
          "no Solr collection '"
              + collection
              + "': create it with 'clipsearch solr create --collection "
              + collection
              + "'");
    }
    Map<String, String> props = ZkStateReader.from(client).getCollectionProperties(collection);
    String model = props.get(PROP_MODEL_ID);
    String dimension = props.get(PROP_DIMENSION);
    space.checkRecorded(
        "Solr collection '" + collection + "' was made for",
        model,
        dimension,
        "another collection");
  }

  /**
   * Fields added to the configset after collections were first made with it: a collection made by
   * an older version lacks them, and {@link #upgradeSchema} brings them in.
   */
  static final List<String> ADDED_FIELDS =
      List.of("rating", "label", "keywords", "title", "description", "sidecar_mtime");

  /**
   * Brings a collection made by an older version up to this version's schema: when it lacks any of
   * the {@link #ADDED_FIELDS}, uploads this version's configset over the old one (a superset of it)
   * and reloads the collection; documents already there keep what they have. The schema is classic
   * (not editable through the schema API), so the configset is what changes.
   *
   * @return the fields that were missing, empty when the schema was current
   * @throws IOException if Solr cannot be read or refuses the change
   */
  public static List<String> upgradeSchema(
      CloudSolrClient client, String collection, VectorSpace space) throws IOException {
    try {
      Set<String> present = new HashSet<>();
      for (Map<String, Object> f :
          new SchemaRequest.Fields().process(client, collection).getFields()) {
        present.add(String.valueOf(f.get("name")));
      }
      List<String> missing = ADDED_FIELDS.stream().filter(f -> !present.contains(f)).toList();
      if (!missing.isEmpty()) {
        upload(client, new SolrConfigset(space.dimension()), true);
        CollectionAdminRequest.reloadCollection(collection).process(client);
        awaitActive(client, collection);
      }
      return missing;
    } catch (SolrServerException | SolrException e) {
      throw new IOException(
          "cannot bring the schema of Solr collection '"
              + collection
              + "' up to date: "
              + e.getMessage(),
          e);
    }
  }

  /** Uploads the configset (over an existing one of its name when {@code overwrite}). */
  static void upload(CloudSolrClient client, SolrConfigset configset, boolean overwrite)
      throws IOException, SolrServerException {
    ConfigSetAdminResponse r =
        new ConfigSetAdminRequest.Upload()
            .setConfigSetName(configset.name())
            .setOverwrite(overwrite)
            .setUploadStream(
                new ContentStreamBase.ByteArrayStream(
                    configset.zip(), "configset.zip", "application/zip"))
            .process(client);
    if (r.getErrorMessages() != null) {
      throw new IOException(
          "Solr refused configset " + configset.name() + ": " + r.getErrorMessages());
    }
  }
}
