package io.clipsearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code clipsearch} command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(SearchArguments.normalize(cli, args));
    return new CliRun(code, out.toString(), err.toString());
  }

  String[] lines() {
    return out.isBlank() ? new String[0] : out.strip().split("\n");
  }
}
