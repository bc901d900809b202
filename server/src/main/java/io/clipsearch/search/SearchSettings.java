package io.clipsearch.search;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.model.MatchCalibration;
import io.clipsearch.model.ModelInfo;

/**
 * Tuning of {@link HybridSearch}; {@link #DEFAULTS} is what the figures in docs were measured with.
 *
 * @param oversample kNN candidates per wanted result (at least 100 in all), re-scored exactly for
 *     quantized formats, 1-20
 * @param rrfK reciprocal rank fusion constant, >= 0
 * @param vectorWeight RRF weight of the vector ranking, >= 0
 * @param textWeight RRF weight of the BM25 name ranking, >= 0
 * @param cutoffZ background σ above the median for a confident hit, 0-10
 * @param backgroundSample stored vectors scored to calibrate the threshold, 16-100000
 * @param minCandidates documents ranked at least, so "N confident matches" can count past one page,
 *     1..{@link SearchLimits#MAX_RESULTS}
 * @param matchFloor the cosine below which no visual hit is confident, whatever the background
 *     cutoff says (the model's {@link MatchCalibration}), -1..1; -1 for none
 */
public record SearchSettings(
    int oversample,
    int rrfK,
    double vectorWeight,
    double textWeight,
    double cutoffZ,
    int backgroundSample,
    int minCandidates,
    double matchFloor) {

  /** kNN over-fetch for quantized formats; see the benchmark figures in docs. */
  static final int DEFAULT_OVERSAMPLE = 4;

  public static final SearchSettings DEFAULTS =
      new SearchSettings(
          DEFAULT_OVERSAMPLE,
          RankFusion.DEFAULT_K,
          1.0,
          1.0,
          RelevanceCutoff.DEFAULT_Z,
          RelevanceCutoff.DEFAULT_SAMPLE,
          200,
          -1);

  /**
   * @throws IllegalArgumentException naming the first value out of range
   */
  public SearchSettings {
    if (vectorWeight < 0 || textWeight < 0 || !Double.isFinite(vectorWeight + textWeight)) {
      throw new IllegalArgumentException(
          "RRF weights must be finite and >= 0, got " + vectorWeight + " and " + textWeight);
    }
    if (minCandidates < 1 || minCandidates > SearchLimits.MAX_RESULTS) {
      throw new IllegalArgumentException(
          "minCandidates must be 1-" + SearchLimits.MAX_RESULTS + ", got " + minCandidates);
    }
    if (!(matchFloor >= -1 && matchFloor <= 1)) {
      throw new IllegalArgumentException("matchFloor must be -1..1, got " + matchFloor);
    }
    // the other ranges are checked by the classes they configure, at service construction
  }

  /** These settings with the model's calibrated floor, if it has one. */
  public SearchSettings calibratedFor(ModelInfo model) {
    return withMatchFloor(model.calibration().map(MatchCalibration::minCosine).orElse(-1.0));
  }

  /** These settings with another background cutoff z. */
  public SearchSettings withCutoffZ(double z) {
    return new SearchSettings(
        oversample, rrfK, vectorWeight, textWeight, z, backgroundSample, minCandidates, matchFloor);
  }

  /** These settings with another {@code matchFloor}. */
  public SearchSettings withMatchFloor(double floor) {
    return new SearchSettings(
        oversample,
        rrfK,
        vectorWeight,
        textWeight,
        cutoffZ,
        backgroundSample,
        minCandidates,
        floor);
  }
}
