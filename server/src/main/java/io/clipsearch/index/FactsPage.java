package io.clipsearch.index;

import java.util.Comparator;
import java.util.List;

/**
 * One page of a listing of documents, without their vectors, and how many the whole listing holds.
 *
 * @param facts the page's documents, in the listing's order
 * @param total documents in the whole listing
 */
public record FactsPage(List<ImageFacts> facts, long total) {

  /** The order of a browsing listing: date taken (else modified), newest first; ties by path. */
  public static final Comparator<ImageFacts> NEWEST_FIRST =
      Comparator.comparingLong(ImageFacts::dateMillis).reversed().thenComparing(ImageFacts::path);

  public FactsPage {
    facts = List.copyOf(facts);
  }

  /**
   * The page of {@code all} from {@code offset} in {@link #NEWEST_FIRST} order; sorts {@code all}
   * in place. {@code total} is its size.
   */
  public static FactsPage newestFirst(List<ImageFacts> all, int offset, int limit) {
    return sorted(all, NEWEST_FIRST, offset, limit);
  }

  /** The page of {@code all} from {@code offset} in {@code order}; sorts {@code all} in place. */
  public static FactsPage sorted(
      List<ImageFacts> all, Comparator<ImageFacts> order, int offset, int limit) {
    all.sort(order);
    int from = Math.min(offset, all.size());
    return new FactsPage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
  }
}
