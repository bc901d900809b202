package io.clipsearch.cli;

import io.clipsearch.bench.BenchInputs;
import io.clipsearch.bench.BenchTable;
import io.clipsearch.bench.CollectionInputs;
import io.clipsearch.bench.FileInputs;
import io.clipsearch.bench.SearchBenchmark;
import io.clipsearch.bench.SyntheticInputs;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch bench-index}: build and query time, size and recall per vector format. */
@Command(
    header = "Benchmark vector formats: build time, size, kNN latency, recall.",
    name = "bench-index",
    mixinStandardHelpOptions = true,
    description = {
      "Index vectors per vector format (several threads, then force-merged to one",
      "segment), then print per format, query set, filter (none / a folder holding 10%% of",
      "documents), k and search thread count: build and merge time, bytes per vector on disk",
      "and read by search, RSS, recall@k vs exact brute force, latency p50/p95/p99 and QPS.",
      "Vectors come from files (--vectors F.npy|F.fvecs --queries Q.npy,...; docs/BENCHMARKS.md",
      "gives the file contract), from a collection (--from-collection NAME --model DIR --texts F:",
      "its stored image vectors, text queries embedded by its model) or are synthetic",
      "(--vectors N --queries N [--model DIR])."
    })
final class BenchIndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--vectors",
      paramLabel = "N|FILE",
      defaultValue = "100000",
      description = {
        "a .npy (float32, C order, 2-D) or .fvecs file of document vectors, or a count",
        "of synthetic clustered vectors (default: ${DEFAULT-VALUE})"
      })
  String vectors;

  @Option(
      names = "--queries",
      paramLabel = "N|FILE",
      split = ",",
      defaultValue = "200",
      description = {
        "query files (.npy/.fvecs, comma-separated) with file vectors; a count per",
        "kind with synthetic ones (default: ${DEFAULT-VALUE})"
      })
  List<String> queries;

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = {
        "exact neighbour ids of the first query file (.ivecs or int32/int64 .npy,",
        "rows of the vectors file, best first); computed and cached next to the queries if absent"
      })
  Path truth;

  @Option(
      names = "--k",
      paramLabel = "K,K",
      split = ",",
      defaultValue = "10,100",
      description = "results per query, each measured (default: ${DEFAULT-VALUE})")
  List<Integer> ks;

  @Option(
      names = "--dim",
      paramLabel = "D",
      defaultValue = "512",
      description = "dimension of synthetic vectors (default: ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--formats",
      paramLabel = "F,F",
      defaultValue = "float32,int8,int4,bbq",
      split = ",",
      description = "vector formats (default: ${DEFAULT-VALUE})")
  List<String> formats;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description =
          "folder for the indexes (one subfolder per format; must not hold other indexes)")
  Path dir;

  @Option(
      names = "--threads",
      paramLabel = "N,N",
      split = ",",
      defaultValue = "1,2",
      description = "concurrent search threads, each count measured (default: ${DEFAULT-VALUE})")
  List<Integer> searchThreads;

  @Option(
      names = "--index-threads",
      paramLabel = "N",
      description = "indexing threads (default: all cores)")
  Integer indexThreads;

  @Option(
      names = "--oversample",
      paramLabel = "N,N",
      defaultValue = "4",
      split = ",",
      description = {
        "candidates per result wanted (at least 100 in all; quantized formats",
        "re-score them), each value measured (default: ${DEFAULT-VALUE})"
      })
  List<Integer> oversample;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "0",
      description = {
        "results asked of the kNN per query when deeper than k; recall@k counts the",
        "first k (the server asks 200 for a page of 10: --depth 200 measures what it serves)"
      })
  int depth;

  @Option(
      names = "--segments",
      paramLabel = "N",
      defaultValue = "1",
      description = {
        "after building, merge each index down to at most N segments (default:",
        "${DEFAULT-VALUE}); 0: search the segments as built, as an index job leaves them"
      })
  int segments;

  @Option(
      names = "--reuse",
      description = {
        "measure indexes already in --dir built from the same",
        "vectors (by an earlier run) instead of building them"
      })
  boolean reuse;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "synthetic data seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = {
        "with synthetic vectors: also time queries that are this model's text",
        "embeddings; with --from-collection: the collection's model"
      })
  Path model;

  @Option(
      names = "--from-collection",
      paramLabel = "NAME",
      description = "benchmark on this collection's stored image vectors")
  String fromCollection;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data folder of --from-collection (default: " + DataFolder.DESCRIPTION + ")")
  Path data;

  @Option(
      names = "--texts",
      paramLabel = "FILE",
      description = {
        "with --from-collection: text queries, one per line (first tab-separated",
        "column; '#' lines skipped), e.g. bench/relevance/*.tsv"
      })
  Path texts;

  @Option(names = "--json", description = "print the rows as JSON instead of a table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter log = spec.commandLine().getErr();
    List<VectorFormat> parsed =
        formats.stream().map(String::strip).map(VectorFormat::parse).toList();
    int cores = Runtime.getRuntime().availableProcessors();
    SearchBenchmark.Settings settings =
        new SearchBenchmark.Settings(
            parsed,
            dir,
            ks,
            searchThreads,
            indexThreads == null ? cores : indexThreads,
            oversample,
            reuse,
            depth,
            segments);
    BenchInputs inputs = inputs(settings.maxK(), cores, log);
    List<SearchBenchmark.Row> rows = new SearchBenchmark(settings, log).run(inputs);
    BenchTable table = new BenchTable(inputs.description(), rows);
    out.print(json ? table.json() : table.text());
    out.flush();
    return 0;
  }

  private BenchInputs inputs(int maxK, int cores, PrintWriter log) throws Exception {
    if (fromCollection != null) {
      if (model == null || texts == null) {
        throw new IllegalArgumentException(
            "--from-collection needs --model (the collection's) and" + " --texts");
      }
      List<String> queryTexts = CollectionInputs.readTexts(texts);
      CollectionLayout layout =
          new CollectionLayout(
              data != null ? data : ClipsearchFolders.current().data(), fromCollection);
      try (ClipModel clip = ClipModels.load(model)) {
        log.printf(
            "reading the vectors of collection %s, embedding %d texts%n",
            fromCollection, queryTexts.size());
        log.flush();
        return CollectionInputs.load(
            layout.indexDir(clip.info().id()), clip, queryTexts, maxK, cores);
      }
    }
    Optional<Integer> count = countOf(vectors);
    if (count.isEmpty()) {
      if (model != null) {
        throw new IllegalArgumentException(
            "--model is for synthetic vectors; with files, embed the"
                + " text queries into a query file (bench-vectors does)");
      }
      List<Path> files = queries.stream().map(String::strip).map(Path::of).toList();
      if (files.stream().anyMatch(f -> countOf(f.toString()).isPresent())) {
        throw new IllegalArgumentException("with a vectors file, --queries takes query files");
      }
      log.printf("reading %s and %s%n", vectors, files);
      log.flush();
      return FileInputs.load(Path.of(vectors), files, Optional.ofNullable(truth), maxK, cores);
    }
    if (truth != null) {
      throw new IllegalArgumentException(
          "--truth needs --vectors FILE; synthetic truth is computed");
    }
    int perKind =
        countOf(queries.getFirst())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "with synthetic vectors, --queries is a count, got " + queries));
    log.printf(
        "generating %,d vectors of dimension %d and their exact neighbours%n", count.get(), dim);
    log.flush();
    if (model == null) {
      return SyntheticInputs.generate(
          count.get(), dim, perKind, seed, Optional.empty(), maxK, cores);
    }
    try (ClipModel clip = ClipModels.load(model)) {
      return SyntheticInputs.generate(
          count.get(), dim, perKind, seed, Optional.of(clip), maxK, cores);
    }
  }

  private static Optional<Integer> countOf(String value) {
    String v = value.strip().replace("_", "");
    return v.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
  }
}
