package io.clipsearch.cli;

import io.clipsearch.index.VectorSpace;
import io.clipsearch.model.ClipModel;
import io.clipsearch.solr.SolrCollections;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch solr-create}: creates a SolrCloud collection for the model's vectors. */
@Command(
    name = "solr-create",
    mixinStandardHelpOptions = true,
    description =
        "Create a SolrCloud collection for this model's vectors (uploads the configset of its"
            + " dimension once), with N shards and replication factor R.")
final class SolrCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin SolrOptions solr;

  @Option(
      names = "--collection",
      required = true,
      paramLabel = "NAME",
      description = "the collection to create")
  String collection;

  @Override
  public Integer call() throws Exception {
    VectorSpace space;
    try (ClipModel model = modelOptions.load()) {
      space = new VectorSpace(model.info().id(), model.dimension());
    }
    String name = solr.collectionOr(collection);
    try (CloudSolrClient client = SolrCollections.connect(solr.settings())) {
      SolrCollections.create(client, name, space, solr.shards, solr.replicas);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "created Solr collection %s: %d shards x %d replicas, %s (dimension %d)%n",
        name, solr.shards, solr.replicas, space.modelId(), space.dimension());
    out.flush();
    return 0;
  }
}
