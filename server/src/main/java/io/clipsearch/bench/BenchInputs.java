package io.clipsearch.bench;

import io.clipsearch.search.Modality;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SearchBenchmark} indexes and asks: unit document vectors (row {@code i} becomes
 * document {@code v<i>} in folder {@code i % }{@link SyntheticVectors#FOLDERS}) and sets of unit
 * queries with their exact neighbours (row numbers, best first), unfiltered and within the
 * benchmark's filter folder.
 *
 * @param description one line saying where the vectors came from
 * @param spaceId the vector space the benchmark indexes are tagged with (a re-used index must carry
 *     the same)
 * @param data document vectors, all of one dimension
 * @param querySets the query sets
 */
public record BenchInputs(
    String description, String spaceId, float[][] data, List<QuerySet> querySets) {

  public BenchInputs {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(spaceId, "spaceId");
    if (data.length == 0) {
      throw new IllegalArgumentException("no document vectors");
    }
    querySets = List.copyOf(querySets);
  }

  /** Vector dimension. */
  public int dimension() {
    return data[0].length;
  }

  /**
   * One kind of queries.
   *
   * @param kind name in the output ("clustered", "text", a file's name)
   * @param vectors unit query vectors
   * @param truth exact neighbours of each query, best first, at least as deep as the largest k
   * @param filteredTruth exact neighbours among the filter folder's documents
   */
  public record QuerySet(String kind, float[][] vectors, int[][] truth, int[][] filteredTruth) {
    public QuerySet {
      if (truth.length != vectors.length || filteredTruth.length != vectors.length) {
        throw new IllegalArgumentException(
            kind
                + ": "
                + vectors.length
                + " queries but "
                + truth.length
                + " / "
                + filteredTruth.length
                + " neighbour lists");
      }
    }

    /**
     * How the served search treats these queries: the generated "text" and "crossmodal" sets as
     * text queries (a wider beam in a large index), everything else, query files included, as
     * queries among the images (the beam the input contract documents).
     */
    public Modality modality() {
      return kind.equals("text") || kind.equals("crossmodal") ? Modality.TEXT : Modality.IMAGE;
    }
  }

  /** Whether row {@code i} is in the benchmark's filter folder (10% of rows). */
  public static boolean inFilter(int i) {
    return i % SyntheticVectors.FOLDERS == SearchBenchmark.FILTER_FOLDER;
  }
}
