package io.clipsearch.cli;

import io.clipsearch.bench.HttpSearchBenchmark;
import io.clipsearch.index.VectorFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch bench-http}: end-to-end search latency over HTTP at a chosen scale. */
@Command(
    header = "Benchmark search latency over HTTP at a chosen scale.",
    name = "bench-http",
    mixinStandardHelpOptions = true,
    description = {
      "Index N synthetic vectors in a model's space as a collection, start the server",
      "in-process, and time text searches over loopback HTTP (p50/p95/p99, QPS, RSS)."
    })
final class BenchHttpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "CLIP model folder")
  Path model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "data folder for the synthetic collection (reused when it already holds it)")
  Path data;

  @Option(
      names = "--vectors",
      defaultValue = "100000",
      paramLabel = "N",
      description = "documents (default: ${DEFAULT-VALUE})")
  int vectors;

  @Option(
      names = "--format",
      defaultValue = "int8",
      paramLabel = "F",
      description = "float32, int8, int4 or bbq (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--queries",
      defaultValue = "200",
      paramLabel = "N",
      description = "timed searches (default: ${DEFAULT-VALUE})")
  int queries;

  @Option(
      names = "--concurrency",
      defaultValue = "2",
      paramLabel = "N",
      description = "clients for the throughput figure (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--ingest",
      paramLabel = "DIR",
      description = {
        "then time searches again while a real index job imports the photos in DIR into",
        "the collection (removed again afterwards)"
      })
  Path ingest;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    HttpSearchBenchmark.Result r =
        new HttpSearchBenchmark(spec.commandLine().getErr())
            .run(
                model,
                data,
                vectors,
                VectorFormat.parse(format),
                queries,
                concurrency,
                Optional.ofNullable(ingest));
    out.printf(
        Locale.ROOT,
        "%-8s %9s %9s %8s %8s %8s %8s %10s %8s%n",
        "format",
        "vectors",
        "B/vec",
        "build s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "QPS",
        "RSS MB");
    out.printf(
        Locale.ROOT,
        "%-8s %,9d %9.0f %8.0f %8.1f %8.1f %8.1f %6.1f@%-3d %8d%n",
        r.format(),
        r.vectors(),
        r.bytesPerVector(),
        r.buildSeconds(),
        r.p50Millis(),
        r.p95Millis(),
        r.p99Millis(),
        r.qps(),
        r.concurrency(),
        r.rssMb());
    r.duringIngest()
        .ifPresent(
            i -> {
              out.printf(Locale.ROOT, "%nduring an index job importing %s:%n", ingest);
              out.printf(
                  Locale.ROOT,
                  "%8s %8s %10s %9s %8s %8s %8s %9s%n",
                  "images",
                  "job s",
                  "images/s",
                  "searches",
                  "p50 ms",
                  "p95 ms",
                  "p99 ms",
                  "remove s");
              out.printf(
                  Locale.ROOT,
                  "%,8d %8.1f %10.1f %,9d %8.1f %8.1f %8.1f %9.1f%n",
                  i.images(),
                  i.jobSeconds(),
                  i.imagesPerSecond(),
                  i.searches(),
                  i.p50Millis(),
                  i.p95Millis(),
                  i.p99Millis(),
                  i.removeSeconds());
            });
    out.flush();
    return 0;
  }
}
