package io.clipsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.bench.BenchResult;
import io.clipsearch.bench.ModelBenchmark;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.ModelFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch bench}: speed and memory of a model on this machine, per engine.
 *
 * <p>With more than one engine, each runs in a child JVM of its own so that its peak memory is its
 * own.
 */
@Command(
    header = "Measure a model per engine: throughput, latency, memory.",
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a model per engine: load time, end-to-end images/s from files",
      "(decode + preprocess + inference; exact and fast JPEG decoding), image tower images/s",
      "at batch 1 and 16, text latency p50/p95 and peak resident memory. Prints a table."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Option(names = "--images", required = true, paramLabel = "DIR", description = "folder of images")
  Path images;

  @Option(
      names = "--max-images",
      paramLabel = "N",
      defaultValue = "400",
      description = "image files embedded end to end at most (default: ${DEFAULT-VALUE})")
  int maxImages;

  @Option(
      names = "--calls",
      paramLabel = "N",
      defaultValue = "40",
      description = "engine calls per raw figure, texts for latency (default: ${DEFAULT-VALUE})")
  int calls;

  @Option(names = "--json", description = "print one JSON line per engine instead of a table")
  boolean json;

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    List<EngineKind> engines =
        modelOptions.engine != null
            ? List.of(EngineKind.parse(modelOptions.engine))
            : List.copyOf(ModelFolder.open(modelOptions.folder()).engines());
    List<BenchResult> results = new ArrayList<>();
    if (engines.size() == 1) {
      ModelBenchmark bench = new ModelBenchmark(calls, calls, maxImages);
      results.add(
          bench.run(
              modelOptions.folder(),
              modelOptions.loadOptions().withEngine(engines.getFirst()),
              images));
    } else {
      for (EngineKind engine : engines) {
        results.add(runInChildJvm(engine));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      for (BenchResult r : results) {
        out.println(mapper.writeValueAsString(r));
      }
    } else {
      printTable(out, results);
    }
    out.flush();
    return 0;
  }

  private BenchResult runInChildJvm(EngineKind engine) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "bench",
            "--json",
            "--model",
            modelOptions.folder().toString(),
            "--engine",
            engine.name(),
            "--images",
            images.toString(),
            "--max-images",
            Integer.toString(maxImages),
            "--calls",
            Integer.toString(calls),
            "--threads",
            Integer.toString(modelOptions.threads)));
    Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (child.waitFor() != 0) {
      throw new IllegalStateException("benchmark of " + engine + " failed (see above)");
    }
    return mapper.readValue(out, BenchResult.class);
  }

  private static void printTable(PrintWriter out, List<BenchResult> results) {
    out.printf(
        "%-8s %8s %7s %10s %10s %9s %10s %11s %11s %10s%n",
        "engine",
        "load ms",
        "images",
        "e2e img/s",
        "fast img/s",
        "b1 img/s",
        "b16 img/s",
        "text p50",
        "text p95",
        "peak RSS");
    for (BenchResult r : results) {
      out.printf(
          "%-8s %8d %7s %10.1f %10.1f %9.1f %10.1f %8.1f ms %8.1f ms %7d MB%n",
          r.engine(),
          r.loadMillis(),
          r.images() + (r.failedImages() > 0 ? "*" : ""),
          r.endToEndImagesPerSec(),
          r.endToEndFastImagesPerSec(),
          r.rawBatch1ImagesPerSec(),
          r.rawBatch16ImagesPerSec(),
          r.textP50Millis(),
          r.textP95Millis(),
          r.peakRssMb());
    }
    if (results.stream().anyMatch(r -> r.failedImages() > 0)) {
      out.println("* some images could not be decoded and are not counted");
    }
  }
}
