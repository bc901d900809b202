package io.clipsearch.cli;

import io.clipsearch.cluster.DuplicateFinder;
import io.clipsearch.cluster.DuplicateGroup;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch duplicates}: near-duplicate groups, the suggested keeper first. */
@Command(
    name = "duplicates",
    mixinStandardHelpOptions = true,
    description =
        "List groups of near-duplicate images (cosine >= threshold), marking the one to keep.")
final class DuplicatesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Option(names = "--threshold", paramLabel = "T", description = "cosine threshold (default: 0.95)")
  double threshold = DuplicateFinder.DEFAULT_THRESHOLD;

  @Override
  public Integer call() throws Exception {
    try (ClipModel model = modelOptions.load();
        OpenCollection c = collectionOptions.open(model)) {
      List<DuplicateGroup> groups = new DuplicateFinder(threshold).find(c.backend());
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%d groups at cosine >= %.3f%n", groups.size(), threshold);
      for (DuplicateGroup g : groups) {
        for (DuplicateGroup.Member m : g.members()) {
          out.printf(
              Locale.ROOT,
              "%s %.4f %5dx%-5d %s%n",
              m.image().equals(g.keep()) ? "keep" : "    ",
              m.similarity(),
              m.image().width(),
              m.image().height(),
              m.image().path());
        }
        out.println();
      }
      out.flush();
    }
    return 0;
  }
}
