package io.clipsearch.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.ModelFolder;
import io.clipsearch.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every line of a family fixture's {@code tokenizer.jsonl} (open_clip's {@code HFTokenizer}: its
 * cleaning, the folder's {@code tokenizer.json}, truncation, padding) must come out id for id from
 * the folder's own tokenizer, padded with its pad id to the context length.
 */
class FamilyTokenizerParityTest {

  @ParameterizedTest
  @ValueSource(strings = {"tiny-siglip", "tiny-mclip"})
  void everyLineMatchesTheReference(String fixture) throws Exception {
    Path folder = SharedFixtures.clipFixture("families/" + fixture);
    List<String> mismatches = new ArrayList<>();
    int lines = 0;
    ObjectMapper json = new ObjectMapper();
    try (TextTokenizer tokenizer = ModelFolder.open(folder).openTokenizer()) {
      assertTrue(
          tokenizer instanceof HuggingFaceTextTokenizer,
          "config.json names a Hugging Face tokenizer");
      for (String line :
          Files.readAllLines(folder.resolve("tokenizer.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode row = json.readTree(line);
        int[] expected = json.treeToValue(row.get("ids"), int[].class);
        assertEquals(
            tokenizer.contextLength(), expected.length, "reference rows are padded to the context");
        int[] ids = tokenizer.encode(row.get("text").asText());
        int[] padded = Arrays.copyOf(ids, tokenizer.contextLength());
        Arrays.fill(padded, ids.length, padded.length, tokenizer.padId());
        if (!Arrays.equals(expected, padded)) {
          mismatches.add(
              row.get("text").asText()
                  + "\n  expected "
                  + Arrays.toString(expected)
                  + "\n  actual   "
                  + Arrays.toString(padded));
        }
        lines++;
      }
    }
    assertEquals(248, lines, "lines in " + fixture + "/tokenizer.jsonl");
    assertTrue(
        mismatches.isEmpty(),
        mismatches.size()
            + " of "
            + lines
            + " lines differ:\n"
            + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))));
  }
}
