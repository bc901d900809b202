package io.clipsearch.api;

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
 * from a path in the request, and must lie under one of the collection's roots: a request cannot
 * reach any other file. Thread-safe.
 */
@Singleton
public class ImageService {

  private final CollectionService collections;

  public ImageService(CollectionService collections) {
    this.collections = collections;
  }

  /** @throws NotFoundException if no image of that id is in the collection, or its file is gone */
  public Path file(String collection, String id) {
    OpenCollection c = collections.get(collection);
    Path path = doc(c, id).path();
    boolean underRoot = c.config().roots().stream().anyMatch(path.normalize()::startsWith);
    if (!underRoot || !Files.isRegularFile(path)) {
      throw new NotFoundException("the file of image " + id + " is no longer available");
    }
    return path;
  }

  /** @throws NotFoundException if no thumbnail of that id exists */
  public Path thumbnail(String collection, String id) {
    OpenCollection c = collections.get(collection);
    return c.thumbs().find(id).orElseThrow(() -> new NotFoundException("no thumbnail for image " + id));
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
