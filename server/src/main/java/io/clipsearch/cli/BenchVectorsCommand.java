package io.clipsearch.cli;

import io.clipsearch.bench.BenchVectorFiles;
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

/** {@code clipsearch bench-vectors}: benchmark inputs as .npy files for any ANN library. */
@Command(
    header = "Write synthetic benchmark vectors and queries as .npy files.",
    name = "bench-vectors",
    mixinStandardHelpOptions = true,
    description = {
      "Write base.npy (N clustered unit vectors), queries-image.npy (held-out vectors",
      "of the same clusters), queries-crossmodal.npy (queries offset by one shared direction,",
      "like CLIP text against images) and, with --model, queries-text.npy (its text",
      "embeddings), for bench-index --vectors and for FAISS/hnswlib (docs/BENCHMARKS.md)."
    })
final class BenchVectorsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "document vectors (default: ${DEFAULT-VALUE})")
  int count;

  @Option(
      names = "--dim",
      paramLabel = "D",
      defaultValue = "512",
      description = "dimension (default: ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--queries",
      paramLabel = "N",
      defaultValue = "1000",
      description = "queries per file (default: ${DEFAULT-VALUE})")
  int queries;

  @Option(names = "--seed", defaultValue = "42", description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "CLIP model folder: also write its text embeddings as queries-text.npy")
  Path model;

  @Override
  public Integer call() throws Exception {
    List<Path> written;
    if (model == null) {
      written = BenchVectorFiles.write(out, count, dim, queries, seed, Optional.empty());
    } else {
      try (ClipModel clip = ClipModels.load(model)) {
        written = BenchVectorFiles.write(out, count, dim, queries, seed, Optional.of(clip));
      }
    }
    PrintWriter w = spec.commandLine().getOut();
    written.forEach(w::println);
    w.flush();
    return 0;
  }
}
