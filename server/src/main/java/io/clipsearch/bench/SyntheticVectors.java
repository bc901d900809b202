package io.clipsearch.bench;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.model.Vectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clustered unit vectors standing in for a photo collection's embeddings at scales no sample set
 * reaches (100k, 1M): Gaussian cluster centres on the sphere, members scattered around them.
 * Deterministic for a seed. Not thread-safe (one {@link Random}).
 */
public final class SyntheticVectors {

  /**
   * Folders the synthetic documents are spread over, so folder filters have something to select.
   */
  public static final int FOLDERS = 10;

  /** How close a cross-modal query lies to its cluster's centre (cosine). */
  static final double CROSS_MODAL_CENTRE_COSINE = 0.35;

  private final Random random;
  private final float[][] centres;

  /**
   * @param dim vector dimension
   * @param clusters cluster count
   * @param seed random seed
   */
  public SyntheticVectors(int dim, int clusters, long seed) {
    this.random = new Random(seed);
    this.centres = new float[clusters][];
    for (int c = 0; c < clusters; c++) {
      centres[c] = gaussianUnit(dim);
    }
  }

  /** A cluster count that grows with the collection: about 100 members each, at most 1,000. */
  public static int clustersFor(int vectors) {
    return Math.max(1, Math.min(1000, vectors / 100));
  }

  /** {@code n} vectors from random clusters. */
  public float[][] next(int n) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = around(centres[random.nextInt(centres.length)]);
    }
    return out;
  }

  /**
   * {@code n} text-like queries: each a random cluster's centre shifted by one fixed offset
   * direction shared by all queries (the "modality gap" between CLIP's text and image vectors),
   * plus noise, normalized. Cosine to their cluster's centre ≈ {@code CROSS_MODAL_CENTRE_COSINE},
   * as a caption's to its images in CLIP, rather than ≈ 0.7 for a held-out image vector; the offset
   * is drawn from this generator, so it is the same for a seed.
   */
  public float[][] nextCrossModal(int n) {
    float[] gap = gaussianUnit(centres[0].length);
    double along = CROSS_MODAL_CENTRE_COSINE;
    double off = Math.sqrt(1 - along * along);
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] centre = centres[random.nextInt(centres.length)];
      float[] noise = gaussianUnit(centre.length);
      float[] q = new float[centre.length];
      for (int d = 0; d < q.length; d++) {
        q[d] = (float) (along * centre[d] + off * (0.8 * gap[d] + 0.6 * noise[d]));
      }
      out[i] = Vectors.normalize(q);
    }
    return out;
  }

  /** The path synthetic document {@code i} gets: spread over {@link #FOLDERS} folders. */
  public static Path path(int i) {
    return Path.of("/bench/f" + (i % FOLDERS) + "/img" + i + ".jpg");
  }

  /**
   * Upserts one document per vector ({@link #path}, id {@code v<i>}) on {@code threads} threads.
   *
   * @throws IOException if the index cannot be written
   * @throws InterruptedException if interrupted while waiting for the threads
   */
  public static void index(ImageIndex index, float[][] data, int threads)
      throws IOException, InterruptedException {
    index(index, data, 0, threads);
  }

  /** As {@link #index(ImageIndex, float[][], int)}, numbering documents from {@code first}. */
  public static void index(ImageIndex index, float[][] data, int first, int threads)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int start = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int i = start; i < data.length; i += threads) {
                    int n = first + i;
                    index.upsert(
                        new ImageDoc(
                            path(n),
                            "v" + n,
                            100_000,
                            1_700_000_000_000L + n,
                            640,
                            480,
                            PhotoMetadata.NONE,
                            data[i]));
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("indexing failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private float[] gaussianUnit(int dim) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return Vectors.normalize(v);
  }

  /** A unit vector around a unit centre, with noise of about the centre's norm. */
  private float[] around(float[] centre) {
    float[] v = new float[centre.length];
    double scale = 1.0 / Math.sqrt(centre.length);
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) (centre[d] + random.nextGaussian() * scale);
    }
    return Vectors.normalize(v);
  }
}
