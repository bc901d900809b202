package io.clipsearch.cli;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import io.clipsearch.model.ClipModel;
import io.clipsearch.solr.IndexCopier;
import io.clipsearch.solr.SolrCollections;
import io.clipsearch.solr.SolrImageIndex;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch migrate}: copies a collection's embedded index into a SolrCloud collection,
 * vectors and all (nothing is re-embedded), creating the Solr collection if it is missing.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Copy a collection's embedded index into a SolrCloud collection without re-embedding"
            + " (created if missing; running it again replaces, never duplicates).")
final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Mixin SolrOptions solr;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String target = solr.collectionOr(collectionOptions.collection);
    long start = System.nanoTime();
    try (ClipModel model = modelOptions.load();
        OpenCollection from = collectionOptions.open(model);
        CloudSolrClient client = SolrCollections.connect(solr.settings())) {
      VectorSpace space = new VectorSpace(model.info().id(), model.dimension());
      if (!SolrCollections.exists(client, target)) {
        SolrCollections.create(client, target, space, solr.shards, solr.replicas);
        out.printf(
            "created Solr collection %s (%d shards x %d replicas)%n",
            target, solr.shards, solr.replicas);
      }
      long total = from.index().count();
      try (SolrImageIndex to =
          SolrImageIndex.open(
              client, target, space, solr.settings(), new LuceneKeywordAnalyzer())) {
        long copied =
            IndexCopier.copy(
                from.index(),
                from.backend(),
                to,
                n -> {
                  out.printf(Locale.ROOT, "copied %d / %d%n", n, total);
                  out.flush();
                });
        out.printf(
            Locale.ROOT,
            "migrated %d images of collection %s to Solr collection %s in %.1f s%n",
            copied,
            collectionOptions.collection,
            target,
            (System.nanoTime() - start) / 1e9);
      }
    }
    out.flush();
    return 0;
  }
}
