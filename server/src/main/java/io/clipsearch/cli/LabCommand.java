package io.clipsearch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clipsearch lab}: evaluations for researchers; lists its subcommands. */
@Command(
    header = "Evaluate image-text alignment: zero-shot, retrieval, matrix, gap, export.",
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "Measure how well a CLIP model aligns images and text: zero-shot accuracy,",
      "caption retrieval, similarity matrices, the modality gap, embedding export.",
      "Results go to stdout as a table (and JSON with --json), progress to stderr."
    },
    subcommands = {
      LabZeroShotCommand.class,
      LabRetrievalCommand.class,
      LabMatrixCommand.class,
      LabGapCommand.class,
      LabExportCommand.class,
      LabSearchEvalCommand.class
    })
final class LabCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
