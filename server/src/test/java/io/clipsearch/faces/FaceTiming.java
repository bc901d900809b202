package io.clipsearch.faces;

import io.clipsearch.faces.FaceReference.Photo;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces per second of {@link FaceFinder} (detection, landmarks, alignment, descriptor; decoding
 * timed apart) on the reference's photos, decoded once up front, one round to warm up and then
 * {@code rounds} timed. Also the three nets alone on one face. For docs/BENCHMARKS.md; not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.faces.FaceTiming [MODELS_DIR] [threads]
 * [rounds]} (defaults {@code models/faces}, 2 and 3), from the repository root with {@code
 * ../shared} beside it.
 */
public final class FaceTiming {

  private FaceTiming() {}

  public static void main(String[] args) throws Exception {
    Path models = Path.of(args.length > 0 ? args[0] : "models/faces");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path shared = Path.of(System.getProperty("clipsearch.shared", "../shared"));
    ImageDecoder decoder = new ImageDecoder();
    List<DecodedImage> images = new ArrayList<>();
    long decodeStart = System.nanoTime();
    long pixels = 0;
    for (Photo p : FaceReference.load().photos()) {
      DecodedImage image = decoder.decode(ImageSource.of(shared.resolve(p.file())));
      pixels += (long) image.width() * image.height();
      images.add(image);
    }
    double decodeSeconds = (System.nanoTime() - decodeStart) / 1e9;
    try (FaceModels nets = FaceModels.load(models, threads)) {
      FaceFinder finder = new FaceFinder(nets, FaceFinder.DEFAULT_MIN_SCORE);
      int faces = 0;
      for (DecodedImage image : images) {
        faces += finder.find(image).size();
      }
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (DecodedImage image : images) {
          finder.find(image);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d photos (%.1f Mpx), %d faces, %d rounds, %d intra-op threads%n",
          images.size(), pixels / 1e6, faces, rounds, threads);
      System.out.printf(
          "find: %.1f images/s, %.1f faces/s, %.1f ms per image; decoding (once): %.1f ms per image%n",
          rounds * images.size() / seconds,
          rounds * faces / seconds,
          seconds * 1000 / (rounds * images.size()),
          decodeSeconds * 1000 / images.size());
      netsAlone(nets, rounds * 20);
    }
  }

  /** Milliseconds per run of each net alone, on zero inputs (the cost does not depend on them). */
  private static void netsAlone(FaceModels nets, int runs) {
    float[] detector = new float[3 * SsdMobilenetGraph.SIZE * SsdMobilenetGraph.SIZE];
    float[] landmarks = new float[3 * LandmarkGraph.SIZE * LandmarkGraph.SIZE];
    float[] descriptor = new float[3 * RecognitionGraph.SIZE * RecognitionGraph.SIZE];
    long t0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      nets.detect(detector);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      nets.landmarks(landmarks);
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      nets.describe(descriptor);
    }
    long t3 = System.nanoTime();
    System.out.printf(
        "nets alone: detector %.2f ms, landmarks %.2f ms, descriptor %.2f ms%n",
        (t1 - t0) / 1e6 / runs, (t2 - t1) / 1e6 / runs, (t3 - t2) / 1e6 / runs);
  }
}
