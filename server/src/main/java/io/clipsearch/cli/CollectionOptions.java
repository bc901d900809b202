package io.clipsearch.cli;

import io.clipsearch.cluster.ClusterSettings;
import io.clipsearch.cluster.ClusterStore;
import io.clipsearch.cluster.ClusterUpdater;
import io.clipsearch.cluster.CollectionOrganizer;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.ingest.CollectionConfig;
import io.clipsearch.ingest.CollectionLayout;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --collection}, and opening that collection's index for a model. */
final class CollectionOptions {

  @Option(names = "--data", paramLabel = "DIR", converter = DataFolder.class,
      description = "data folder (default: " + DataFolder.DESCRIPTION + ")", defaultValue = DataFolder.DEFAULT)
  Path data;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = "default",
      description = "collection (default: ${DEFAULT-VALUE})")
  String collection;

  CollectionLayout layout() {
    return new CollectionLayout(data, collection);
  }

  /**
   * Opens the collection's index for this model; the caller closes it.
   *
   * @throws IllegalArgumentException if there is no such collection or no index for the model
   */
  VectorIndex open(ClipModel model) throws IOException {
    CollectionLayout layout = layout();
    CollectionConfig config = CollectionConfig.read(layout.configFile()).orElseThrow(() ->
        new IllegalArgumentException("no collection '" + collection + "' in " + data
            + ": index one with 'clipsearch index DIR --collection " + collection + "'"));
    Path indexDir = layout.indexDir(model.info().id());
    if (!Files.isDirectory(indexDir)) {
      throw new IllegalArgumentException("collection '" + collection + "' has no index for model "
          + model.info().id() + ": index it with this model first");
    }
    return VectorIndex.open(indexDir, new VectorSpace(model.info().id(), model.dimension()), config.format());
  }

  /** Clusters, map and duplicates of the open index, results kept under the collection's {@code clusters/}. */
  CollectionOrganizer organizer(VectorIndex index, ClipModel model) {
    ClusterUpdater updater = new ClusterUpdater(
        new ZeroShotLabeler(LabelVocabulary.defaults(), model::embedTexts), ClusterSettings.DEFAULTS);
    return new CollectionOrganizer(new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
        new ClusterStore(layout().collectionDir().resolve("clusters")), updater,
        ClusterSettings.DEFAULTS.seed());
  }
}
