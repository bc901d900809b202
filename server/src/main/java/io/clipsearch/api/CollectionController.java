package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.RetagReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import java.nio.file.Path;
import java.util.List;

/**
 * Collections: list, create (or add folders), delete, start an index job on one, re-tag one. One
 * service call per endpoint; the rules ({@link CollectionService}, {@link JobService}) and the
 * errors' statuses (their exception handlers) live elsewhere.
 */
@Controller("/api/collections")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CollectionController {

  private final CollectionService collections;
  private final JobService jobs;

  public CollectionController(CollectionService collections, JobService jobs) {
    this.collections = collections;
    this.jobs = jobs;
  }

  @Get
  public List<CollectionInfo> list() {
    return collections.list();
  }

  @Get("/{name}")
  public CollectionInfo get(String name) {
    return collections.info(name);
  }

  @Post
  @Mutating
  @Status(HttpStatus.CREATED)
  public CollectionInfo create(@Body @Valid CreateCollectionRequest request) {
    return collections.create(request);
  }

  /** Stops indexing a folder and removes its images from the index (the photos stay). */
  @Delete("/{name}/roots")
  @Mutating
  public CollectionInfo removeRoot(String name, @QueryValue String path) {
    return collections.removeRoot(name, Path.of(path));
  }

  @Delete("/{name}")
  @Mutating
  public HttpResponse<Void> delete(String name) {
    collections.delete(name);
    return HttpResponse.noContent();
  }

  /** Starts indexing the collection's folders; follow it at {@code /api/jobs/{id}/events}. */
  @Post("/{name}/jobs")
  @Mutating
  @Status(HttpStatus.ACCEPTED)
  public JobInfo index(String name) {
    return jobs.start(name);
  }

  /**
   * Re-tags every image from its stored vector, synchronously: returns when the new tags are
   * searchable (no images are read; a 100k collection takes a while, see docs/API.md).
   */
  @Post("/{name}/tags")
  @Mutating
  public RetagReport retag(String name) {
    return jobs.retag(name);
  }
}
