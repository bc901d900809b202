package io.clipsearch.cli;

import io.clipsearch.lab.HeatmapImage;
import io.clipsearch.lab.ImageVectors;
import io.clipsearch.lab.MatrixReport;
import io.clipsearch.lab.ModalityGap;
import io.clipsearch.lab.SimilarityMatrix;
import io.clipsearch.model.ClipModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch lab matrix}: the image × text cosine matrix, as a table, JSON and a heatmap.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Image × text cosine matrix, as a table, JSON and a heatmap PNG.",
      "With softmax probabilities per image (logit scale) and the modality gap."
    })
final class LabMatrixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--images",
      required = true,
      arity = "1..*",
      paramLabel = "F",
      description = "image files (rows)")
  List<Path> images;

  @Option(
      names = "--texts",
      required = true,
      arity = "1..*",
      paramLabel = "T",
      description = "texts (columns)")
  List<String> texts;

  @Mixin LogitScaleOption logitScale;

  @Option(names = "--png", paramLabel = "F", description = "write a heatmap PNG")
  Path png;

  @Option(names = "--json", paramLabel = "F", description = "write the matrix as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    try (ClipModel model = modelOptions.load()) {
      ImageVectors embedded = ImageVectors.embed(model, images, p -> {});
      if (!embedded.failures().isEmpty()) {
        throw new IllegalArgumentException(
            "cannot embed " + String.join("; ", embedded.failures()));
      }
      List<float[]> textVectors = model.embedTexts(texts);
      List<String> rows = images.stream().map(p -> p.getFileName().toString()).toList();
      SimilarityMatrix m = SimilarityMatrix.of(rows, embedded.vectors(), texts, textVectors);
      MatrixReport report =
          MatrixReport.of(
              model.info().id(),
              m,
              logitScale.scoring(model),
              ModalityGap.of(embedded.vectors(), textVectors));
      LabOutput.print(spec.commandLine().getOut(), report.table());
      if (png != null) {
        HeatmapImage.write(m, png);
      }
      if (json != null) {
        LabOutput.writeJson(report, json);
      }
    }
    return 0;
  }
}
