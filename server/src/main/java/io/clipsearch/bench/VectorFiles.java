package io.clipsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads vector and neighbour files by their extension: {@code .npy} ({@link NpyFile}), {@code
 * .fvecs} and {@code .ivecs} ({@link VecsFile}). An unknown extension is an {@link IOException}
 * listing the known ones.
 */
public final class VectorFiles {

  private VectorFiles() {}

  /** Float32 vectors from {@code .npy} or {@code .fvecs}. */
  public static float[][] readFloats(Path file) throws IOException {
    return switch (extension(file)) {
      case "npy" -> NpyFile.readFloats(file);
      case "fvecs" -> VecsFile.readFloats(file);
      default -> throw new IOException(file + ": vectors must be a .npy (float32) or .fvecs file");
    };
  }

  /** Neighbour ids (row numbers of the vectors file) from {@code .npy} or {@code .ivecs}. */
  public static int[][] readInts(Path file) throws IOException {
    return switch (extension(file)) {
      case "npy" -> NpyFile.readInts(file);
      case "ivecs" -> VecsFile.readInts(file);
      default ->
          throw new IOException(
              file + ": neighbour ids must be a .npy (int32/int64) or" + " .ivecs file");
    };
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
