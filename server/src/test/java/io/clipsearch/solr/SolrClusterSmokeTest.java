package io.clipsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.testing.SolrTestCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.CollectionStatePredicate;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.util.ContentStreamBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configset on a real SolrCloud cluster (two nodes in a child JVM): it uploads, a collection of
 * 2 shards x 2 replicas runs on it, kNN, filtered kNN, file-name text and geo queries find what
 * they should, and searching survives a node going down and coming back.
 */
class SolrClusterSmokeTest {

  private static final int DIMENSION = 4;
  private static final String COLLECTION = "images";
  private static final long ACTIVE_TIMEOUT_SECONDS =
      180; // generous: a loaded machine; the wait ends once active

  @Test
  void configsetServesSearchesAcrossANodeRestart(@TempDir Path dir) throws Exception {
    try (SolrTestCluster cluster = SolrTestCluster.start(2, dir);
        CloudSolrClient solr =
            new CloudHttp2SolrClient.Builder(cluster.zkServers(), Optional.of(cluster.zkChroot()))
                .build()) {
      SolrConfigset configset = new SolrConfigset(DIMENSION);
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(configset.name())
          .setUploadStream(
              new ContentStreamBase.ByteArrayStream(
                  configset.zip(), "configset.zip", "application/zip"))
          .process(solr);
      CollectionAdminRequest.createCollection(COLLECTION, configset.name(), 2, 2).process(solr);
      awaitAllReplicasActive(solr);

      solr.add(
          COLLECTION,
          List.of(
              image("/photos/2024/beach/sunsetBeach_001.jpg", 4000, 3000, null, 1, 0, 0, 0),
              image("/photos/2024/beach/IMG_2041.JPG", 3000, 4000, null, 0.8f, 0.6f, 0, 0),
              image("/photos/2023/city/nightSkyline.jpg", 1200, 800, null, 0, 1, 0, 0),
              image(
                  "/photos/2023/Café/Tokyo_Tower.jpg",
                  800,
                  800,
                  "35.6586,139.7454",
                  0,
                  0,
                  0.6f,
                  0.8f)));
      solr.commit(COLLECTION);

      // dot products with q: IMG_2041 0.72 + 0.2615 = 0.98, sunsetBeach 0.9, nightSkyline 0.44,
      // Tokyo_Tower 0; Solr scores dot_product as (1 + dot) / 2
      String q = "[0.9,0.43589,0,0]";
      assertEquals(
          List.of("IMG_2041.JPG", "sunsetBeach_001.jpg", "nightSkyline.jpg"),
          fileNames(solr, knn(3, q)));
      // fq is a pre-filter: the nearest image of 2023 is nightSkyline. Routing by the path's hash
      // puts it on one shard with IMG_2041 and sunsetBeach, Tokyo_Tower on the other; filtering
      // each shard's top 1 afterwards would drop IMG_2041 and answer Tokyo_Tower
      assertEquals(
          List.of("nightSkyline.jpg"),
          fileNames(solr, knn(1, q).addFilterQuery("folder_tree:\"/photos/2023\"")));
      assertEquals(
          List.of("nightSkyline.jpg", "Tokyo_Tower.jpg"),
          fileNames(solr, knn(3, q).addFilterQuery("folder_tree:\"/photos/2023\"")));
      SolrQuery scored = knn(1, q).setFields("file_name", "score");
      float score =
          (Float) solr.query(COLLECTION, scored).getResults().getFirst().getFieldValue("score");
      assertEquals((1 + 0.8f * 0.9f + 0.6f * 0.43589f) / 2, score, 1e-5);

      // file-name analysis: camelCase parts, digit runs, folded accents in folder names
      assertEquals(List.of("nightSkyline.jpg"), fileNames(solr, text("skyline")));
      assertEquals(List.of("IMG_2041.JPG"), fileNames(solr, text("2041")));
      assertEquals(List.of("Tokyo_Tower.jpg"), fileNames(solr, text("cafe")));
      assertEquals(List.of("sunsetBeach_001.jpg"), fileNames(solr, text("sunset beach")));

      assertEquals(
          List.of("Tokyo_Tower.jpg"),
          fileNames(
              solr,
              new SolrQuery("*:*").addFilterQuery("{!geofilt sfield=gps pt=35.66,139.75 d=5}")));
      assertEquals(
          List.of("IMG_2041.JPG", "sunsetBeach_001.jpg"),
          fileNames(
              solr,
              new SolrQuery("*:*")
                  .addFilterQuery("short_side:[2000 TO *]")
                  .setSort("path", SolrQuery.ORDER.asc)));

      // every shard has a replica on node 0: searching goes on without node 1, and indexing
      // once node 0 leads every shard
      cluster.stopNode(1);
      assertEquals(4, count(solr, "*:*"));
      assertEquals(List.of("IMG_2041.JPG"), fileNames(solr, knn(1, q)));
      awaitState(
          solr,
          (liveNodes, collection) ->
              collection.getSlices().stream()
                  .allMatch(s -> s.getLeader() != null && s.getLeader().isActive(liveNodes)));
      solr.add(COLLECTION, image("/photos/2023/city/harbourView.jpg", 1600, 900, null, 0, 0, 1, 0));
      solr.commit(COLLECTION);
      assertEquals(5, count(solr, "*:*"));

      // back on its port, node 1 recovers the update it missed: each replica of a shard holds
      // the same documents, and the shards hold all five
      cluster.startNode(1);
      awaitAllReplicasActive(solr);
      assertEquals(5, count(solr, "*:*"));
      long total = 0;
      for (Slice shard : solr.getClusterStateProvider().getCollection(COLLECTION).getSlices()) {
        List<Long> counts = new ArrayList<>();
        for (Replica replica : shard.getReplicas()) {
          counts.add(localCount(replica));
        }
        assertEquals(List.of(counts.getFirst(), counts.getFirst()), counts, shard.getName());
        total += counts.getFirst();
      }
      assertEquals(5, total);
    }
  }

