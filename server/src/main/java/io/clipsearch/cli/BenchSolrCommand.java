package io.clipsearch.cli;

import io.clipsearch.bench.BackendBenchmark;
import io.clipsearch.bench.SyntheticVectors;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.search.SearchSettings;
import io.clipsearch.solr.SolrCollections;
import io.clipsearch.solr.SolrImageIndex;
import io.clipsearch.solr.SolrSearchBackend;
import io.clipsearch.solr.SolrSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch bench-solr}: the SolrCloud backend against the embedded one on synthetic
 * vectors.
 */
@Command(
    header = "Benchmark the SolrCloud backend against the embedded Lucene index.",
    name = "bench-solr",
    mixinStandardHelpOptions = true,
    description = {
      "Index N synthetic clustered unit vectors into an embedded float32 index and into a",
      "new Solr collection (N shards x R replicas), then print per backend: ingest documents/s,",
      "kNN latency p50/p95 (k=10, one client), QPS with several clients, and the overlap of",
      "Solr's top 10 with the embedded index's."
    })
final class BenchSolrCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SolrOptions solr;

  @Option(
      names = "--vectors",
      paramLabel = "N",
      defaultValue = "100000",
      description = "documents (default: ${DEFAULT-VALUE})")
  int vectors;

  @Option(
      names = "--dim",
      paramLabel = "D",
      defaultValue = "512",
      description = "dimension (default: ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "folder for the embedded index (must be new)")
  Path dir;

  @Option(
      names = "--queries",
      paramLabel = "N",
      defaultValue = "200",
      description = "queries timed (default: ${DEFAULT-VALUE})")
  int queries;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "2",
      description = "clients for QPS (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "ingest threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "data seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SyntheticVectors source =
        new SyntheticVectors(dim, SyntheticVectors.clustersFor(vectors), seed);
    float[][] data = source.next(vectors);
    BackendBenchmark bench = new BackendBenchmark(source.next(queries), clients);
    VectorSpace space = new VectorSpace("synthetic-" + dim, dim);
    String collection = solr.collectionOr("bench-" + vectors);
    SolrSettings settings = solr.settings();
    List<String> rows = new ArrayList<>();
    try (VectorIndex index = VectorIndex.open(dir, space, VectorFormat.FLOAT32);
        CloudSolrClient client = SolrCollections.connect(settings)) {
      LuceneSearchBackend embedded =
          new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample());
      double embeddedRate = BackendBenchmark.ingest(index, data, threads);
      index.refresh();
      List<List<Path>> reference = bench.answers(embedded);
      rows.add(row("embedded", bench.measure(embedded, embeddedRate, reference)));
      out.println(rows.getLast());
      out.flush();

      SolrCollections.create(client, collection, space, settings.shards(), settings.replicas());
      try (SolrImageIndex cloud =
          SolrImageIndex.open(client, collection, space, settings, new LuceneKeywordAnalyzer())) {
        double solrRate = BackendBenchmark.ingest(cloud, data, threads);
        cloud.refresh();
        rows.add(
            row(
                "solr " + settings.shards() + "x" + settings.replicas(),
                bench.measure(new SolrSearchBackend(cloud), solrRate, reference)));
        out.println(rows.getLast());
      }
    }
    out.flush();
    return 0;
  }

  private String row(String name, BackendBenchmark.Figures f) {
    return String.format(
        Locale.ROOT,
        "%-14s %,d x %d: ingest %,.0f docs/s  kNN p50 %.2f ms  p95 %.2f ms  %.1f QPS (%d clients)  overlap@10 %.3f",
        name,
        vectors,
        dim,
        f.ingestPerSecond(),
        f.p50Millis(),
        f.p95Millis(),
        f.qps(),
        clients,
        f.overlapAt10());
  }
}
