package io.clipsearch.model.hub;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The install side of a pull: bytes go to {@code <file>.part} and only a checked file is moved into
 * place, atomically where the file system can; before anything is fetched, the free space is
 * checked against what is still missing. Stateless.
 */
final class PartFiles {

  private PartFiles() {}

  /** Where {@code target}'s bytes go until they are checked. */
  static Path partOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  /** Moves a checked {@code part} over {@code target}: atomically, else as a plain replace. */
  static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The bytes still to fetch for {@code files} into {@code dir}: all of a file not in place at its
   * size, less what its {@code .part} already holds.
   */
  static long bytesMissing(Path dir, List<HubFile> files) throws IOException {
    long needed = 0;
    for (HubFile f : files) {
      Path target = dir.resolve(f.path());
      if (!(Files.isRegularFile(target) && Files.size(target) == f.size())) {
        Path part = partOf(target);
        needed += f.size() - (Files.isRegularFile(part) ? Math.min(Files.size(part), f.size()) : 0);
      }
    }
    return needed;
  }

  /**
   * @throws ModelDownloadException if the target's file system has less free space than the files
   *     still need
   * @throws IOException if the folder cannot be read
   */
  static void checkFreeSpace(PullTarget target, List<HubFile> files)
      throws IOException, ModelDownloadException {
    long needed = bytesMissing(target.dir(), files);
    long usable = Files.getFileStore(target.dir()).getUsableSpace();
    if (needed > usable) {
      throw new ModelDownloadException(
          Reason.LOCAL_IO,
          String.format(
              Locale.ROOT,
              "%s needs %.1f MB more in %s but only %.1f MB are free",
              target.model().name(),
              needed / 1e6,
              target.dir(),
              usable / 1e6));
    }
  }
}
