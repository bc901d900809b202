package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a collection's {@link ClusterState} up to date with a snapshot of its index.
 *
 * <p>Incremental policy. A full fit (k chosen by {@link KSelector} unless given, then {@link
 * SphericalKMeans}) happens when there is no previous state, the model changed, another k is asked
 * for, or a re-fit is forced. Otherwise images new to the state are assigned to their nearest
 * existing centroid and removed ones forgotten, the centroids staying as they are, unless
 *
 * <ul>
 *   <li>images added plus removed since the last fit exceed {@link ClusterSettings#refitFraction}
 *       of the images fitted (the centroids no longer describe the collection), or
 *   <li>the new images' mean cosine to their centroid is more than {@link
 *       ClusterSettings#driftTolerance} below the fit's cohesion (a new subject arrived that no
 *       cluster covers),
 * </ul>
 *
 * in which case it re-fits. Adding a few photos of known subjects is thus a cheap nearest-centroid
 * pass; a new trip's worth of photos re-fits. Summaries (sizes, labels, representatives) are
 * recomputed every time, which is cheap.
 *
 * <p>Thread-safe (no mutable state).
 */
public final class ClusterUpdater {

  private final ZeroShotLabeler labeler;
  private final ClusterSettings settings;

  public ClusterUpdater(ZeroShotLabeler labeler, ClusterSettings settings) {
    this.labeler = Objects.requireNonNull(labeler, "labeler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param snapshot the index now
   * @param previous the last state, if any
   * @param k clusters wanted, or 0 to choose automatically
   * @param refit fit from scratch whatever the policy says
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public ClusterState update(
      CollectionSnapshot snapshot, Optional<ClusterState> previous, int k, boolean refit) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0 (0: automatic), got " + k);
    }
    Optional<ClusterState> usable =
        previous.filter(
            p ->
                !refit
                    && p.modelId().equals(snapshot.modelId())
                    && p.requestedK() == k
                    && p.centroids().length > 0);
    if (usable.isPresent()) {
      Optional<ClusterState> updated = incremental(snapshot, usable.get());
      if (updated.isPresent()) {
        return updated.get();
      }
    }
    return fit(snapshot, k);
  }

  /** A full fit. */
  ClusterState fit(CollectionSnapshot snapshot, int k) {
    float[][] vectors = snapshot.vectors();
    if (vectors.length == 0) {
      return new ClusterState(
          snapshot.modelId(),
          snapshot.documents(),
          0,
          k,
          null,
          0,
          new float[0][],
          Map.of(),
          List.of());
    }
    Double silhouette = null;
    int chosen = Math.min(k, vectors.length);
    if (k == 0) {
      KSelector.Choice choice = new KSelector(settings.seed()).choose(vectors);
      chosen = choice.k();
      silhouette = Double.isNaN(choice.silhouette()) ? null : choice.silhouette();
    }
    Partition p = new SphericalKMeans(settings.seed()).fit(vectors, chosen);
    float[][] centroids = p.centroids();
    int[] assignment = p.assignment();
    Map<String, Integer> assignments = new HashMap<>();
    double cohesion = 0;
    for (int i = 0; i < vectors.length; i++) {
      assignments.put(snapshot.images().get(i).id(), assignment[i]);
      cohesion += Vectors.dot(vectors[i], centroids[assignment[i]]);
    }
    cohesion /= vectors.length;
    return new ClusterState(
        snapshot.modelId(),
        snapshot.documents(),
        vectors.length,
        k,
        silhouette,
        cohesion,
        centroids,
        assignments,
        summaries(snapshot, centroids, assignments));
  }

  private Optional<ClusterState> incremental(CollectionSnapshot snapshot, ClusterState previous) {
    float[][] centroids = previous.centroids();
    Map<String, Integer> old = previous.assignments();
    Map<String, Integer> assignments = new HashMap<>();
    int added = 0;
    double addedCohesion = 0;
    for (int i = 0; i < snapshot.size(); i++) {
      String id = snapshot.images().get(i).id();
      Integer c = old.get(id);
      if (c == null) {
        c = UnitVectors.nearest(snapshot.vectors()[i], centroids);
        addedCohesion += Vectors.dot(snapshot.vectors()[i], centroids[c]);
        added++;
      }
      assignments.put(id, c);
    }
    int removed = old.size() - (assignments.size() - added);
    if (added + removed > settings.refitFraction() * previous.fittedImages()) {
      return Optional.empty();
    }
    if (added > 0 && addedCohesion / added < previous.cohesion() - settings.driftTolerance()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClusterState(
            previous.modelId(),
            snapshot.documents(),
            previous.fittedImages(),
            previous.requestedK(),
            previous.silhouette(),
            previous.cohesion(),
            centroids,
            assignments,
            summaries(snapshot, centroids, assignments)));
  }

  private List<ClusterSummary> summaries(
      CollectionSnapshot snapshot, float[][] centroids, Map<String, Integer> assignments) {
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < snapshot.size(); i++) {
      members.get(assignments.get(snapshot.images().get(i).id())).add(i);
    }
    List<ClusterSummary> out = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      float[] centroid = centroids[c];
      List<IndexedImage> nearest =
          members.get(c).stream()
              .sorted(
                  Comparator.comparingDouble(
                      (Integer i) -> -Vectors.dot(snapshot.vectors()[i], centroid)))
              .limit(settings.representatives())
              .map(snapshot.images()::get)
              .toList();
      if (!members.get(c).isEmpty()) {
        out.add(
            new ClusterSummary(
                c,
                members.get(c).size(),
                labeler.top(centroid, settings.labelsPerCluster()),
                nearest));
      }
    }
    out.sort(
        Comparator.comparingInt(ClusterSummary::size)
            .reversed()
            .thenComparingInt(ClusterSummary::cluster));
    return out;
  }
}
