package io.clipsearch.model.image;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Single-threaded cost of decode and of preprocess per image, over a folder of images (default
 * {@code ../shared/sample-images}), for comparing implementations by hand; not a test.
 *
 * <p>Files are read into memory first so disk time stays out. Each pass times every image's {@link
 * ImageDecoder#decode(ImageSource)} and {@link ClipPreprocessor#toTensor} separately and prints
 * ms/image per stage, as wall time and as this thread's CPU time (steadier on a shared machine);
 * the last pass is the steady-state figure. It also prints SHA-256 digests of all decoded pixels
 * and all tensors, so an optimization can show it changed no output.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp <test classpath>
 * io.clipsearch.model.image.PreprocessTiming [DIR] [PASSES]}.
 */
public final class PreprocessTiming {

  private PreprocessTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/sample-images");
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<ImageSource> images = load(dir);
    ImageDecoder decoder = new ImageDecoder();
    ClipPreprocessor preprocessor = new ClipPreprocessor(PreprocessConfig.openAiDefaults(224));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%d images from %s%n", images.size(), dir);
    for (int pass = 1; pass <= passes; pass++) {
      MessageDigest pixels = sha256();
      MessageDigest tensors = sha256();
      long decodeNs = 0;
      long preprocessNs = 0;
      long decodeCpuNs = 0;
      long preprocessCpuNs = 0;
      long megapixels = 0;
      for (ImageSource image : images) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        DecodedImage decoded = decoder.decode(image);
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        float[] tensor = preprocessor.toTensor(decoded);
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        decodeNs += t1 - t0;
        preprocessNs += t2 - t1;
        decodeCpuNs += c1 - c0;
        preprocessCpuNs += c2 - c1;
        megapixels += (long) decoded.width() * decoded.height();
        pixels.update(decoded.rgb());
        update(tensors, tensor);
      }
      int n = images.size();
      System.out.printf(
          "pass %d: decode %.3f ms/image (cpu %.3f), preprocess %.3f ms/image (cpu %.3f), %.2f MP/image%n",
          pass,
          decodeNs / 1e6 / n,
          decodeCpuNs / 1e6 / n,
          preprocessNs / 1e6 / n,
          preprocessCpuNs / 1e6 / n,
          megapixels / 1e6 / n);
      if (pass == passes) {
        HexFormat hex = HexFormat.of();
        System.out.println("pixels  sha256 " + hex.formatHex(pixels.digest()));
        System.out.println("tensors sha256 " + hex.formatHex(tensors.digest()));
      }
    }
  }

  private static List<ImageSource> load(Path dir) throws IOException {
    List<ImageSource> images = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(PreprocessTiming::isImage).sorted().toList()) {
        images.add(ImageSource.of(p.toString(), Files.readAllBytes(p)));
      }
    }
    return images;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase();
    return Files.isRegularFile(p)
        && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }

  private static void update(MessageDigest digest, float[] values) {
    byte[] buf = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      int bits = Float.floatToRawIntBits(values[i]);
      buf[4 * i] = (byte) (bits >>> 24);
      buf[4 * i + 1] = (byte) (bits >>> 16);
      buf[4 * i + 2] = (byte) (bits >>> 8);
      buf[4 * i + 3] = (byte) bits;
    }
    digest.update(buf);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
