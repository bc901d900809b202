package io.clipsearch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only lists the subcommands. */
@Command(
    name = "clipsearch",
    mixinStandardHelpOptions = true,
    version = "clipsearch 0.1.0",
    description = "Multimodal image-text search with CLIP embeddings.",
    footer = {
      "",
      "The desktop client: clipsearch app [--model DIR | --server URL --token T] [--kiosk]"
          + " (see clipsearch app --help)."
    },
    subcommands = {
      TokenizeCommand.class,
      EmbedCommand.class,
      BenchCommand.class,
      ModelsCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      SolrCreateCommand.class,
      BenchSolrCommand.class,
      MigrateCommand.class,
      BenchIndexCommand.class,
      BenchVectorsCommand.class,
      BenchHttpCommand.class,
      LabCommand.class,
      ClustersCommand.class,
      MapCommand.class,
      DuplicatesCommand.class,
      TagsCommand.class,
      TrainMiniCommand.class,
      TrainLitCommand.class,
      DoctorCommand.class,
      FacesCommand.class,
      HelpCommand.class
    })
final class ClipsearchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
