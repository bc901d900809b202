package io.clipsearch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the visual and keyword rankings become one, per {@link SearchMode}; the rules and the figures
 * that chose them are in {@code docs/SEARCH.md}.
 *
 * <ul>
 *   <li>{@link SearchMode#VECTOR}: the visual ranking. {@link SearchMode#KEYWORD}: the BM25
 *       ranking.
 *   <li>{@link SearchMode#HYBRID}, identifier query ({@link IdentifierQuery}): the images whose
 *       name, folder or camera hold every query term, in BM25 order, then the visual ranking.
 *   <li>{@link SearchMode#HYBRID}, any other query: weighted reciprocal rank fusion of the visual
 *       ranking and the images whose name, folder or camera hold every query term. Tags and partial
 *       name matches take no part, so where no name matches (camera-style names) the result is
 *       exactly the visual ranking: never worse than it.
 * </ul>
 *
 * <p>Immutable, thread-safe.
 */
public final class FusionPolicy {

  private final RankFusion rrf;
  private final double vectorWeight;
  private final double textWeight;

  public FusionPolicy(RankFusion rrf, double vectorWeight, double textWeight) {
    this.rrf = rrf;
    this.vectorWeight = vectorWeight;
    this.textWeight = textWeight;
  }

  /**
   * The fused ranking, best first, each key once.
   *
   * @param byVector the visual ranking
   * @param byKeyword the BM25 ranking (any term, tags included)
   * @param named the part of {@code byKeyword} whose name, folder, XMP words or camera hold every
   *     term
   */
  public <K> List<K> rank(
      SearchMode mode, boolean identifier, List<K> byVector, List<K> byKeyword, List<K> named) {
    return switch (mode) {
      case VECTOR -> byVector;
      case KEYWORD -> byKeyword;
      case HYBRID ->
          named.isEmpty()
              ? byVector
              : identifier
                  ? concat(named, byVector)
                  : rrf.fuse(List.of(byVector, named), List.of(vectorWeight, textWeight)).stream()
                      .map(RankFusion.Fused::key)
                      .toList();
    };
  }

  private static <K> List<K> concat(List<K> first, List<K> then) {
    Set<K> out = new LinkedHashSet<>(first);
    out.addAll(then);
    return new ArrayList<>(out);
  }
}