  private static SolrInputDocument image(
      String path, int width, int height, String gps, float... vector) {
    Path p = Path.of(path);
    SolrInputDocument d = new SolrInputDocument();
    d.addField("path", path);
    d.addField("id", Integer.toHexString(path.hashCode()));
    d.addField("folder", p.getParent().toString());
    for (Path f = p.getParent(); f != null; f = f.getParent()) {
      d.addField("folder_tree", f.toString());
    }
    d.addField("file_name", p.getFileName().toString());
    d.addField("size", 1000L * width);
    d.addField("mtime", 1_700_000_000_000L);
    d.addField("date", 1_700_000_000_000L);
    d.addField("width", width);
    d.addField("height", height);
    d.addField("short_side", Math.min(width, height));
    d.addField("shape", width > height ? "landscape" : width < height ? "portrait" : "square");
    d.addField("camera", "canon eos r5");
    d.addField("camera_make", "Canon");
    d.addField("camera_model", "EOS R5");
    d.addField("exif_orientation", 1);
    if (gps != null) {
      String[] latLon = gps.split(",");
      d.addField("gps", gps);
      d.addField("latitude", Double.parseDouble(latLon[0]));
      d.addField("longitude", Double.parseDouble(latLon[1]));
    }
    d.addField("tags", "photo");
    List<String> text = new ArrayList<>(List.of(p.getFileName().toString()));
    p.getParent().forEach(part -> text.add(part.toString()));
    d.addField("text", String.join(" ", text) + " Canon EOS R5 photo");
    List<Float> v = new ArrayList<>();
    for (float x : vector) {
      v.add(x);
    }
    d.addField("vector", v);
    return d;
  }

  /** Solr's topK is per shard: rows keeps the collection's answer to the k best. */
  private static SolrQuery knn(int k, String vector) {
    return new SolrQuery("{!knn f=vector topK=" + k + "}" + vector).setRows(k);
  }

  private static SolrQuery text(String query) {
    return new SolrQuery("{!edismax qf=text q.op=AND}" + query);
  }

  private static List<String> fileNames(CloudSolrClient solr, SolrQuery query) throws Exception {
    query.setFields("file_name");
    return solr.query(COLLECTION, query).getResults().stream()
        .map(d -> (String) d.getFieldValue("file_name"))
        .toList();
  }

  private static long count(CloudSolrClient solr, String query) throws Exception {
    return solr.query(COLLECTION, new SolrQuery(query).setRows(0)).getResults().getNumFound();
  }

  /** The documents in one replica's core, asked of that core alone. */
  private static long localCount(Replica replica) throws Exception {
    try (Http2SolrClient core = new Http2SolrClient.Builder(replica.getBaseUrl()).build()) {
      SolrQuery local = new SolrQuery("*:*").setRows(0);
      local.setDistrib(false);
      return core.query(replica.getCoreName(), local).getResults().getNumFound();
    }
  }

  private static void awaitAllReplicasActive(CloudSolrClient solr) throws Exception {
    awaitState(
        solr,
        (liveNodes, collection) -> {
          List<Replica> replicas =
              collection.getSlices().stream()
                  .flatMap(shard -> shard.getReplicas().stream())
                  .toList();
          return replicas.size() == 4 && replicas.stream().allMatch(r -> r.isActive(liveNodes));
        });
  }

  private static void awaitState(CloudSolrClient solr, CollectionStatePredicate predicate)
      throws Exception {
    ZkStateReader.from(solr)
        .waitForState(
            COLLECTION,
            ACTIVE_TIMEOUT_SECONDS,
            TimeUnit.SECONDS,
            (liveNodes, collection) ->
                collection != null && predicate.matches(liveNodes, collection));
  }
}
