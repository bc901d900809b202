package io.clipsearch.cli;

import io.clipsearch.cluster.ClusterState;
import io.clipsearch.cluster.ClusterSummary;
import io.clipsearch.cluster.IndexedImage;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch clusters}: clusters a collection and prints them as a table. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = "Cluster a collection (k chosen automatically unless --k) and name the clusters.")
final class ClustersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Option(
      names = "--k",
      paramLabel = "N",
      defaultValue = "0",
      description = "clusters (default: automatic)")
  int k;

  @Option(
      names = "--refit",
      description = "fit from scratch even if the stored clusters are current")
  boolean refit;

  @Override
  public Integer call() throws Exception {
    try (ClipModel model = modelOptions.load();
        OpenCollection collection = collectionOptions.open(model)) {
      ClusterState state = CollectionOptions.organizer(collection, model).clusters(k, refit);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "%d clusters of %d documents (%s)%n",
          state.k(),
          state.documents(),
          state.requestedK() == 0 ? "k chosen automatically" : "k given");
      out.printf(
          Locale.ROOT, "%-7s %6s  %-44s %s%n", "cluster", "size", "top labels", "representatives");
      for (ClusterSummary c : state.clusters()) {
        String labels =
            c.labels().stream()
                .map(l -> String.format(Locale.ROOT, "%s %.2f", l.label(), l.score()))
                .collect(Collectors.joining(", "));
        String files =
            c.representatives().stream()
                .map(IndexedImage::path)
                .map(p -> Path.of(p).getFileName().toString())
                .collect(Collectors.joining(" "));
        out.printf(Locale.ROOT, "%-7d %6d  %-44s %s%n", c.cluster(), c.size(), labels, files);
      }
      out.flush();
    }
    return 0;
  }
}
