package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks that a model folder loads and behaves on every engine it holds: embedding shapes match the
 * config, vectors are unit length, a batch gives the same vectors as single calls, repeated calls
 * agree, and the engines agree with each other. It also says how the text tower takes its input:
 * cut after the end token (the any-length rewrite, with how it was checked) or padded to the
 * context length, and why.
 *
 * <p>It checks mechanics, not quality: a model with random weights passes. Stateless.
 */
public final class ModelVerifier {

  private static final double NORM_TOLERANCE = 1e-3;
  private static final double SAME_VECTOR_COSINE = 0.99999;
  private static final double CROSS_ENGINE_COSINE = 0.999;
  private static final List<String> TEXTS = List.of("a photo of a cat", "a diagram");

  /** One check's outcome. */
  public record Check(String name, boolean passed, String detail) {}

  /**
   * Runs every check; a failure to load is reported as a failed check, not thrown.
   *
   * @throws IOException if the synthetic test images cannot be encoded (never in practice)
   */
  public List<Check> verify(Path folder, LoadOptions options) throws IOException {
    List<Check> checks = new ArrayList<>();
    ModelFolder model;
    try {
      model = ModelFolder.open(folder);
    } catch (IOException | IllegalArgumentException e) {
      checks.add(new Check("folder layout", false, e.getMessage()));
      return checks;
    }
    checks.add(new Check("folder layout", true, model.id() + ", engines " + model.engines()));
    List<ImageSource> images =
        List.of(
            syntheticImage("gradient.png", Color.ORANGE, Color.BLUE),
            syntheticImage("dusk.png", Color.BLACK, Color.PINK));
    Map<EngineKind, float[]> firstImage = new EnumMap<>(EngineKind.class);
    Map<EngineKind, float[]> firstText = new EnumMap<>(EngineKind.class);
    for (EngineKind engine : model.engines()) {
      try (ClipModel clip = ClipModels.load(folder, options.withEngine(engine))) {
        int dim = model.config().embedDim();
        List<float[]> texts = clip.embedTexts(TEXTS);
        List<float[]> pics = new ArrayList<>();
        for (ImageEmbedding e : clip.embedImages(images)) {
          if (e instanceof ImageEmbedding.Embedded ok) {
            pics.add(ok.vector());
          }
        }
        if (pics.size() != images.size()) {
          checks.add(
              new Check(engine + " image decoding", false, "synthetic images failed to decode"));
          continue;
        }
        checks.add(shapeCheck(engine, dim, texts, pics));
        checks.add(normCheck(engine, texts, pics));
        double batchVsSingle =
            Math.min(
                cosine(texts.get(1), clip.embedText(TEXTS.get(1))),
                cosine(pics.get(1), clip.embedImage(images.get(1))));
        checks.add(
            new Check(
                engine + " batch equals single",
                batchVsSingle >= SAME_VECTOR_COSINE,
                "min cosine " + batchVsSingle));
        if (clip instanceof DjlClipModel djl) {
          checks.add(new Check(engine + " text length", true, djl.textTowerNote()));
        }
        double repeat = cosine(texts.getFirst(), clip.embedText(TEXTS.getFirst()));
        checks.add(
            new Check(engine + " deterministic", repeat >= SAME_VECTOR_COSINE, "cosine " + repeat));
        firstImage.put(engine, pics.getFirst());
        firstText.put(engine, texts.getFirst());
      } catch (RuntimeException | IOException | ImageDecodeException e) {
        checks.add(new Check(engine + " load and embed", false, e.getMessage()));
      }
    }
    if (firstImage.size() == 2) {
      double agree =
          Math.min(
              cosine(firstImage.get(EngineKind.ONNX), firstImage.get(EngineKind.PYTORCH)),
              cosine(firstText.get(EngineKind.ONNX), firstText.get(EngineKind.PYTORCH)));
      checks.add(new Check("engines agree", agree >= CROSS_ENGINE_COSINE, "min cosine " + agree));
    }
    return checks;
  }

  private static Check shapeCheck(
      EngineKind engine, int dim, List<float[]> texts, List<float[]> pics) {
    boolean ok =
        texts.stream().allMatch(v -> v.length == dim)
            && pics.stream().allMatch(v -> v.length == dim);
    return new Check(
        engine + " dimension",
        ok,
        "expected "
            + dim
            + ", text "
            + texts.getFirst().length
            + ", image "
            + pics.getFirst().length);
  }

  private static Check normCheck(EngineKind engine, List<float[]> texts, List<float[]> pics) {
    double worst = 0;
    for (List<float[]> vs : List.of(texts, pics)) {
      for (float[] v : vs) {
        worst = Math.max(worst, Math.abs(Vectors.norm(v) - 1));
      }
    }
    return new Check(engine + " unit norm", worst <= NORM_TOLERANCE, "max |norm-1| " + worst);
  }

  private static ImageSource syntheticImage(String name, Color from, Color to) throws IOException {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setPaint(new GradientPaint(0, 0, from, 320, 240, to));
      g.fillRect(0, 0, 320, 240);
      g.setColor(Color.WHITE);
      g.fillOval(120, 80, 80, 80);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    return ImageSource.of(name, png.toByteArray());
  }

  private static double cosine(float[] a, float[] b) {
    return Vectors.dot(a, b) / (Vectors.norm(a) * Vectors.norm(b));
  }
}
