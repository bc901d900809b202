package io.clipsearch.ingest;

import io.clipsearch.model.image.ImageFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
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
import java.util.function.BooleanSupplier;

/**
 * Walks a root folder for image files, by stat alone (no file is opened).
 *
 * <p>Symbolic links are followed, so a linked folder of photos is indexed, and Java's walk detects
 * a link leading back to a folder being walked, reported as {@link SkipReason#SYMLINK_LOOP}
 * instead of looping. Hidden files and folders (names starting with a dot) are skipped, as {@link
 * ImageFiles#list} does. A folder or file that cannot be read is reported and the walk goes on.
 * Stateless and thread-safe.
 */
final class FileScanner {

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
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (stop.getAsBoolean()) {
              return FileVisitResult.TERMINATE;
            }
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file) || !ImageFiles.hasImageExtension(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
              visitor.found(new Found(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
            } else if (attrs.isSymbolicLink()) { // with FOLLOW_LINKS, only a link whose target is gone
              visitor.problem(new SkippedFile(file, SkipReason.UNREADABLE,
                  "symbolic link to a missing file"), false);
            }
            return stop.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              visitor.problem(new SkippedFile(file, SkipReason.SYMLINK_LOOP,
                  "symbolic link back to an enclosing folder: not followed"), true);
            } else if (!hidden(file)) {
              // a file that failed stat, or a folder that cannot be listed
              visitor.problem(new SkippedFile(file, SkipReason.UNREADABLE, describe(e)),
                  Files.isDirectory(file) || e instanceof AccessDeniedException);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) { // the listing broke off part way
              visitor.problem(new SkippedFile(dir, SkipReason.UNREADABLE, describe(e)), true);
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
      default -> e.toString();
    };
  }
}
