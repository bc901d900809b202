package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.PersonPhotos;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The persons of a collection and their face crops. Changing a person (name, hide, merge, split)
 * and deleting one (its descriptors with it) take the token. Faces and names never leave the
 * server's machine but through these answers.
 */
@Controller("/api/collections/{name}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PeopleController {

  static final String DEFAULT_FACES = "8";

  private final PeopleService people;

  public PeopleController(PeopleService people) {
    this.people = people;
  }

  @Get("/people")
  public PeopleList people(
      String name,
      @QueryValue(defaultValue = "false") boolean hidden,
      @QueryValue(defaultValue = DEFAULT_FACES) int faces) {
    return people.list(name, hidden, faces);
  }

  @Get("/people/{id}/photos")
  public PersonPhotos photos(String name, int id) {
    return people.photos(name, id);
  }

  @Post("/people/{id}")
  @Mutating
  public PersonInfo change(String name, int id, @Body @Valid PersonChange change) {
    return people.change(name, id, change);
  }

  @Delete("/people/{id}")
  @Mutating
  public HttpResponse<Void> delete(String name, int id) {
    people.delete(name, id);
    return HttpResponse.noContent();
  }

  /** A JPEG of the face with some margin, 128 pixels on its long side. */
  @Get("/faces/{face}/crop")
  public StreamedFile crop(String name, String face) {
    ServedImage crop = people.crop(name, face);
    BasicFileAttributes attrs = crop.file().attributes();
    return new StreamedFile(
        crop.file().stream(), crop.type(), attrs.lastModifiedTime().toMillis(), attrs.size());
  }
}
