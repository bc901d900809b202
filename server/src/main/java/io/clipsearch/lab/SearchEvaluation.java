package io.clipsearch.lab;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures the search people get: each judged query goes through the served pipeline ({@link
 * HybridSearch}: query language, kNN, keywords, fusion, calibrated cutoff) in every variant, and
 * the ranking is scored against the relevance judgments ({@link RankingMetrics}), plus the
 * precision and recall of the set the cutoff marks confident. Results are asked for with the cutoff
 * off (every hit returned and marked), the first {@link #DEPTH}: recall and the confident set are
 * counted within them.
 *
 * <p>Not thread-safe during {@link #run}; the services are used read-only.
 */
public final class SearchEvaluation {

  /** One way of searching: a service (its settings) and a mode, under a name for the table. */
  public record Variant(String name, HybridSearch service, SearchMode mode) {

    /** The service's own settings in a mode, named after the mode ({@code hybrid}). */
    public static Variant of(HybridSearch service, SearchMode mode) {
      return new Variant(mode.name().toLowerCase(Locale.ROOT), service, mode);
    }
  }

  /** Results scored per query: enough for R@100 and for a class's confident set. */
  public static final int DEPTH = 200;

  private final RelevanceKeys keys;

  public SearchEvaluation(RelevanceKeys keys) {
    this.keys = keys;
  }

  /**
   * Runs every query in every variant.
   *
   * @throws IllegalArgumentException if a query is malformed
   */
  public SearchEvalResult run(
      String name, List<JudgedQuery> queries, List<Variant> variants, Consumer<Progress> progress)
      throws IOException, ImageDecodeException {
    int depth = Math.max(1, Math.min(DEPTH, keys.size()));
    List<SearchEvalResult.QueryFigures> perQuery = new ArrayList<>();
    List<SearchEvalResult.VariantFigures> rows = new ArrayList<>();
    long start = System.nanoTime();
    int done = 0;
    for (Variant v : variants) {
      List<SearchEvalResult.QueryFigures> own = new ArrayList<>();
      for (JudgedQuery q : queries) {
        SearchResponse r =
            v.service()
                .search(
                    SearchRequest.of(q.query())
                        .withMode(v.mode())
                        .withCutoff(null, false)
                        .withPage(0, depth));
        own.add(score(v.name(), q, r.hits()));
        progress.accept(
            new Progress(++done, queries.size() * variants.size(), System.nanoTime() - start));
      }
      rows.add(SearchEvalResult.VariantFigures.mean(v.name(), own));
      perQuery.addAll(own);
    }
    return new SearchEvalResult(name, queries.size(), keys.size(), rows, perQuery);
  }

  private SearchEvalResult.QueryFigures score(String variant, JudgedQuery q, List<SearchHit> hits) {
    boolean[] relevant = new boolean[hits.size()];
    int confident = 0;
    int confidentRelevant = 0;
    for (int i = 0; i < hits.size(); i++) {
      relevant[i] = keys.relevant(Path.of(hits.get(i).path()), q);
      if (hits.get(i).confident()) {
        confident++;
        confidentRelevant += relevant[i] ? 1 : 0;
      }
    }
    int total = keys.relevantCount(q);
    return new SearchEvalResult.QueryFigures(
        variant,
        q.query(),
        total,
        RankingMetrics.precisionAt(relevant, 1),
        RankingMetrics.precisionAt(relevant, 5),
        RankingMetrics.precisionAt(relevant, 10),
        RankingMetrics.recallAt(relevant, 10, total),
        RankingMetrics.recallAt(relevant, 100, total),
        RankingMetrics.ndcgAt(relevant, 10, total),
        RankingMetrics.reciprocalRank(relevant),
        confident,
        confident == 0 ? Double.NaN : (double) confidentRelevant / confident,
        total == 0 ? 0 : (double) confidentRelevant / total);
  }
}
