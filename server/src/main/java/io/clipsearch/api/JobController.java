package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Index jobs: status, live progress as Server-Sent Events, cancel, and the skipped-files report.
 */
@Controller("/api/jobs")
public class JobController {

  private final JobService jobs;

  public JobController(JobService jobs) {
    this.jobs = jobs;
  }

  @Get
  public List<JobInfo> list() {
    return jobs.list();
  }

  @Get("/{id}")
  public JobInfo get(String id) {
    return jobs.get(id);
  }

  /** {@code progress} events (JSON {@link IngestStatus}) until the job ends. */
  @Get(uri = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<IngestStatus>> events(String id) {
    return jobs.progress(id).map(status -> Event.of(status).name("progress"));
  }

  @Delete("/{id}")
  @Mutating
  public JobInfo cancel(String id) {
    return jobs.cancel(id);
  }

  @Get("/{id}/report")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public JobReport report(String id) {
    return jobs.report(id);
  }
}
