package io.clipsearch.model.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which files are images we decode, by extension, and listing them under a folder. */
public final class ImageFiles {

  /** HEIF and AVIF, read through libheif. */
  public static final Set<String> HEIF_EXTENSIONS = Set.of("heic", "heif", "hif", "avif");

  /** Camera RAW files LibRaw reads, by the makers' extensions, lower case. */
  public static final Set<String> RAW_EXTENSIONS =
      Set.of(
          "3fr", "ari", "arw", "bay", "cr2", "cr3", "crw", "dcr", "dng", "erf", "fff", "iiq", "k25",
          "kdc", "mef", "mos", "mrw", "nef", "nrw", "orf", "pef", "raf", "raw", "rw2", "rwl", "sr2",
          "srf", "srw", "x3f");

  /** Extensions of the formats {@link ImageDecoder} reads, lower case. */
  public static final Set<String> EXTENSIONS =
      Stream.of(
              Set.of("jpg", "jpeg", "jpe", "png", "gif", "webp", "bmp", "dib", "tif", "tiff"),
              HEIF_EXTENSIONS,
              RAW_EXTENSIONS)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private ImageFiles() {}

  /** Whether the file name has an image extension (the content may still be anything). */
  public static boolean hasImageExtension(Path file) {
    return EXTENSIONS.contains(extension(file.getFileName().toString()));
  }

  /** Whether the name ends in a camera RAW extension ({@code IMG_1.CR2}, {@code a.dng}). */
  public static boolean hasRawExtension(String name) {
    return RAW_EXTENSIONS.contains(extension(name));
  }

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * Image files under {@code dir}, recursively, sorted by path; hidden files and folders are
   * skipped and symbolic links are not followed (so a link loop cannot trap the walk).
   *
   * @throws IOException if {@code dir} cannot be read
   */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NotDirectoryException(dir.toString());
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !isHidden(dir, p))
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(ImageFiles::hasImageExtension)
          .sorted()
          .toList();
    }
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
