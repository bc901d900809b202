package io.clipsearch.bench;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.image.CameraFixtures;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.RawFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Images per second through the whole image road (read, decode, preprocess, the model's image
 * tower) for the same photos as JPEG, HEIC, AVIF, DNG decoded from its embedded preview and DNG
 * demosaiced, in one run, alternating formats round by round so that load on the machine falls on
 * all alike. Also decode-only rates. For docs/BENCHMARKS.md; not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.bench.CameraFormatsTiming MODEL_DIR
 * PHOTOS_DIR [photos] [rounds]} (defaults 24 and 3); needs {@code heif-enc}, libheif and LibRaw.
 */
public final class CameraFormatsTiming {

  private CameraFormatsTiming() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path photosDir = Path.of(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 24;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path work = Files.createTempDirectory("clipsearch-formats-timing");
    List<Path> jpegs;
    try (Stream<Path> files = Files.walk(photosDir)) {
      jpegs = files.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(count).toList();
    }
    ImageDecoder decoder = new ImageDecoder();
    Map<String, List<ImageSource>> formats = new LinkedHashMap<>();
    for (String f : List.of("jpeg", "heic", "avif", "dng-preview", "dng-demosaic")) {
      formats.put(f, new ArrayList<>());
    }
    long pixels = 0;
    for (Path jpeg : jpegs) {
      String base = work.resolve(jpeg.getFileName().toString().replace(".jpg", "")).toString();
      DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
      pixels += (long) scene.width() * scene.height();
      formats.get("jpeg").add(ImageSource.of(jpeg));
      formats
          .get("heic")
          .add(ImageSource.of(CameraFixtures.heifEncode(jpeg, Path.of(base + ".heic"), false)));
      formats
          .get("avif")
          .add(ImageSource.of(CameraFixtures.heifEncode(jpeg, Path.of(base + ".avif"), true)));
      Path withPreview =
          Files.write(
              Path.of(base + "-p.dng"), RawFileWriter.write(scene, Files.readAllBytes(jpeg), 1));
      Path demosaic = Files.write(Path.of(base + "-d.dng"), RawFileWriter.write(scene, null, 1));
      formats.get("dng-preview").add(ImageSource.of(withPreview));
      formats.get("dng-demosaic").add(ImageSource.of(demosaic));
    }
    System.out.printf(
        "%d photos, %.1f megapixels on average%n", jpegs.size(), pixels / 1e6 / jpegs.size());
    try (ClipModel model = ClipModels.load(modelDir)) {
      for (List<ImageSource> sources : formats.values()) {
        model.embedImages(sources); // warm-up: JIT, native libraries, caches
      }
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, List<ImageSource>> e : formats.entrySet()) {
          long t0 = System.nanoTime();
          for (ImageSource s : e.getValue()) {
            decoder.decode(s);
          }
          double decodeSeconds = (System.nanoTime() - t0) / 1e9;
          long t1 = System.nanoTime();
          model.embedImages(e.getValue());
          double embedSeconds = (System.nanoTime() - t1) / 1e9;
          System.out.printf(
              "round %d %-13s decode only %6.1f images/s (one thread), whole road %6.1f images/s%n",
              round,
              e.getKey(),
              e.getValue().size() / decodeSeconds,
              e.getValue().size() / embedSeconds);
        }
      }
    }
  }
}
