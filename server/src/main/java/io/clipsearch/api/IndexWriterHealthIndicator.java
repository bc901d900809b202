package io.clipsearch.api;

import io.clipsearch.api.security.ReadAccess;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} component {@code indexWriters}: DOWN when an open collection's index writer died
 * (a full disk): it takes no writes until its next job, which reopens it. Names each collection and
 * its cause only where reads are open ({@link ReadAccess}): {@code /health} needs no token, so
 * where reads do, it says how many and leaves the names to the server log.
 */
@Singleton
final class IndexWriterHealthIndicator implements HealthIndicator {

  private final CollectionService collections;
  private final ReadAccess reads;

  IndexWriterHealthIndicator(CollectionService collections, ReadAccess reads) {
    this.collections = collections;
    this.reads = reads;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Throwable> failed = collections.failedWriters();
    Map<String, Object> details = new LinkedHashMap<>();
    if (reads.needsToken() && !failed.isEmpty()) {
      details.put(
          "closed",
          failed.size()
              + " index writer(s) closed; the server log names the collections"
              + " and the cause; the next index job on each reopens it");
    } else {
      failed.forEach(
          (name, cause) ->
              details.put(
                  name,
                  "index writer closed: "
                      + Failures.describe(cause)
                      + "; the next index job reopens it"));
    }
    return Mono.just(
        HealthResult.builder(
                "indexWriters", details.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(details)
            .build());
  }
}
