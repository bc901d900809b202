package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query as the shell hands it over, and the search command's parsing of it. */
class QueryArgsTest {

  @Test
  void phrasesTheShellUnquotedAreQuotedAgain() {
    assertEquals(
        "2:\"red car\" +snow -night", QueryArgs.join(List.of("2:red car", "+snow", "-night")));
    assertEquals("beach -people", QueryArgs.join(List.of("beach", "-people")));
    assertEquals("-\"red car\" \"blue sky\"", QueryArgs.join(List.of("-red car", "blue sky")));
  }

  @Test
  void minusWordsAreQueryTextNotOptions(@TempDir Path data) {
    CliRun run =
        CliRun.of("search", "--data", data.toString(), "beach", "-people", "-hills", "-kitchen");
    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode(), run.err());
    assertTrue(run.err().contains("no collection 'default'"), run.err());
    assertFalse(run.err().contains("Unknown option"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }
}
