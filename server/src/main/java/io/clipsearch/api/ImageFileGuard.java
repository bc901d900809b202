package io.clipsearch.api;

import io.clipsearch.api.config.ImageAccessConfig;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.ingest.RootedFile;
import io.clipsearch.model.image.ImageFiles;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the file of an indexed image at read time, if it may still be served: a regular file opened
 * under one of the collection's roots by {@link RootedFile} (no link followed, unless {@link
 * ImageAccessConfig#followLinksOutOfRoots()}; nothing but a regular file opened), the same file as
 * indexed (size and modification time of the opened file), and an image by its content's signature,
 * whatever its name says. The checks are made on the opened file, which is then what is served: a
 * file replaced by a link, a FIFO, or another file, even between two checks, is refused.
 * Thread-safe.
 */
@Singleton
final class ImageFileGuard {

  private static final Logger log = LoggerFactory.getLogger(ImageFileGuard.class);

  private final boolean followLinksOutOfRoots;

  ImageFileGuard(ImageAccessConfig config) {
    this.followLinksOutOfRoots = config.followLinksOutOfRoots();
  }

  /**
   * The opened, checked file, positioned at its start (the caller closes it); empty if it may not
   * be served (the reason is logged, not told).
   */
  Optional<ServedImage> open(ImageDoc doc, Collection<Path> roots) {
    RootedFile file;
    try {
      file = RootedFile.open(doc.path(), roots, followLinksOutOfRoots);
    } catch (IOException e) {
      return refused(doc, e.getMessage());
    }
    try {
      BasicFileAttributes attrs = file.attributes();
      if (attrs.size() != doc.size() || attrs.lastModifiedTime().toMillis() != doc.mtimeMillis()) {
        file.close();
        return refused(doc, "changed since it was indexed (size or modification time)");
      }
      MediaType type = mediaType(file, doc.path());
      if (type == null) {
        file.close();
        return refused(doc, "its content is not an image");
      }
      file.channel().position(0);
      return Optional.of(new ServedImage(file, type));
    } catch (IOException | RuntimeException e) {
      closeQuietly(file, e);
      return refused(doc, "unreadable: " + e);
    }
  }

  private static Optional<ServedImage> refused(ImageDoc doc, String why) {
    log.warn("not serving image {} ({}): {}", doc.id(), doc.path(), why);
    return Optional.empty();
  }

  private static void closeQuietly(RootedFile file, Exception cause) {
    try {
      file.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The media type of the file's content, or null when it is not an image we index. */
  private static MediaType mediaType(RootedFile file, Path path) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(ImageFiles.SIGNATURE_BYTES);
    while (head.hasRemaining() && file.channel().read(head) > 0) {
      // a channel may return fewer bytes than asked
    }
    return ImageFiles.mediaType(
            path.getFileName().toString(), Arrays.copyOf(head.array(), head.position()))
        .map(MediaType::of)
        .orElse(null);
  }
}
