package io.clipsearch.cli;

import io.clipsearch.lab.ClassNames;
import io.clipsearch.lab.ImageFolderDataset;
import io.clipsearch.lab.PromptTemplates;
import io.clipsearch.lab.ZeroShotEvaluation;
import io.clipsearch.lab.ZeroShotResult;
import io.clipsearch.model.ClipModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch lab zeroshot}: zero-shot accuracy on a folder-per-class dataset. */
@Command(
    name = "zeroshot",
    mixinStandardHelpOptions = true,
    description = {
      "Zero-shot accuracy on a folder-per-class dataset.",
      "Prompt ensembling over templates; top-1/top-5, per-class accuracy, confusion matrix (--json)."
    })
final class LabZeroShotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "DIR",
      description = "folder with one folder per class")
  Path dataset;

  @Option(
      names = "--classes",
      paramLabel = "F",
      description =
          "class names: id<TAB>name lines (e.g. tiny-imagenet's classes.tsv); default: folder names")
  Path classes;

  @Option(
      names = "--templates",
      paramLabel = "NAME|F",
      defaultValue = "openai-imagenet-80",
      description =
          "openai-imagenet-80, openai-imagenet-7, single, or a file of templates with {} (default: ${DEFAULT-VALUE})")
  String templates;

  @Option(names = "--limit-per-class", paramLabel = "N", description = "at most N images per class")
  int limitPerClass = ImageFolderDataset.ALL;

  @Mixin LogitScaleOption logitScale;

  @Option(names = "--json", paramLabel = "F", description = "write the full result as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    ClassNames names = classes == null ? ClassNames.fromFolderNames() : ClassNames.read(classes);
    ImageFolderDataset data = ImageFolderDataset.read(dataset, names, limitPerClass);
    PromptTemplates prompts = PromptTemplates.resolve(templates);
    try (ClipModel model = modelOptions.load()) {
      ZeroShotResult result =
          new ZeroShotEvaluation(model, logitScale.scoring(model))
              .run(data, prompts, LabOutput.progress(spec.commandLine().getErr(), "images"));
      LabOutput.print(spec.commandLine().getOut(), result.table());
      if (json != null) {
        LabOutput.writeJson(result, json);
      }
    }
    return 0;
  }
}
