package io.clipsearch.api;

import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.model.image.ImageDecodeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;

/** Images by content id (never by path): the original file, its thumbnail, its metadata. */
@Controller("/api/images")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImageController {

  private final ImageService images;

  public ImageController(ImageService images) {
    this.images = images;
  }

  /**
   * The original file, as stored, with its real media type ({@code image/heic}, {@code
   * image/x-nikon-nef}...; its EXIF orientation is in {@code /info}); with {@code format=jpeg}, a
   * JPEG rendering instead, upright, for clients that cannot decode the original.
   */
  @Get("/{id}")
  public HttpResponse<?> image(
      String id, @Nullable @QueryValue String collection, @Nullable @QueryValue String format)
      throws ImageDecodeException, IOException {
    if (format == null || format.isBlank()) {
      return HttpResponse.ok(streamed(images.file(collection, id)));
    }
    if (!format.equalsIgnoreCase("jpeg")) {
      throw new IllegalArgumentException("format must be jpeg (or left out), got '" + format + "'");
    }
    return HttpResponse.ok(images.jpegRendering(collection, id))
        .contentType(MediaType.IMAGE_JPEG_TYPE);
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
