package io.clipsearch.cluster;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The distinct images of an index and their vectors, read from one searcher (a consistent
 * snapshot). Copies of one file share a content id and a vector: only the first is kept, so every
 * image counts once in clusters and on the map. Immutable by convention: the arrays are not copied
 * (they can be large), and no one writes to them.
 *
 * @param modelId the index's model
 * @param documents live documents in the index (copies included): the staleness check
 * @param images one per distinct content id
 * @param vectors the L2-normalized vector of each image, same order
 */
public record CollectionSnapshot(
    String modelId, long documents, List<IndexedImage> images, float[][] vectors) {

  /**
   * @throws IllegalArgumentException if images and vectors differ in count
   */
  public CollectionSnapshot {
    Objects.requireNonNull(modelId, "modelId");
    images = List.copyOf(images);
    if (images.size() != vectors.length) {
      throw new IllegalArgumentException(
          images.size() + " images but " + vectors.length + " vectors");
    }
  }

  /**
   * Reads every live document of the index, in one session of its read side.
   *
   * @throws IOException if the index cannot be read
   */
  public static CollectionSnapshot read(ImageIndex index, SearchBackend backend)
      throws IOException {
    List<IndexedImage> images = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int[] documents = {0};
    try (SearchSession session = backend.session()) {
      session.forEach(
          d -> {
            documents[0]++;
            if (seen.add(d.id())) {
              images.add(
                  new IndexedImage(
                      d.id(),
                      d.path().toString(),
                      d.width(),
                      d.height(),
                      d.size(),
                      d.dateMillis()));
              vectors.add(d.vector());
            }
          });
    }
    return new CollectionSnapshot(
        index.space().modelId(), documents[0], images, vectors.toArray(float[][]::new));
  }

  public int size() {
    return images.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CollectionSnapshot c
        && modelId.equals(c.modelId)
        && documents == c.documents
        && images.equals(c.images)
        && Arrays.deepEquals(vectors, c.vectors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, documents, images);
  }

  @Override
  public String toString() {
    return "CollectionSnapshot[" + modelId + ", " + images.size() + " images]";
  }
}
