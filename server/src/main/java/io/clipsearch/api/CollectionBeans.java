package io.clipsearch.api;

import io.clipsearch.api.config.BackendConfig;
import io.clipsearch.api.config.DataConfig;
import io.clipsearch.collection.CollectionBackends;
import io.clipsearch.collection.CollectionConfig;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.model.ClipModel;
import io.clipsearch.solr.SolrSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Makes the server's collection beans from its configuration: the engine ({@link BackendConfig} →
 * {@link CollectionBackends}) and the registry of open collections over the data folder ({@link
 * DataConfig}), which tells {@link IndexGauges} of each opened index and has {@link QueryWarmer}
 * warm its query road. Both are closed at shutdown, the registry before the engine; {@link
 * JobService}, which depends on the registry, stops its jobs before either.
 */
@Factory
class CollectionBeans {

  @Singleton
  @Bean(preDestroy = "close")
  CollectionBackends backends(BackendConfig config) {
    return new CollectionBackends(
        config.solr()
            ? Optional.of(
                new SolrSettings(
                    config.solrZk(),
                    config.shards(),
                    config.replicas(),
                    config.batchSize(),
                    config.commitWithinMs()))
            : Optional.empty());
  }

  @Singleton
  @Bean(preDestroy = "close")
  CollectionRegistry registry(
      DataConfig data,
      CollectionBackends backends,
      ClipModel model,
      QueryWarmer warmer,
      MeterRegistry metrics) {
    VectorFormat newFormat =
        data.vectorFormat() == null
            ? CollectionConfig.DEFAULT_FORMAT
            : VectorFormat.parse(data.vectorFormat());
    return new CollectionRegistry(
        new CollectionOpener(data.dir(), backends, model, newFormat),
        new IndexGauges(metrics).andThen(warmer));
  }
}
