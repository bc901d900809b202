package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help text formats: picocli passes description lines through {@link
 * String#format}, so a bare {@code %} (as in "10% of") makes it print a warning and the raw text
 * instead of the help.
 */
class HelpTextTest {

  @Test
  void everyDescriptionLineIsAValidFormat() {
    List<String> broken = new ArrayList<>();
    List<CommandSpec> specs = new ArrayList<>();
    collect(Main.commandLine(), specs);
    assertTrue(specs.size() > 10, "found only " + specs.size() + " commands");
    for (CommandSpec spec : specs) {
      List<String> lines = new ArrayList<>();
      lines.addAll(List.of(spec.usageMessage().header()));
      lines.addAll(List.of(spec.usageMessage().description()));
      lines.addAll(List.of(spec.usageMessage().footer()));
      for (ArgSpec arg : spec.args()) {
        lines.addAll(List.of(arg.description()));
      }
      for (String line : lines) {
        try {
          String.format(line);
        } catch (IllegalFormatException e) {
          broken.add(spec.qualifiedName() + ": \"" + line + "\" (" + e + ")");
        }
      }
    }
    if (!broken.isEmpty()) {
      fail("help lines picocli cannot format (write % as %%):\n" + String.join("\n", broken));
    }
  }

  @Test
  void benchIndexHelpIsFormatted() {
    CliRun run = CliRun.of("bench-index", "--help");

    assertTrue(
        run.out().replaceAll("\\s+", " ").contains("a folder holding 10% of documents"), run.out());
    assertFalse(run.out().contains("%n"), run.out());
  }

  private static void collect(CommandLine cli, List<CommandSpec> into) {
    into.add(cli.getCommandSpec());
    cli.getSubcommands().values().forEach(sub -> collect(sub, into));
  }
}
