package io.clipsearch.api;

import io.clipsearch.api.config.LimitsConfig;

/**
 * A window on a listing ({@code offset}, {@code limit} query parameters), validated once for every
 * listing endpoint against {@link LimitsConfig#maxK()}.
 *
 * @param offset entries to skip, 0 or more
 * @param limit entries to return, 1 to the configured maximum
 */
record PageRequest(int offset, int limit) {

  /** The page size when the request names none. */
  static final int DEFAULT_LIMIT = 100;

  /**
   * @param offset the requested offset, null for 0
   * @param limit the requested size, null for {@link #DEFAULT_LIMIT}
   * @throws IllegalArgumentException if the offset is negative or the limit outside 1 to {@code
   *     maxK}
   */
  static PageRequest of(Integer offset, Integer limit, LimitsConfig limits) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (from < 0 || size < 1 || size > limits.maxK()) {
      throw new IllegalArgumentException(
          "offset must be 0 or more and limit 1 to " + limits.maxK());
    }
    return new PageRequest(from, size);
  }
}
