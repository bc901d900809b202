package io.clipsearch.bench;

import io.clipsearch.bench.BenchInputs.QuerySet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link BenchInputs} read from files ({@link VectorFiles}): the documents, one or more query
 * files, and optionally the exact neighbours of the first. Every vector is L2-normalized after
 * reading (the files are not changed), so similarity is cosine. Neighbours not given are computed
 * exactly and cached next to the queries ({@link GroundTruthCache}); the filtered ones always are.
 */
public final class FileInputs {

  private FileInputs() {}

  /**
   * @param truth exact neighbour ids (rows of {@code vectors}, best first) of the first query file,
   *     at least {@code maxK} deep
   * @throws IOException if a file cannot be read or is malformed
   * @throws IllegalArgumentException if dimensions or row counts do not match
   */
  public static BenchInputs load(
      Path vectors, List<Path> queries, Optional<Path> truth, int maxK, int threads)
      throws IOException {
    float[][] data = CosineRows.normalize(VectorFiles.readFloats(vectors), vectors.toString());
    List<QuerySet> sets = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Path file = queries.get(i);
      float[][] q = CosineRows.normalize(VectorFiles.readFloats(file), file.toString());
      if (q.length == 0 || q[0].length != data[0].length) {
        throw new IllegalArgumentException(
            file
                + ": queries of dimension "
                + (q.length == 0 ? 0 : q[0].length)
                + ", the vectors have "
                + data[0].length);
      }
      GroundTruthCache cache = new GroundTruthCache(vectors, file);
      int[][] plain;
      if (i == 0 && truth.isPresent()) {
        plain =
            checked(VectorFiles.readInts(truth.get()), truth.get(), q.length, data.length, maxK);
      } else {
        plain =
            cache.get(
                maxK, "", q.length, () -> ExactNeighbours.of(data, q, maxK, r -> true, threads));
      }
      int[][] filtered =
          cache.get(
              maxK,
              "f" + SearchBenchmark.FILTER_FOLDER + "of" + SyntheticVectors.FOLDERS,
              q.length,
              () -> ExactNeighbours.of(data, q, maxK, BenchInputs::inFilter, threads));
      String kind = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      sets.add(new QuerySet(kind, q, plain, filtered));
    }
    return new BenchInputs(
        String.format(
            Locale.ROOT,
            "%s: %,d vectors, dim %d",
            vectors.getFileName(),
            data.length,
            data[0].length),
        "bench-" + vectors.getFileName(),
        data,
        sets);
  }

  private static int[][] checked(int[][] truth, Path file, int queries, int rows, int maxK) {
    if (truth.length != queries) {
      throw new IllegalArgumentException(
          file + ": " + truth.length + " rows of neighbours for " + queries + " queries");
    }
    for (int[] t : truth) {
      if (t.length < Math.min(maxK, rows)) {
        throw new IllegalArgumentException(
            file + ": neighbours " + t.length + " deep; k " + maxK + " needs more (or lower --k)");
      }
      for (int id : t) {
        if (id < 0 || id >= rows) {
          throw new IllegalArgumentException(
              file + ": neighbour id " + id + " is not a row of the" + " " + rows + " vectors");
        }
      }
    }
    return truth;
  }
}
