package io.clipsearch.cluster;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.model.Vectors;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds groups of near-duplicate images through the backend's kNN search, not all pairs.
 *
 * <p>Strategy: one kNN query of {@link #NEIGHBOURS} per image; every neighbour whose exact cosine
 * (re-computed from the full-precision vectors, so quantized indexes give the same answer) reaches
 * the threshold is linked to it, and linked images form a group (union-find, so a group can be
 * larger than the neighbour count). O(n log n) queries in all instead of n² comparisons.
 *
 * <p>Keep suggestion: the most pixels (the original rather than a downscaled copy), then the
 * largest file (least compressed re-encode), then the earliest date (the first shot of a burst),
 * then the path. Sharpness is not measured: the pixel count and file size already single out the
 * best copy of re-encodes and resizes, and burst shots that differ in focus rarely pass a 0.95
 * cosine threshold.
 *
 * <p>Thread-safe (no state); the index is only read.
 */
public final class DuplicateFinder {

  public static final double DEFAULT_THRESHOLD = 0.95;
  static final int NEIGHBOURS = 10;

  static final Comparator<IndexedImage> BEST_FIRST =
      Comparator.comparingLong(IndexedImage::pixels)
          .reversed()
          .thenComparing(Comparator.comparingLong(IndexedImage::size).reversed())
          .thenComparingLong(IndexedImage::dateMillis)
          .thenComparing(IndexedImage::path);

  private final double threshold;

  /**
   * @throws IllegalArgumentException if {@code threshold} is not in (0, 1]
   */
  public DuplicateFinder(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    this.threshold = threshold;
  }

  /**
   * The groups, largest first.
   *
   * @throws IOException if the index cannot be read
   */
  public List<DuplicateGroup> find(SearchBackend backend) throws IOException {
    try (SearchSession session = backend.session()) { // one view for the listing and every kNN
      return find(session);
    }
  }

  private List<DuplicateGroup> find(SearchSession session) throws IOException {
    Map<Path, Integer> position = new HashMap<>();
    List<ImageDoc> docs = new ArrayList<>();
    session.forEach(
        d -> {
          position.put(d.path(), docs.size());
          docs.add(d);
        });
    int[] parent = new int[docs.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < docs.size(); i++) {
      float[] v = docs.get(i).vector();
      for (ScoredImage hit : session.nearest(v, NEIGHBOURS, SearchFilters.NONE)) {
        Integer j = position.get(hit.path());
        if (j != null && j != i && Vectors.dot(v, docs.get(j).vector()) >= threshold) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    return groups(docs, parent);
  }

  private static List<DuplicateGroup> groups(List<ImageDoc> docs, int[] parent) {
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      byRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    }
    List<DuplicateGroup> out = new ArrayList<>();
    for (List<Integer> members : byRoot.values()) {
      if (members.size() < 2) {
        continue;
      }
      List<Integer> ranked =
          members.stream()
              .sorted(Comparator.comparing((Integer i) -> image(docs.get(i)), BEST_FIRST))
              .toList();
      float[] keepVector = docs.get(ranked.getFirst()).vector();
      List<DuplicateGroup.Member> list = new ArrayList<>();
      for (int i : ranked) {
        list.add(
            new DuplicateGroup.Member(
                image(docs.get(i)), Vectors.dot(keepVector, docs.get(i).vector())));
      }
      IndexedImage keep = list.getFirst().image();
      out.add(new DuplicateGroup(keep, list));
    }
    out.sort(
        Comparator.comparingInt((DuplicateGroup g) -> -g.members().size())
            .thenComparing(g -> g.keep().path()));
    return out;
  }

  private static IndexedImage image(ImageDoc d) {
    return new IndexedImage(
        d.id(), d.path().toString(), d.width(), d.height(), d.size(), d.dateMillis());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
