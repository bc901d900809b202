package io.clipsearch.model.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a models folder holds: which model folders, and how complete each is. Reads only; the state
 * of a folder is read anew on every call, as a pull or a person may change it any time. Stateless
 * and thread-safe.
 */
public final class ModelShelf {

  /** How complete a model folder is. */
  public enum Completeness {
    /** No folder. */
    ABSENT,
    /** A folder lacking files {@link ModelLayout} requires, or holding unfinished downloads. */
    PARTIAL,
    /** Every required file there, no download unfinished. */
    PRESENT
  }

  /**
   * @param completeness how complete the folder is
   * @param bytesOnDisk the size of every file in it, unfinished downloads included
   */
  public record FolderState(Completeness completeness, long bytesOnDisk) {}

  private ModelShelf() {}

  /**
   * The state of one model folder.
   *
   * @throws UncheckedIOException if the folder cannot be read
   */
  public static FolderState state(Path folder) {
    if (!Files.isDirectory(folder)) {
      return new FolderState(Completeness.ABSENT, 0);
    }
    long bytes = 0;
    boolean unfinished = false;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(f);
        unfinished |= f.getFileName().toString().endsWith(".part");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    boolean complete = !unfinished && ModelLayout.missingFiles(folder).isEmpty();
    return new FolderState(complete ? Completeness.PRESENT : Completeness.PARTIAL, bytes);
  }

  /**
   * The folders directly in {@code modelsDir} that hold any file (hidden ones left out), sorted by
   * name; empty if it does not exist.
   *
   * @throws UncheckedIOException if it cannot be listed
   */
  public static List<Path> folders(Path modelsDir) {
    if (!Files.isDirectory(modelsDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(modelsDir)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> state(d).bytesOnDisk() > 0 && !d.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + modelsDir + ": " + e.getMessage(), e);
    }
  }
}
