package io.clipsearch.bench;

import io.clipsearch.bench.BenchInputs.QuerySet;
import io.clipsearch.model.ClipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@link BenchInputs} generated in memory: {@code n} {@link SyntheticVectors} documents, held-out
 * queries of the same clusters ("clustered"), cross-modal-like ones ({@link
 * SyntheticVectors#nextCrossModal}, "crossmodal"), and with a model its text embeddings of
 * generated prompts ("text": off the image vectors' distribution); exact neighbours by brute force.
 */
public final class SyntheticInputs {

  private SyntheticInputs() {}

  /**
   * @param model optional: adds the "text" query set
   * @throws IllegalArgumentException if the model's dimension is not {@code dim}
   */
  public static BenchInputs generate(
      int n, int dim, int queries, long seed, Optional<ClipModel> model, int maxK, int threads) {
    int clusters = SyntheticVectors.clustersFor(n);
    SyntheticVectors synthetic = new SyntheticVectors(dim, clusters, seed);
    float[][] data = synthetic.next(n);
    List<QuerySet> sets = new ArrayList<>();
    sets.add(withTruth("clustered", synthetic.next(queries), data, maxK, threads));
    sets.add(withTruth("crossmodal", synthetic.nextCrossModal(queries), data, maxK, threads));
    if (model.isPresent()) {
      if (model.get().dimension() != dim) {
        throw new IllegalArgumentException(
            "the model's dimension is "
                + model.get().dimension()
                + ", the benchmark's "
                + dim
                + ": pass --dim "
                + model.get().dimension());
      }
      sets.add(withTruth("text", textQueries(model.get(), queries), data, maxK, threads));
    }
    return new BenchInputs(
        String.format(
            Locale.ROOT,
            "%,d synthetic vectors, dim %d, %d clusters, seed %d",
            n,
            dim,
            clusters,
            seed),
        "bench-synthetic-" + seed,
        data,
        sets);
  }

  /** The model's text embeddings of {@code n} distinct generated prompts. */
  public static float[][] textQueries(ClipModel model, int n) {
    List<String> prompts =
        IntStream.range(0, n).mapToObj(q -> "a photo of thing number " + q + " at sunset").toList();
    return model.embedTexts(prompts).toArray(float[][]::new);
  }

  static QuerySet withTruth(String kind, float[][] queries, float[][] data, int k, int threads) {
    return new QuerySet(
        kind,
        queries,
        ExactNeighbours.of(data, queries, k, i -> true, threads),
        ExactNeighbours.of(data, queries, k, BenchInputs::inFilter, threads));
  }
}
