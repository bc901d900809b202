package io.clipsearch.lab;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of a search evaluation ({@link SearchEvaluation}): mean figures per variant and the
 * figures of every query. Immutable.
 *
 * @param name what was evaluated (the queries file)
 * @param queries judged queries
 * @param images indexed images
 * @param variants mean figures per variant, in the order run
 * @param perQuery figures of every query in every variant
 */
public record SearchEvalResult(
    String name,
    int queries,
    int images,
    List<VariantFigures> variants,
    List<QueryFigures> perQuery) {

  public SearchEvalResult {
    variants = List.copyOf(variants);
    perQuery = List.copyOf(perQuery);
  }

  /**
   * One query's figures in one variant.
   *
   * @param relevant relevant images in the collection
   * @param confident hits the cutoff marked confident
   * @param confidentPrecision relevant share of the confident hits (NaN when there are none)
   * @param confidentRecall share of the relevant images marked confident
   */
  public record QueryFigures(
      String variant,
      String query,
      int relevant,
      double p1,
      double p5,
      double p10,
      double r10,
      double r100,
      double ndcg10,
      double mrr,
      int confident,
      double confidentPrecision,
      double confidentRecall) {}

  /**
   * Means over the queries of one variant; {@code confidentPrecision} over the queries with at
   * least one confident hit (NaN if none had one), {@code noConfident} counts the others.
   */
  public record VariantFigures(
      String variant,
      double p1,
      double p5,
      double p10,
      double r10,
      double r100,
      double ndcg10,
      double mrr,
      double meanConfident,
      double confidentPrecision,
      double confidentRecall,
      int noConfident) {

    static VariantFigures mean(String variant, List<QueryFigures> qs) {
      List<QueryFigures> withConfident = qs.stream().filter(q -> q.confident() > 0).toList();
      return new VariantFigures(
          variant,
          avg(qs, QueryFigures::p1),
          avg(qs, QueryFigures::p5),
          avg(qs, QueryFigures::p10),
          avg(qs, QueryFigures::r10),
          avg(qs, QueryFigures::r100),
          avg(qs, QueryFigures::ndcg10),
          avg(qs, QueryFigures::mrr),
          avg(qs, QueryFigures::confident),
          withConfident.isEmpty()
              ? Double.NaN
              : avg(withConfident, QueryFigures::confidentPrecision),
          avg(qs, QueryFigures::confidentRecall),
          qs.size() - withConfident.size());
    }

    private static double avg(List<QueryFigures> qs, ToDoubleFunction<QueryFigures> f) {
      return qs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
  }

  /** The table of means per variant, one line per variant, as printed by the CLI. */
  public String table() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: %d queries, %d images%n%-16s %6s %6s %6s %6s %6s %7s %6s %7s %6s %6s %5s%n",
                name,
                queries,
                images,
                "variant",
                "P@1",
                "P@5",
                "P@10",
                "R@10",
                "R@100",
                "nDCG10",
                "MRR",
                "conf#",
                "confP",
                "confR",
                "none"));
    for (VariantFigures v : variants) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-16s %6.3f %6.3f %6.3f %6.3f %6.3f %7.3f %6.3f %7.1f %6.3f %6.3f %5d%n",
              v.variant(),
              v.p1(),
              v.p5(),
              v.p10(),
              v.r10(),
              v.r100(),
              v.ndcg10(),
              v.mrr(),
              v.meanConfident(),
              v.confidentPrecision(),
              v.confidentRecall(),
              v.noConfident()));
    }
    return out.toString();
  }
}
