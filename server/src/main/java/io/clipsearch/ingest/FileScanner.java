package io.clipsearch.ingest;

import io.clipsearch.model.image.ImageFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Walks a root folder for image files: those with an image or camera RAW extension, by stat alone,
 * and files with any other name whose first bytes are an image's signature (a photo saved without
 * its extension), so that no photo is silently left out. A camera RAW with a JPEG or HEIC beside it
 * under the same name (RAW+JPEG) is one photo with that file: only the rendered file is found, and
 * {@code /info} names the RAW as its companion; alone, the RAW is found itself.
 *
 * <p>Symbolic links are not followed unless told ({@link IngestOptions#followLinksOutOfRoots}):
 * each is reported as {@link SkipReason#SYMLINK}, so a link planted in a photo folder cannot bring
 * a file or folder from elsewhere on the machine into the index. When told, a linked folder of
 * photos is indexed, and Java's walk detects a link leading back to a folder being walked, reported
 * as {@link SkipReason#SYMLINK_LOOP} instead of looping. Hidden files and folders (names starting
 * with a dot) are skipped, as {@link ImageFiles#list} does. A folder or file that cannot be read is
 * reported and the walk goes on. Stateless and thread-safe.
 */
final class FileScanner {

  private final boolean followLinks;

  /**
   * @param followLinks follow symbolic links wherever they lead (else report them, unread)
   */
  FileScanner(boolean followLinks) {
    this.followLinks = followLinks;
  }

  /** An image file found: its path as walked and the facts change detection compares. */
  record Found(Path path, long size, long mtimeMillis) {
    Found {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Receives what a walk finds, on the walking thread. */
  interface Visitor {
    void found(Found file);

    /** A file or folder that could not be walked; {@code folder} is true for folders. */
    void problem(SkippedFile skipped, boolean folder);
  }

  /**
   * Walks {@code root}; stops early when {@code stop} turns true.
   *
   * @throws IOException if {@code root} itself cannot be read
   */
  void scan(Path root, Visitor visitor, BooleanSupplier stop) throws IOException {
    Set<FileVisitOption> options =
        followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : Set.of();
    // links in the root's own path are its owner's choice: walk the real folder, report paths as
    // given
    Path start = followLinks ? root : root.toRealPath();
    UnaryOperator<Path> asGiven = p -> root.resolve(start.relativize(p));
    Files.walkFileTree(
        start,
        options,
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (stop.getAsBoolean()) {
              return FileVisitResult.TERMINATE;
            }
            return !dir.equals(start) && hidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink() && !followLinks) { // a folder's link too: it is not entered
              visitor.problem(
                  new SkippedFile(
                      asGiven.apply(file),
                      SkipReason.SYMLINK,
                      "symbolic link: not followed (clipsearch.images.follow-links-out-of-roots is off)"),
                  false);
            } else if (!ImageFiles.hasImageExtension(file)
                && !(attrs.isRegularFile() && ImageFiles.hasImageSignature(file))) {
              return FileVisitResult.CONTINUE;
            } else if (attrs.isRegularFile() && ImageFiles.renderedSibling(file).isPresent()) {
              // RAW+JPEG: one photo, indexed through the JPEG; the RAW is its companion
              return FileVisitResult.CONTINUE;
            } else if (attrs.isRegularFile()) {
              visitor.found(
                  new Found(
                      asGiven.apply(file), attrs.size(), attrs.lastModifiedTime().toMillis()));
            } else if (attrs
                .isSymbolicLink()) { // with FOLLOW_LINKS, only a link whose target is gone
              visitor.problem(
                  new SkippedFile(
                      asGiven.apply(file),
                      SkipReason.UNREADABLE,
                      "symbolic link to a missing file"),
                  false);
            }
            return stop.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              visitor.problem(
                  new SkippedFile(
                      asGiven.apply(file),
                      SkipReason.SYMLINK_LOOP,
                      "symbolic link back to an enclosing folder: not followed"),
                  true);
            } else if (!hidden(file)) {
              // a file that failed stat, or a folder that cannot be listed
              visitor.problem(
                  new SkippedFile(asGiven.apply(file), SkipReason.UNREADABLE, describe(e)),
                  Files.isDirectory(file) || e instanceof AccessDeniedException);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) { // the listing broke off part way
              visitor.problem(
                  new SkippedFile(asGiven.apply(dir), SkipReason.UNREADABLE, describe(e)), true);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  static String describe(IOException e) {
    return switch (e) {
      case AccessDeniedException a -> "permission denied";
      case NoSuchFileException n -> "vanished while scanning";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      default -> e.toString();
    };
  }
}
