package io.clipsearch.ingest;

import com.adobe.internal.xmp.XMPException;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import io.clipsearch.index.XmpTags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A photo's XMP as ingest reads it: the packet embedded in the file (from the metadata its decoder
 * already parsed), overridden field by field by its sidecar ({@link XmpReader#sidecarOf}), which is
 * edited later. The sidecar is opened through {@link RootedFile}, as every file ingest reads; one
 * that is not XMP is logged and ignored (the photo is indexed without it).
 *
 * <p>Stateless and thread-safe.
 */
final class PhotoXmp {

  private static final Logger log = LoggerFactory.getLogger(PhotoXmp.class);

  /**
   * What a photo's sidecar said when read.
   *
   * @param tags its tags ({@link XmpTags#NONE} when there is none, or it is not XMP)
   * @param mtimeMillis its last-modified time, 0 when there is none
   */
  record Sidecar(XmpTags tags, long mtimeMillis) {
    static final Sidecar NONE = new Sidecar(XmpTags.NONE, 0);
  }

  private PhotoXmp() {}

  /**
   * The last-modified time of {@code photo}'s sidecar, 0 when it has none: what the scan compares
   * with the index, by stat only.
   */
  static long sidecarMtime(Path photo) {
    Optional<Path> sidecar = XmpReader.sidecarOf(photo);
    if (sidecar.isEmpty()) {
      return 0;
    }
    try {
      return Files.getLastModifiedTime(sidecar.get()).toMillis();
    } catch (IOException e) {
      return 0; // gone since it was seen: as if there were none
    }
  }

  /**
   * Reads {@code photo}'s sidecar.
   *
   * @param roots the collection's folders the sidecar must lie under, as the photo
   * @param followLinksOutOfRoots as {@link RootedFile#open}
   */
  static Sidecar sidecar(Path photo, Collection<Path> roots, boolean followLinksOutOfRoots) {
    Optional<Path> found = XmpReader.sidecarOf(photo);
    if (found.isEmpty()) {
      return Sidecar.NONE;
    }
    Path path = found.get();
    try (RootedFile file = RootedFile.open(path, roots, followLinksOutOfRoots)) {
      long mtime = file.attributes().lastModifiedTime().toMillis();
      byte[] packet = file.readAllBytes();
      try {
        return new Sidecar(XmpReader.parse(packet), mtime);
      } catch (XMPException | RuntimeException e) {
        // its mtime is kept: the next run reads it again only once it is edited
        log.warn("ignored the sidecar {}: not XMP ({})", path, e.getMessage());
        return new Sidecar(XmpTags.NONE, mtime);
      }
    } catch (IOException e) {
      log.warn("ignored the sidecar {}: cannot read it ({})", path, FileScanner.describe(e));
      return Sidecar.NONE;
    }
  }

  /**
   * The tags of the XMP packets metadata-extractor found in a file, {@link XmpTags#NONE} if none.
   */
  static XmpTags embedded(Metadata metadata) {
    XmpTags tags = XmpTags.NONE;
    for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
      try {
        tags = tags.overriddenBy(XmpReader.tags(xmp.getXMPMeta()));
      } catch (XMPException | RuntimeException e) {
        log.debug("unreadable embedded XMP: {}", e.toString());
      }
    }
    return tags;
  }
}
