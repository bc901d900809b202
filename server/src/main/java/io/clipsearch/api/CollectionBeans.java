package io.clipsearch.api;

import io.clipsearch.collection.CollectionBackends;
import io.clipsearch.collection.CollectionConfig;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.model.ClipModel;
import io.clipsearch.solr.SolrSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;

/**
 * Makes the server's collection beans from its configuration: the engine ({@link BackendConfig}
 * → {@link CollectionBackends}) and the registry of open collections over the data folder
 * ({@link DataConfig}), which registers each opened index's gauges. Both are closed at shutdown,
 * the registry before the engine; {@link JobService}, which depends on the registry, stops its
 * jobs before either.
 */
@Factory
class CollectionBeans {

  @Singleton
  @Bean(preDestroy = "close")
  CollectionBackends backends(BackendConfig config) {
    return new CollectionBackends(config.solr()
        ? Optional.of(new SolrSettings(config.solrZk(), config.shards(), config.replicas(),
            config.batchSize(), config.commitWithinMs()))
        : Optional.empty());
  }

  @Singleton
  @Bean(preDestroy = "close")
  CollectionRegistry registry(DataConfig data, CollectionBackends backends, ClipModel model, MeterRegistry metrics) {
    VectorFormat newFormat = data.vectorFormat() == null
        ? CollectionConfig.DEFAULT_FORMAT : VectorFormat.parse(data.vectorFormat());
    return new CollectionRegistry(new CollectionOpener(data.dir(), backends, model, newFormat),
        c -> registerGauges(c, metrics));
  }

  private static void registerGauges(OpenCollection c, MeterRegistry metrics) {
    Gauge.builder("clipsearch.index.documents", c.index(), CollectionBeans::documents)
        .tag("collection", c.name()).description("images in the index").register(metrics);
    Gauge.builder("clipsearch.index.bytes", c.index(), CollectionBeans::bytes)
        .tag("collection", c.name()).description("index size on disk").register(metrics);
  }

  private static double documents(ImageIndex index) {
    try {
      return index.count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double bytes(ImageIndex index) {
    try {
      return index.stats().bytesOnDisk();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
