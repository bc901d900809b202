package io.clipsearch.search;

import io.clipsearch.api.types.SearchLimits;

/**
 * Tuning of {@link SearchService}; {@link #DEFAULTS} is what the figures in docs were measured
 * with.
 *
 * @param oversample kNN candidates per wanted result (at least 100 in all), re-scored exactly
 *     for quantized formats, 1-20
 * @param rrfK reciprocal rank fusion constant, >= 0
 * @param vectorWeight RRF weight of the vector ranking, >= 0
 * @param textWeight RRF weight of the BM25 name ranking, >= 0
 * @param cutoffZ background σ above the median for a confident hit, 0-10
 * @param backgroundSample stored vectors scored to calibrate the threshold, 16-100000
 * @param minCandidates documents ranked at least, so "N confident matches" can count past one
 *     page, 1..{@link SearchLimits#MAX_RESULTS}
 */
public record SearchSettings(int oversample, int rrfK, double vectorWeight, double textWeight,
    double cutoffZ, int backgroundSample, int minCandidates) {

  /** kNN over-fetch for quantized formats; see the benchmark figures in docs. */
  static final int DEFAULT_OVERSAMPLE = 4;

  public static final SearchSettings DEFAULTS = new SearchSettings(DEFAULT_OVERSAMPLE,
      RankFusion.DEFAULT_K, 1.0, 1.0, RelevanceCutoff.DEFAULT_Z, RelevanceCutoff.DEFAULT_SAMPLE, 200);

  /** @throws IllegalArgumentException naming the first value out of range */
  public SearchSettings {
    if (vectorWeight < 0 || textWeight < 0 || !Double.isFinite(vectorWeight + textWeight)) {
      throw new IllegalArgumentException(
          "RRF weights must be finite and >= 0, got " + vectorWeight + " and " + textWeight);
    }
    if (minCandidates < 1 || minCandidates > SearchLimits.MAX_RESULTS) {
      throw new IllegalArgumentException(
          "minCandidates must be 1-" + SearchLimits.MAX_RESULTS + ", got " + minCandidates);
    }
    // the other ranges are checked by the classes they configure, at service construction
  }
}
