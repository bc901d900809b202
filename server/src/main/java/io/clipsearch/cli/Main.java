package io.clipsearch.cli;

import picocli.CommandLine;

/** Entry point of the {@code clipsearch} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    System.exit(cli.execute(SearchArguments.normalize(cli, args)));
  }

  /** The configured command tree: shared by {@link #main} and tests. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ClipsearchCommand());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
