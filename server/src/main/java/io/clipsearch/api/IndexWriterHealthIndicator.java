package io.clipsearch.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} component {@code indexWriters}: DOWN, naming each collection and its cause, when
 * an open collection's index writer died (a full disk): it takes no writes until its next job,
 * which reopens it.
 */
@Singleton
final class IndexWriterHealthIndicator implements HealthIndicator {

  private final CollectionService collections;

  IndexWriterHealthIndicator(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    collections.failedWriters().forEach((name, cause) -> details.put(name,
        "index writer closed: " + Failures.describe(cause) + "; the next index job reopens it"));
    return Mono.just(HealthResult.builder("indexWriters", details.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
        .details(details).build());
  }
}
