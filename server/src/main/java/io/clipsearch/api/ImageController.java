package io.clipsearch.api;

import io.clipsearch.api.types.ImageDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.file.attribute.BasicFileAttributes;

/** Images by content id (never by path): the original file, its thumbnail, its metadata. */
@Controller("/api/images")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImageController {

  private final ImageService images;

  public ImageController(ImageService images) {
    this.images = images;
  }

  /** The original file, as stored (its EXIF orientation is in {@code /info}). */
  @Get("/{id}")
  public StreamedFile image(String id, @Nullable @QueryValue String collection) {
    return streamed(images.file(collection, id));
  }

  /** A JPEG, upright, 320 pixels on its long side. */
  @Get("/{id}/thumbnail")
  public StreamedFile thumbnail(String id, @Nullable @QueryValue String collection) {
    return streamed(images.thumbnail(collection, id));
  }

  @Get("/{id}/info")
  public ImageDetails info(String id, @Nullable @QueryValue String collection) {
    return images.details(collection, id);
  }

  /** The opened file itself, never its path again (Micronaut closes the stream when sent). */
  private static StreamedFile streamed(ServedImage image) {
    BasicFileAttributes attrs = image.file().attributes();
    return new StreamedFile(
        image.file().stream(), image.type(), attrs.lastModifiedTime().toMillis(), attrs.size());
  }
}
