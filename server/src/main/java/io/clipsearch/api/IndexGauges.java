package io.clipsearch.api;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The index gauges: {@code clipsearch.index.documents} and {@code clipsearch.index.bytes}, summed
 * over every open collection. Untagged on purpose: {@code /prometheus} and {@code /metrics} are
 * open without a token, so they carry counts and timings but no collection name, path or id. Told
 * of each opened index by {@link io.clipsearch.collection.CollectionRegistry}; a reopened index
 * replaces its collection's, a closed or deleted one counts nothing. Thread-safe.
 */
final class IndexGauges implements Consumer<OpenCollection> {

  private final Map<String, ImageIndex> indexes = new ConcurrentHashMap<>();

  IndexGauges(MeterRegistry metrics) {
    Gauge.builder("clipsearch.index.documents", this, g -> g.sum(IndexGauges::documents))
        .description("images in the open indexes")
        .register(metrics);
    Gauge.builder("clipsearch.index.bytes", this, g -> g.sum(IndexGauges::bytes))
        .description("size on disk of the open indexes")
        .register(metrics);
  }

  @Override
  public void accept(OpenCollection c) {
    indexes.put(c.name(), c.index());
  }

  private double sum(ToDoubleFunction<ImageIndex> measure) {
    return indexes.values().stream().mapToDouble(measure).filter(Double::isFinite).sum();
  }

  private static double documents(ImageIndex index) {
    try {
      return index.count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN; // closed (deleted, or its writer reopened): not counted
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
