package io.clipsearch.cli;

import io.clipsearch.bench.SearchBenchmark;
import io.clipsearch.bench.SearchBenchmark.FormatResult;
import io.clipsearch.index.VectorFormat;
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
@Command(header = "Benchmark vector formats: build time, size, kNN latency, recall.",
    name = "bench-index", mixinStandardHelpOptions = true,
    description = {"Index N synthetic clustered unit vectors per vector format (several threads,",
        "then force-merged to one segment), then print per format: build and merge time, index",
        "bytes per vector, kNN latency p50/p95 (k=10, unfiltered and with a 10% folder filter),",
        "recall@10 vs exact brute force, heap and RSS."})
final class BenchIndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--vectors", paramLabel = "N", defaultValue = "100000",
      description = "documents (default: ${DEFAULT-VALUE})")
  int vectors;

  @Option(names = "--dim", paramLabel = "D", defaultValue = "512",
      description = "dimension (default: ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--formats", paramLabel = "F,F", defaultValue = "float32,int8,int4,bbq", split = ",",
      description = "vector formats (default: ${DEFAULT-VALUE})")
  List<String> formats;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "folder for the indexes (one subfolder per format; must not hold other indexes)")
  Path dir;

  @Option(names = "--queries", paramLabel = "N", defaultValue = "200",
      description = "queries timed per kind (default: ${DEFAULT-VALUE})")
  int queries;

  @Option(names = "--threads", paramLabel = "N", description = "indexing threads (default: all cores)")
  Integer threads;

  @Option(names = "--oversample", paramLabel = "N", defaultValue = "4",
      description = "kNN over-fetch for re-scoring quantized formats (default: ${DEFAULT-VALUE})")
  int oversample;

  @Option(names = "--seed", defaultValue = "42", description = "data seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--model", paramLabel = "DIR",
      description = "CLIP model folder: also time queries that are its text embeddings")
  Path model;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<VectorFormat> parsed = formats.stream().map(String::strip).map(VectorFormat::parse).toList();
    SearchBenchmark.Settings settings = new SearchBenchmark.Settings(vectors, dim, parsed, dir,
        queries, threads == null ? Runtime.getRuntime().availableProcessors() : threads, oversample, seed);
    List<FormatResult> results;
    if (model != null) {
      try (ClipModel clip = ClipModels.load(model)) {
        results = new SearchBenchmark(settings, spec.commandLine().getErr()).run(Optional.of(clip));
      }
    } else {
      results = new SearchBenchmark(settings, spec.commandLine().getErr()).run(Optional.empty());
    }
    out.printf("%,d vectors, dim %d, k=10, oversample %d, %d queries per kind, one segment%n",
        vectors, dim, oversample, queries);
    out.printf("%-8s %-9s %8s %8s %7s %8s %8s %8s %8s %7s %7s %7s %7s%n", "format", "queries",
        "build s", "merge s", "B/vec", "p50 ms", "p95 ms", "fp50 ms", "fp95 ms", "recall",
        "frecall", "heap MB", "RSS MB");
    for (FormatResult r : results) {
      out.printf("%-8s %-9s %8.1f %8.1f %7.0f %8.2f %8.2f %8.2f %8.2f %7.3f %7.3f %7d %7d%n",
          r.format(), r.queryKind(), r.buildMillis() / 1000.0, r.mergeMillis() / 1000.0,
          r.bytesPerVector(), r.p50Millis(), r.p95Millis(), r.filteredP50Millis(),
          r.filteredP95Millis(), r.recall(), r.filteredRecall(), r.heapMb(), r.rssMb());
    }
    out.println("fp50/fp95/frecall: with a folder filter matching 10% of documents");
    out.flush();
    return 0;
  }
}
