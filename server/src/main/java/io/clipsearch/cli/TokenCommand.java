package io.clipsearch.cli;

import io.clipsearch.api.security.TokenFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch token}: prints the server's bearer token from its data folder (creating it, as
 * the server's first start would, when there is none), or writes a new one. The token goes to
 * standard output only, for the user who can read the data folder; notes go to standard error.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    header = "Print or rotate the server's token.",
    description = {
      "Print the token clients need (the app asks for it; curl: -H 'Authorization: Bearer TOKEN').",
      "--read-only: the token that may search and view but change nothing (kiosks, shared screens).",
      "The server reads its tokens at start: restart it after --rotate."
    })
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      converter = DataFolder.class,
      defaultValue = DataFolder.DEFAULT,
      description = "the server's data folder (default: " + DataFolder.DESCRIPTION + ")")
  Path data;

  @Option(names = "--read-only", description = "the read-only token (created on first use)")
  boolean readOnly;

  @Option(
      names = "--rotate",
      description = "write a new token; the old one stops working when the server restarts")
  boolean rotate;

  private final Map<String, String> env;

  TokenCommand() {
    this(System.getenv());
  }

  TokenCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    TokenFile file = TokenFile.in(data, readOnly ? TokenFile.READ_ONLY : TokenFile.FULL);
    PrintWriter err = spec.commandLine().getErr();
    String variable = readOnly ? "CLIPSEARCH_AUTH_READ_TOKEN" : "CLIPSEARCH_AUTH_TOKEN";
    String configured = env.get(variable);
    if (configured != null && !configured.isBlank()) {
      // the server takes the variable over the file: a rotated file would change nothing
      err.println("clipsearch: " + variable + " is set: the server uses it, not " + file.file());
      err.flush();
      if (rotate) {
        return 1;
      }
      print(configured.strip());
      return 0;
    }
    boolean existed = file.read().isPresent();
    String token = rotate ? file.rotate() : file.readOrCreate();
    if (rotate || !existed) {
      err.println(
          "clipsearch: "
              + (existed ? "new token" : "created the token")
              + " in "
              + file.file()
              + "; a running server uses it after a restart");
      err.flush();
    }
    print(token);
    return 0;
  }

  private void print(String token) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(token);
    out.flush();
  }
}
