package io.clipsearch.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the reference outputs ({@code tokenizer/golden.jsonl}, open_clip 3.3.0) must come
 * out id for id, whichever vocabulary files the tokenizer was built from.
 */
class ClipTokenizerGoldenTest {

  private static final int SHOWN_MISMATCHES = 10;

  /** One reference line: the text and its ids, SOT to EOT, truncated to 77. */
  record GoldenLine(String text, List<Integer> ids) {}

  interface Factory {
    ClipTokenizer create() throws IOException;
  }

  static Stream<Arguments> tokenizers() {
    return Stream.of(
        Arguments.of(
            "Hugging Face vocab.json + merges.txt",
            (Factory)
                () ->
                    ClipTokenizer.fromHuggingFaceFiles(
                        SharedFixtures.clipFixture("tokenizer/vocab.json"),
                        SharedFixtures.clipFixture("tokenizer/merges.txt"),
                        ClipTokenizer.DEFAULT_CONTEXT_LENGTH)),
        Arguments.of(
            "OpenAI bpe_simple_vocab_16e6.txt.gz",
            (Factory)
                () ->
                    ClipTokenizer.fromOpenAiBpe(
                        SharedFixtures.clipFixture("tokenizer/bpe_simple_vocab_16e6.txt.gz"),
                        ClipTokenizer.DEFAULT_CONTEXT_LENGTH)),
        Arguments.of(
            "Hugging Face tokenizer.json (BPE tables)",
            (Factory)
                () ->
                    ClipTokenizer.fromTokenizerJson(
                        SharedFixtures.clipFixture("tokenizer/hf/tokenizer.json"),
                        ClipTokenizer.DEFAULT_CONTEXT_LENGTH)),
        Arguments.of(
            "vit-b-32-timing folder (tokenizer.json only)",
            (Factory)
                () ->
                    ClipTokenizer.fromModelFolder(
                        SharedFixtures.clipFixture("vit-b-32-timing/textual"),
                        ClipTokenizer.DEFAULT_CONTEXT_LENGTH)),
        Arguments.of(
            "tiny-clip model folder",
            (Factory)
                () ->
                    ClipTokenizer.fromModelFolder(
                        SharedFixtures.tinyClip().resolve("textual"),
                        ClipTokenizer.DEFAULT_CONTEXT_LENGTH)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenizers")
  void everyGoldenLineMatches(String name, Factory factory) throws IOException {
    List<GoldenLine> golden = readGolden();
    ClipTokenizer tokenizer = factory.create();

    List<String> mismatches = new ArrayList<>();
    for (GoldenLine line : golden) {
      List<Integer> actual = Arrays.stream(tokenizer.encode(line.text())).boxed().toList();
      if (!line.ids().equals(actual)) {
        mismatches.add(
            "text=" + quote(line.text()) + "\n  expected=" + line.ids() + "\n  actual=  " + actual);
      }
    }

    assertEquals(1552, golden.size(), "golden.jsonl line count");
    assertTrue(
        mismatches.isEmpty(),
        () ->
            name
                + ": "
                + mismatches.size()
                + " of "
                + golden.size()
                + " lines differ; the first ones:\n"
                + String.join(
                    "\n", mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size()))));
  }

  static List<GoldenLine> readGolden() throws IOException {
    Path file = SharedFixtures.clipFixture("tokenizer/golden.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<GoldenLine> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = json.readTree(line);
      List<Integer> ids = new ArrayList<>();
      node.get("ids").forEach(id -> ids.add(id.intValue()));
      lines.add(new GoldenLine(node.get("text").textValue(), ids));
    }
    return lines;
  }

  /** The text with control and non-ASCII characters escaped, so the failure message shows them. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7F) {
                out.appendCodePoint(c);
              } else {
                out.append(String.format("\\u{%04X}", c));
              }
            });
    return out.append('"').toString();
  }
}
