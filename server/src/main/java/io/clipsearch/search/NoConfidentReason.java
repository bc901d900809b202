package io.clipsearch.search;

import java.util.Locale;

/** Why a search has no confident match, so a client can say the right thing. */
public enum NoConfidentReason {
  /** The collection holds no photo yet. */
  EMPTY,
  /** The filters leave no photo (a query cannot help; other filters can). */
  FILTERED,
  /** Photos pass the filters, but none is a match the model is confident of. */
  NOT_CONFIDENT;

  /**
   * @param nothingRanked whether the search ranked no photo at all
   * @param filtered whether the request has filters
   * @param namesOnly whether only names were searched (keyword mode ranks nothing without a match)
   */
  static NoConfidentReason of(boolean nothingRanked, boolean filtered, boolean namesOnly) {
    if (!nothingRanked || namesOnly && !filtered) {
      return NOT_CONFIDENT;
    }
    return filtered ? FILTERED : EMPTY;
  }

  /** The lower-case name used in the API ({@code "empty"}, {@code "filtered"}, …). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
