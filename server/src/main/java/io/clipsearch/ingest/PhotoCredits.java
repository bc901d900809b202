package io.clipsearch.ingest;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who to credit for a photo, as a line to show under it: what the photo says of itself, else what a
 * {@link CreditManifest} beside it says.
 *
 * <p>Strategy: first the photo's own metadata, EXIF {@code Artist} and {@code Copyright} (IFD0),
 * else XMP {@code dc:creator} and {@code dc:rights}, joined with " · " (the rights alone when they
 * already name the author). A photo whose metadata names no one is looked up in the {@code
 * MANIFEST.tsv} of its folder, then of each folder above it up to the outermost of the collection's
 * folders that holds it; the nearest manifest that lists the photo gives its credit. Manifests are
 * opened like photos, through {@link RootedFile}: a link or FIFO planted as a manifest is not read.
 * One that is unreadable, too large or malformed credits nothing (logged).
 *
 * <p>Read when a detail view asks, not indexed: a manifest edited after indexing is seen at once.
 * Thread-safe.
 */
public final class PhotoCredits {

  private static final Logger log = LoggerFactory.getLogger(PhotoCredits.class);

  /** A manifest larger than this is not read: the sample set's 210 lines take 30 kB. */
  static final long MAX_MANIFEST_BYTES = 8L << 20;

  private final boolean followLinksOutOfRoots;

  /**
   * @param followLinksOutOfRoots as for photos: follow links in the folders wherever they lead
   */
  public PhotoCredits(boolean followLinksOutOfRoots) {
    this.followLinksOutOfRoots = followLinksOutOfRoots;
  }

  /**
   * The photo's credit, or empty when neither its metadata nor a manifest names one.
   *
   * @param photo the photo's absolute path, under one of {@code roots}
   * @param header the photo's parsed metadata ({@link PhotoHeader}); empty when it was unreadable
   * @param roots the collection's folders: manifests are looked for up to them, and only under them
   */
  public Optional<String> of(Path photo, Optional<Metadata> header, Collection<Path> roots) {
    return header.flatMap(PhotoCredits::fromMetadata).or(() -> fromManifests(photo, roots));
  }

  /** The credit written in the photo's EXIF, else its XMP. */
  static Optional<String> fromMetadata(Metadata metadata) {
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    Optional<String> exif =
        join(
            ExifReader.text(ifd0, ExifDirectoryBase.TAG_ARTIST),
            ExifReader.text(ifd0, ExifDirectoryBase.TAG_COPYRIGHT));
    if (exif.isPresent()) {
      return exif;
    }
    XmpDirectory dir = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    XMPMeta xmp = dir == null ? null : dir.getXMPMeta();
    return xmp == null ? Optional.empty() : join(creators(xmp), rights(xmp));
  }

  /** "author · rights", or the rights alone when they name the author already. */
  private static Optional<String> join(Optional<String> author, Optional<String> rights) {
    if (author.isPresent() && rights.isPresent()) {
      return Optional.of(
          rights.get().contains(author.get()) ? rights.get() : author.get() + " · " + rights.get());
    }
    return author.or(() -> rights);
  }

  private static Optional<String> creators(XMPMeta xmp) {
    List<String> names = new ArrayList<>();
    try {
      int count = xmp.countArrayItems(XMPConst.NS_DC, "creator");
      for (int i = 1; i <= count; i++) { // XMP arrays count from 1
        XMPProperty name = xmp.getArrayItem(XMPConst.NS_DC, "creator", i);
        if (name != null && !name.getValue().isBlank()) {
          names.add(name.getValue().strip());
        }
      }
    } catch (XMPException e) {
      log.debug("unusable dc:creator: {}", e.toString());
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
  }

  private static Optional<String> rights(XMPMeta xmp) {
    try {
      XMPProperty rights = xmp.getLocalizedText(XMPConst.NS_DC, "rights", null, XMPConst.X_DEFAULT);
      return rights == null || rights.getValue().isBlank()
          ? Optional.empty()
          : Optional.of(rights.getValue().strip());
    } catch (XMPException e) {
      log.debug("unusable dc:rights: {}", e.toString());
      return Optional.empty();
    }
  }

  /** The credit of the nearest manifest listing the photo, from its folder up to its root. */
  Optional<String> fromManifests(Path photo, Collection<Path> roots) {
    for (Path folder = photo.getParent();
        folder != null && underAny(folder, roots);
        folder = folder.getParent()) {
      String listed = relative(folder, photo);
      Optional<String> credit = manifest(folder, roots).flatMap(m -> m.credit(listed));
      if (credit.isPresent()) {
        return credit;
      }
    }
    return Optional.empty();
  }

  private Optional<CreditManifest> manifest(Path folder, Collection<Path> roots) {
    Path file = folder.resolve(CreditManifest.FILE_NAME);
    try (RootedFile opened = RootedFile.open(file, roots, followLinksOutOfRoots)) {
      if (opened.attributes().size() > MAX_MANIFEST_BYTES) {
        log.warn("not reading {}: larger than {} bytes", file, MAX_MANIFEST_BYTES);
        return Optional.empty();
      }
      return Optional.of(
          CreditManifest.parse(new String(opened.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // most folders have none
    } catch (IOException | IllegalArgumentException e) {
      log.warn("not reading {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean underAny(Path folder, Collection<Path> roots) {
    return roots.stream().anyMatch(folder::startsWith);
  }

  /**
   * {@code photo} relative to {@code folder}, with {@code /} between names, as manifests list it.
   */
  private static String relative(Path folder, Path photo) {
    List<String> names = new ArrayList<>();
    folder.relativize(photo).forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }
}
