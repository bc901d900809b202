package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.security.TokenFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code clipsearch token}: prints, creates and rotates the tokens in a data folder. */
class TokenCommandTest {

  @TempDir Path data;

  @Test
  void printsTheTokenCreatingItOnceAndRotatesIt() throws Exception {
    CliRun first = CliRun.of("token", "--data", data.toString());
    assertEquals(0, first.exitCode(), first.err());
    String token = first.out().strip();
    assertEquals(48, token.length(), token);
    assertEquals(token, Files.readString(data.resolve(TokenFile.FULL)).strip());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(TokenFile.FULL))));
    assertTrue(first.err().contains("created the token"), first.err());

    CliRun again = CliRun.of("token", "--data", data.toString());
    assertEquals(token, again.out().strip());
    assertEquals("", again.err(), "printing an existing token says nothing else");

    CliRun rotated = CliRun.of("token", "--data", data.toString(), "--rotate");
    assertNotEquals(token, rotated.out().strip());
    assertEquals(rotated.out().strip(), Files.readString(data.resolve(TokenFile.FULL)).strip());
    assertTrue(rotated.err().contains("after a restart"), rotated.err());
  }

  @Test
  void theReadOnlyTokenIsAFileOfItsOwn() throws Exception {
    assertTrue(Files.notExists(data.resolve(TokenFile.READ_ONLY)));
    CliRun read = CliRun.of("token", "--data", data.toString(), "--read-only");
    assertEquals(0, read.exitCode(), read.err());
    assertEquals(read.out().strip(), Files.readString(data.resolve(TokenFile.READ_ONLY)).strip());
    assertTrue(Files.notExists(data.resolve(TokenFile.FULL)), "the full token is not touched");
  }

  @Test
  void aTokenFromTheEnvironmentIsPrintedAndNotRotated() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new TokenCommand(Map.of("CLIPSEARCH_AUTH_TOKEN", "from-env")));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertEquals(0, cli.execute("--data", data.toString()));
    assertEquals("from-env", out.toString().strip());
    assertTrue(err.toString().contains("CLIPSEARCH_AUTH_TOKEN is set"), err.toString());
    assertEquals(1, cli.execute("--data", data.toString(), "--rotate"));
    assertTrue(Files.notExists(data.resolve(TokenFile.FULL)));
  }
}
