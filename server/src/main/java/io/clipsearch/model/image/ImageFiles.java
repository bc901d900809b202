package io.clipsearch.model.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files are images we decode, by extension, and listing them under a folder. */
public final class ImageFiles {

  /** Extensions of the formats {@link ImageDecoder} reads, lower case. */
  public static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "jpe", "png", "gif", "webp", "bmp", "dib", "tif", "tiff");

  private ImageFiles() {}

  /** Whether the file name has an image extension (the content may still be anything). */
  public static boolean hasImageExtension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
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
