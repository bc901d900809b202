package io.clipsearch.api;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import io.clipsearch.index.ImageDoc;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at read time whether the file of an indexed image may still be served: its real path
 * (every symbolic link resolved) lies under one of the collection's roots (unless {@link
 * ImageAccessConfig#followLinksOutOfRoots()}), it is the same file as indexed (size and
 * modification time), and its content is an image (by its signature, whatever its name says).
 * A file that was replaced by a link to another file, overwritten, or swapped is refused.
 * Thread-safe.
 */
@Singleton
final class ImageFileGuard {

  private static final Logger log = LoggerFactory.getLogger(ImageFileGuard.class);
  private static final Set<FileType> IMAGES =
      Set.of(FileType.Jpeg, FileType.Png, FileType.Gif, FileType.WebP, FileType.Bmp, FileType.Tiff);

  private final boolean followLinksOutOfRoots;

  ImageFileGuard(ImageAccessConfig config) {
    this.followLinksOutOfRoots = config.followLinksOutOfRoots();
  }

  /** @throws NotFoundException if the file may not be served (the reason is logged, not told) */
  ServedImage check(ImageDoc doc, Collection<Path> roots) {
    try {
      Path real = doc.path().toRealPath();
      if (!followLinksOutOfRoots && roots.stream().noneMatch(root -> under(real, root))) {
        throw refused(doc, "its real path " + real + " is outside the collection's folders");
      }
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile()) {
        throw refused(doc, "not a regular file");
      }
      if (attrs.size() != doc.size() || attrs.lastModifiedTime().toMillis() != doc.mtimeMillis()) {
        throw refused(doc, "changed since it was indexed (size or modification time)");
      }
      MediaType type = mediaType(real);
      if (type == null) {
        throw refused(doc, "its content is not an image");
      }
      return new ServedImage(real, type);
    } catch (IOException e) {
      throw refused(doc, "unreadable: " + e);
    }
  }

  private static NotFoundException refused(ImageDoc doc, String why) {
    log.warn("not serving image {} ({}): {}", doc.id(), doc.path(), why);
    return new NotFoundException("the file of image " + doc.id() + " is no longer available");
  }

  private static boolean under(Path real, Path root) {
    try {
      return real.startsWith(root.toRealPath());
    } catch (IOException e) {
      return false; // a root that is gone serves nothing
    }
  }

  /** The media type of the file's content, or null when it is not an image we index. */
  private static MediaType mediaType(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      FileType type = FileTypeDetector.detectFileType(in);
      return IMAGES.contains(type) ? MediaType.of(type.getMimeType()) : null;
    }
  }
}
