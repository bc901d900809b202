package io.clipsearch.cli;

import io.clipsearch.faces.Face;
import io.clipsearch.faces.FaceBox;
import io.clipsearch.faces.FaceFinder;
import io.clipsearch.faces.FaceModels;
import io.clipsearch.faces.TfjsFaceExport;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch faces}: the faces of images (box, score, landmarks, descriptor) as JSON lines.
 */
@Command(
    header = "Print the faces found in images as JSON lines.",
    name = "faces",
    mixinStandardHelpOptions = true,
    description = {
      "Detect faces (SSD MobileNet v1), their 68 landmarks and 128-d descriptors",
      "as face-api does, and print one JSON line per face: {\"file\":...,",
      "\"score\":..., \"box\":[x, y, w, h], \"landmarks\":[x0, y0, ...],",
      "\"descriptor\":[...]}; an image that cannot be decoded gives {\"file\":...,",
      "\"error\":..., \"reason\":...} and exit code 2 after the others.",
      "",
      "Development: --convert-tfjs DIR writes the ONNX nets into --models from",
      "face-api's tfjs weights (DIR: the npm package's model folder; see",
      "models/faces/README.md)."
    })
final class FacesCommand implements Callable<Integer> {

  static final int EXIT_SOME_FAILED = 2;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "images")
  List<Path> files = List.of();

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "the face-models folder (default: the installation's " + FaceModels.FOLDER + ")")
  Path models;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "" + FaceFinder.DEFAULT_MIN_SCORE,
      description =
          "the detection score a face must exceed (default: ${DEFAULT-VALUE}, face-api's)")
  double minScore;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "inference threads per net (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--convert-tfjs",
      paramLabel = "DIR",
      description =
          "convert face-api's tfjs weights in DIR into the ONNX nets in --models, then exit")
  Path convertFrom;

  /** The output line of one face (written, never compared). */
  record FaceLine(String file, float score, double[] box, double[] landmarks, float[] descriptor) {}

  /** The output line of an image that could not be read, with the decoder's reason. */
  record FailureLine(String file, String error, String reason) {}

  @Override
  public Integer call() throws Exception {
    Path folder =
        models != null
            ? models
            : Path.of(System.getProperty("clipsearch.home", ".")).resolve(FaceModels.FOLDER);
    if (convertFrom != null) {
      for (Path written : TfjsFaceExport.convert(convertFrom, folder)) {
        spec.commandLine().getErr().println("wrote " + written);
      }
      return 0;
    }
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    ImageDecoder decoder = new ImageDecoder();
    int failed = 0;
    try (FaceModels nets = FaceModels.load(folder, threads)) {
      FaceFinder finder = new FaceFinder(nets, minScore);
      for (Path file : files) {
        try {
          for (Face face : finder.find(decoder.decode(ImageSource.of(file)))) {
            FaceBox b = face.box();
            out.write(
                new FaceLine(
                    file.toString(),
                    face.score(),
                    new double[] {b.x(), b.y(), b.width(), b.height()},
                    face.landmarks(),
                    face.descriptor()));
          }
        } catch (ImageDecodeException e) {
          failed++;
          out.write(new FailureLine(file.toString(), e.getMessage(), e.reason().name()));
        }
      }
    }
    return failed == 0 ? 0 : EXIT_SOME_FAILED;
  }
}
