package io.clipsearch.api;

import com.drew.metadata.Metadata;
import io.clipsearch.api.config.ImageAccessConfig;
import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.ingest.ExposureReader;
import io.clipsearch.ingest.PhotoCredits;
import io.clipsearch.ingest.PhotoHeader;
import io.clipsearch.ingest.RootedFile;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageFiles;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.JpegEncoder;
import io.clipsearch.search.SearchSession;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds images and thumbnails by content id. Files are located through the index only, never from a
 * path in the request, and are opened once and checked as opened ({@link ImageFileGuard}): still
 * the indexed image, a regular file really under one of the collection's roots. Thumbnails are
 * served only from the collection's thumbnail folder. A request cannot reach any other file.
 * Thread-safe.
 */
@Singleton
public class ImageService {

  /** Long side of a JPEG rendering: a 4K screen's width, the full-screen viewer's need. */
  static final int RENDERING_LONG_SIDE = 3840;

  private static final int RENDERING_QUALITY = 90;

  private final ImageDecoder decoder = new ImageDecoder();
  private final CollectionService collections;
  private final ImageFileGuard guard;
  private final PhotoCredits credits;

  ImageService(CollectionService collections, ImageFileGuard guard, ImageAccessConfig access) {
    this.collections = collections;
    this.guard = guard;
    this.credits = new PhotoCredits(access.followLinksOutOfRoots());
  }

  /**
   * @throws NotFoundException if no image of that id is in the collection, or its file is gone,
   *     changed, or no longer an image under the collection's folders
   */
  ServedImage file(String collection, String id) {
    OpenCollection c = collections.get(collection);
    ImageDoc doc = doc(c, id);
    return guard
        .open(doc, c.config().roots())
        .orElseThrow(
            () -> new NotFoundException("the file of image " + id + " is no longer available"));
  }

  /**
   * The image as a JPEG, upright, at most {@link #RENDERING_LONG_SIDE} pixels on its long side: for
   * a browser or an app that cannot decode the original (HEIC, AVIF, camera RAW).
   *
   * @throws NotFoundException as {@link #file}
   * @throws ImageDecodeException if the file no longer decodes
   */
  byte[] jpegRendering(String collection, String id) throws ImageDecodeException, IOException {
    try (RootedFile opened = file(collection, id).file()) {
      byte[] bytes = opened.readAllBytes();
      DecodedImage image = decoder.decode(ImageSource.of(id, bytes));
      return JpegEncoder.encode(image, RENDERING_LONG_SIDE, RENDERING_QUALITY);
    }
  }

  /**
   * The thumbnail, opened (the caller closes it): only a regular file in the thumbnail folder, no
   * link followed.
   *
   * @throws NotFoundException if no thumbnail of that id exists in the thumbnail folder
   */
  ServedImage thumbnail(String collection, String id) {
    OpenCollection c = collections.get(collection);
    NotFoundException none = new NotFoundException("no thumbnail for image " + id);
    Path thumb = c.thumbs().find(id).orElseThrow(() -> none);
    try {
      return new ServedImage(
          RootedFile.open(thumb, List.of(c.thumbs().directory()), false),
          MediaType.IMAGE_JPEG_TYPE);
    } catch (IOException e) {
      throw none;
    }
  }

  /**
   * The image's indexed facts, with the exposure and credit read from its file if the file may be
   * served ({@link ImageFileGuard}: a link out of the roots or a FIFO planted in its place reads
   * nothing), the credit else from a manifest in its folders ({@link PhotoCredits}).
   */
  public ImageDetails details(String collection, String id) {
    OpenCollection c = collections.get(collection);
    ImageDoc d = doc(c, id);
    PhotoMetadata m = d.metadata();
    Optional<Metadata> header = header(d, c);
    return new ImageDetails(
        d.id(),
        d.path().toString(),
        d.size(),
        d.width(),
        d.height(),
        Instant.ofEpochMilli(d.mtimeMillis()),
        m.taken().orElse(null),
        m.cameraMake().orElse(null),
        m.cameraModel().orElse(null),
        m.lens().orElse(null),
        m.latitude().orElse(null),
        m.longitude().orElse(null),
        m.orientation(),
        d.tags(),
        header.flatMap(ExposureReader::read).orElse(null),
        credits.of(d.path(), header, c.config().roots()).orElse(null),
        ImageFiles.rawCompanions(d.path()).stream().map(Path::toString).toList());
  }

  /** The metadata of the image's file, parsed once for its exposure and credit. */
  private Optional<Metadata> header(ImageDoc d, OpenCollection c) {
    Optional<ServedImage> opened = guard.open(d, c.config().roots());
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (RootedFile file = opened.get().file()) {
      return PhotoHeader.read(file.stream());
    } catch (IOException e) {
      return Optional.empty(); // closing a file only read from: nothing was lost
    }
  }

  private static ImageDoc doc(OpenCollection c, String id) {
    try (SearchSession session = c.backend().session()) {
      return session
          .findById(id)
          .orElseThrow(
              () -> new NotFoundException("no image " + id + " in collection " + c.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
