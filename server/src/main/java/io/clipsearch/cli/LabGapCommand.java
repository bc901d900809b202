package io.clipsearch.cli;

import io.clipsearch.lab.CaptionDataset;
import io.clipsearch.lab.ImageVectors;
import io.clipsearch.lab.ModalityGap;
import io.clipsearch.model.ClipModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch lab gap}: modality-gap statistics of a captioned dataset or given inputs. */
@Command(
    name = "gap",
    mixinStandardHelpOptions = true,
    description = {
      "Modality-gap statistics of images and texts.",
      "Distance and cosine between the mean image and mean text embedding, and each",
      "modality's spread (mean distance to its centroid)."
    })
final class LabGapCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  static final class Inputs {
    @Option(
        names = "--captions",
        paramLabel = "F",
        description = "captions.csv; its images/ folder beside it")
    Path captions;

    @ArgGroup(exclusive = false)
    Lists lists;
  }

  static final class Lists {
    @Option(
        names = "--images",
        required = true,
        arity = "1..*",
        paramLabel = "F",
        description = "image files")
    List<Path> images;

    @Option(
        names = "--texts",
        required = true,
        arity = "1..*",
        paramLabel = "T",
        description = "texts")
    List<String> texts;
  }

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "with --captions: only the first N images")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--json", paramLabel = "F", description = "write the statistics as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    List<Path> images;
    List<String> texts;
    if (inputs.captions != null) {
      CaptionDataset data =
          CaptionDataset.read(
              inputs.captions, inputs.captions.toAbsolutePath().resolveSibling("images"), limit);
      images = data.images();
      texts = data.captions();
    } else {
      images = inputs.lists.images;
      texts = inputs.lists.texts;
    }
    try (ClipModel model = modelOptions.load()) {
      ImageVectors embedded =
          ImageVectors.embed(
              model, images, LabOutput.progress(spec.commandLine().getErr(), "images"));
      ModalityGap gap = ModalityGap.of(embedded.vectors(), model.embedTexts(texts));
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "images %d  texts %d%ngap (centroid distance) %.4f%ncentroid cosine %.4f%nimage spread %.4f%n"
                  + "text spread %.4f%nmean image-text cosine %.4f%n",
              gap.images(),
              gap.texts(),
              gap.centroidDistance(),
              gap.centroidCosine(),
              gap.imageSpread(),
              gap.textSpread(),
              gap.meanCosine());
      spec.commandLine().getOut().flush();
      if (json != null) {
        LabOutput.writeJson(gap, json);
      }
    }
    return 0;
  }
}
