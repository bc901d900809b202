package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RootedFile} on a real file system: links, a real FIFO ({@code mkfifo}) and a real swap
 * loop racing the open. Each test would read the secret, or hang, with a check-then-open.
 */
class RootedFileTest {

  static final byte[] PHOTO = "the indexed photo".getBytes(StandardCharsets.UTF_8);
  static final byte[] SECRET = "root:$6$secret-hash:19000::".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;
  Path root;
  Path outside;

  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(temp.resolve("photos"));
    outside = Files.createDirectories(temp.resolve("elsewhere"));
    Files.write(Files.createDirectories(root.resolve("sub")).resolve("a.jpg"), PHOTO);
    Files.write(outside.resolve("a.jpg"), SECRET);
  }

  @Test
  void aRegularFileUnderTheRootIsOpenedAndReadThroughItsHandle() throws IOException {
    try (RootedFile f = RootedFile.open(root.resolve("sub/a.jpg"), List.of(root), false)) {
      assertArrayEquals(PHOTO, f.readAllBytes());
      assertEquals(PHOTO.length, f.attributes().size());
      assertEquals(root.resolve("sub/a.jpg").toRealPath(), f.realPath());
    }
  }

  @Test
  void aLinkAsTheFileOrOnTheWayOutOfTheRootIsRefusedUnlessTold() throws IOException {
    Files.createSymbolicLink(root.resolve("link.jpg"), outside.resolve("a.jpg"));
    Files.createSymbolicLink(root.resolve("out"), outside);
    FileSystemException link =
        assertThrows(
            FileSystemException.class,
            () -> RootedFile.open(root.resolve("link.jpg"), List.of(root), false));
    assertTrue(link.getReason().contains("symbolic link"), link.getMessage());
    FileSystemException out =
        assertThrows(
            FileSystemException.class,
            () -> RootedFile.open(root.resolve("out/a.jpg"), List.of(root), false));
    assertTrue(out.getReason().contains("outside the collection's folders"), out.getMessage());

    try (RootedFile f = RootedFile.open(root.resolve("out/a.jpg"), List.of(root), true)) {
      assertArrayEquals(SECRET, f.readAllBytes()); // the operator's choice
    }
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = root.resolve("sub/fifo.jpg");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (boolean follow : new boolean[] {false, true}) {
            FileSystemException e =
                assertThrows(
                    FileSystemException.class, () -> RootedFile.open(fifo, List.of(root), follow));
            assertTrue(e.getReason().contains("not a regular file"), e.getMessage());
          }
        });
  }

  /** A swap loop (the file, then its folder, replaced by links out) racing open-and-read. */
  @Test
  void aFileOrFolderSwappedForALinkInALoopNeverYieldsTheLinkedFile() throws Exception {
    Path photo = root.resolve("sub/a.jpg");
    Path fileLink = Files.createSymbolicLink(temp.resolve("file-link"), outside.resolve("a.jpg"));
    Path folderLink = Files.createSymbolicLink(temp.resolve("folder-link"), outside);
    Path parked = temp.resolve("parked");
    Path parkedFolder = temp.resolve("parked-folder");
    AtomicBoolean stop = new AtomicBoolean();
    Thread swapper =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (!stop.get()) {
                      Files.move(photo, parked, StandardCopyOption.ATOMIC_MOVE);
                      Files.copy(fileLink, photo, LinkOption.NOFOLLOW_LINKS);
                      Files.delete(photo);
                      Files.move(parked, photo, StandardCopyOption.ATOMIC_MOVE);
                      Files.move(root.resolve("sub"), parkedFolder, StandardCopyOption.ATOMIC_MOVE);
                      Files.copy(folderLink, root.resolve("sub"), LinkOption.NOFOLLOW_LINKS);
                      Files.delete(root.resolve("sub"));
                      Files.move(parkedFolder, root.resolve("sub"), StandardCopyOption.ATOMIC_MOVE);
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    int photos = 0;
    int refused = 0;
    long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < end) {
      try (RootedFile f = RootedFile.open(photo, List.of(root), false)) {
        assertArrayEquals(PHOTO, f.readAllBytes());
        photos++;
      } catch (IOException e) {
        refused++; // a link, or nothing, in place at that instant
      }
    }
    stop.set(true);
    swapper.join();
    assertTrue(
        photos > 0 && refused > 0,
        photos + " reads, " + refused + " refused: the race did not run");
  }
}
