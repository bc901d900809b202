package io.clipsearch.cli;

import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.ingest.Retagger;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clipsearch tags}: re-tags a collection from its stored vectors. */
@Command(
    name = "tags",
    mixinStandardHelpOptions = true,
    description =
        "Re-tag every image of a collection with zero-shot labels, from the stored vectors"
            + " (no image is read or embedded again).")
final class TagsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Override
  public Integer call() throws Exception {
    try (ClipModel model = modelOptions.load();
        OpenCollection c = collectionOptions.open(model)) {
      long start = System.nanoTime();
      ZeroShotLabeler labeler =
          ZeroShotLabeler.of(
              LabelVocabulary.defaults(),
              model,
              new ClassVectorCache(CollectionLayout.classVectorsDir(c.layout().dataDir())));
      long images = new Retagger(c.index(), c.backend(), labeler::imageTags).run();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "re-tagged %d images of collection %s in %.1f s%n",
          images,
          collectionOptions.collection,
          (System.nanoTime() - start) / 1e9);
      out.flush();
    }
    return 0;
  }
}
