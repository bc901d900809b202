package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Camera-format files written by the tests themselves: a JPEG drawn here, and HEIC or AVIF encoded
 * from it by {@code heif-enc} (Debian {@code libheif-examples}, which {@code .ci/run} installs).
 */
public final class CameraFixtures {

  private CameraFixtures() {}

  /** A 640x480 JPEG with a gradient and shapes, so that lossy re-encodings stay comparable. */
  public static Path drawnJpeg(Path dir) throws IOException {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), 640, 480, new Color(250, 200, 60)));
    g.fillRect(0, 0, 640, 480);
    g.setColor(new Color(200, 30, 40));
    g.fillOval(80, 60, 220, 220);
    g.setColor(new Color(20, 140, 60));
    g.fillRect(360, 250, 200, 160);
    g.dispose();
    Path jpeg = dir.resolve("drawn.jpg");
    ImageIO.write(image, "jpg", jpeg.toFile());
    return jpeg;
  }

  /** {@code source} encoded by {@code heif-enc} as HEIC, or as AVIF when {@code avif}. */
  public static Path heifEncode(Path source, Path target, boolean avif)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("heif-enc", "-q", "90"));
    if (avif) {
      command.add("-A");
    }
    command.addAll(List.of(source.toString(), "-o", target.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException missing) {
      assumeTrue(false, "heif-enc is not installed (apt install libheif-examples): test skipped");
      throw missing;
    }
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.exists(target)) {
      throw new IOException("heif-enc failed: " + output);
    }
    return target;
  }
}
