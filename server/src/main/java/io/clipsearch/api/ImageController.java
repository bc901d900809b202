package io.clipsearch.api;

import io.clipsearch.api.types.ImageDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Images by content id (never by path): the original file, its thumbnail, its metadata.
 */
@Controller("/api/images")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImageController {

  private final ImageService images;

  public ImageController(ImageService images) {
    this.images = images;
  }

  /** The original file, as stored (its EXIF orientation is in {@code /info}). */
  @Get("/{id}")
  public SystemFile image(String id, @Nullable @QueryValue String collection) {
    ServedImage image = images.file(collection, id);
    return new SystemFile(image.file().toFile(), image.type());
  }

  /** A JPEG, upright, 320 pixels on its long side. */
  @Get("/{id}/thumbnail")
  public SystemFile thumbnail(String id, @Nullable @QueryValue String collection) {
    return new SystemFile(images.thumbnail(collection, id).toFile(), MediaType.IMAGE_JPEG_TYPE);
  }

  @Get("/{id}/info")
  public ImageDetails info(String id, @Nullable @QueryValue String collection) {
    return images.details(collection, id);
  }
}
