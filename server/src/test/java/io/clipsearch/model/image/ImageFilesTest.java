package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

  @Test
  void listsImagesRecursivelySkippingHiddenAndLinks(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve(".thumbnails"));
    Files.writeString(dir.resolve("a/one.JPG"), "x");
    Files.writeString(dir.resolve("a/b/two.webp"), "x");
    Files.writeString(dir.resolve("a/notes.txt"), "x");
    Files.writeString(dir.resolve("a/._one.jpg"), "x"); // macOS AppleDouble companion
    Files.writeString(dir.resolve(".thumbnails/t.png"), "x");
    Files.createSymbolicLink(dir.resolve("a/b/loop"), dir); // a link loop must not trap the walk

    List<Path> files = ImageFiles.list(dir);

    assertEquals(List.of(dir.resolve("a/b/two.webp"), dir.resolve("a/one.JPG")), files);
  }

  @Test
  void extensionsAreCaseInsensitive() {
    assertTrue(ImageFiles.hasImageExtension(Path.of("IMG_2041.JPEG")));
    assertTrue(ImageFiles.hasImageExtension(Path.of("scan.Tiff")));
    assertFalse(ImageFiles.hasImageExtension(Path.of("jpg")));
    assertFalse(ImageFiles.hasImageExtension(Path.of("movie.mp4")));
  }
}
