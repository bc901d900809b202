package io.clipsearch.api;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Finds images and thumbnails by content id. Files are located through the index only, never
 * from a path in the request, and are checked when read ({@link ImageFileGuard}): still the
 * indexed image, really under one of the collection's roots. Thumbnails are served only from the
 * collection's thumbnail folder. A request cannot reach any other file. Thread-safe.
 */
@Singleton
public class ImageService {

  private final CollectionService collections;
  private final ImageFileGuard guard;

  ImageService(CollectionService collections, ImageFileGuard guard) {
    this.collections = collections;
    this.guard = guard;
  }

  /**
   * @throws NotFoundException if no image of that id is in the collection, or its file is gone,
   *     changed, or no longer an image under the collection's folders
   */
  ServedImage file(String collection, String id) {
    OpenCollection c = collections.get(collection);
    return guard.check(doc(c, id), c.config().roots());
  }

  /** @throws NotFoundException if no thumbnail of that id exists in the thumbnail folder */
  public Path thumbnail(String collection, String id) {
    OpenCollection c = collections.get(collection);
    NotFoundException none = new NotFoundException("no thumbnail for image " + id);
    Path thumb = c.thumbs().find(id).orElseThrow(() -> none);
    try {
      Path real = thumb.toRealPath();
      if (!real.startsWith(c.thumbs().directory().toRealPath()) || !Files.isRegularFile(real)) {
        throw none;
      }
      return real;
    } catch (IOException e) {
      throw none;
    }
  }

  public ImageDetails details(String collection, String id) {
    ImageDoc d = doc(collections.get(collection), id);
    PhotoMetadata m = d.metadata();
    return new ImageDetails(d.id(), d.path().toString(), d.size(), d.width(), d.height(),
        Instant.ofEpochMilli(d.mtimeMillis()), m.taken().orElse(null), m.cameraMake().orElse(null),
        m.cameraModel().orElse(null), m.lens().orElse(null), m.latitude().orElse(null),
        m.longitude().orElse(null), m.orientation(), d.tags(),
        io.clipsearch.ingest.ExposureReader.read(d.path()).orElse(null));
  }

  private static ImageDoc doc(OpenCollection c, String id) {
    try {
      return c.index().findById(id).orElseThrow(() ->
          new NotFoundException("no image " + id + " in collection " + c.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
