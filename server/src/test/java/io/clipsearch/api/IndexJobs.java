package io.clipsearch.api;

import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/** Starts an index job over real HTTP and follows its progress events to the end. */
final class IndexJobs {

  private IndexJobs() {}

  /** Every progress event of a new job on {@code collection}, the last one when it ended. */
  static List<IngestStatus> run(
      HttpClient client, SseClient sse, String token, String collection, Duration timeout) {
    JobInfo job =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/collections/" + collection + "/jobs", "").bearerAuth(token),
                JobInfo.class);
    return Flux.from(sse.eventStream("/api/jobs/" + job.id() + "/events", IngestStatus.class))
        .map(Event::getData)
        .collectList()
        .block(timeout);
  }
}
