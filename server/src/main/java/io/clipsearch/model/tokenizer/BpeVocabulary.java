package io.clipsearch.model.tokenizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A byte-level BPE vocabulary: the id of every symbol, and the rank (priority) of every merge,
 * keyed by its two symbols joined by one space as in the merges files.
 *
 * <p>Immutable: the maps are unmodifiable copies.
 *
 * @param ids symbol to token id
 * @param mergeRanks "left right" to merge rank, lower merges first
 */
record BpeVocabulary(Map<String, Integer> ids, Map<String, Integer> mergeRanks) {

  /** The start-of-text token as named in the vocabulary files. */
  static final String START_OF_TEXT = "<|startoftext|>";

  /** The end-of-text token as named in the vocabulary files. */
  static final String END_OF_TEXT = "<|endoftext|>";

  static final String END_OF_WORD = "</w>";

  /**
   * How many merges of the OpenAI file the model uses: its vocabulary of 49,152 ids less the 256
   * byte symbols and the two special tokens (the file lists more merges than were kept).
   */
  private static final int OPENAI_MERGE_COUNT = 49152 - 256 - 2;

  private static final String MERGES_HEADER = "#version";

  BpeVocabulary {
    ids = Map.copyOf(ids);
    mergeRanks = Map.copyOf(mergeRanks);
  }

  /**
   * Reads the Hugging Face files: {@code vocab.json} (symbol to id) and {@code merges.txt} (one
   * merge per line, highest priority first, after a {@code #version} header).
   *
   * @throws NoSuchFileException naming the file if either is missing
   * @throws IOException if either cannot be read or is malformed
   */
  static BpeVocabulary fromHuggingFaceFiles(Path vocabJson, Path mergesTxt) throws IOException {
    requireFile(vocabJson, "vocabulary (vocab.json)");
    requireFile(mergesTxt, "merges (merges.txt)");
    Map<String, Integer> ids =
        new ObjectMapper()
            .readValue(vocabJson.toFile(), new TypeReference<Map<String, Integer>>() {});
    if (ids.values().stream().anyMatch(Objects::isNull)) {
      throw new IOException(vocabJson + ": every symbol must map to an integer id");
    }
    Map<String, Integer> ranks = new HashMap<>();
    List<String> lines = Files.readAllLines(mergesTxt, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || (i == 0 && line.startsWith(MERGES_HEADER))) {
        continue;
      }
      ranks.put(mergeKey(line, mergesTxt, i + 1), ranks.size());
    }
    return new BpeVocabulary(ids, ranks);
  }

  /**
   * Reads the vocabulary and merges embedded in a Hugging Face {@code tokenizer.json} (its {@code
   * model} section, type BPE). Only the BPE tables are taken from it: its pre-tokenizer and
   * normalizer differ from the reference's text cleaning, which {@link ClipTextCleaner} does.
   * Merges may be written as {@code "a b"} strings or as {@code ["a", "b"]} pairs (newer files).
   *
   * @throws NoSuchFileException naming the file if it is missing
   * @throws IOException if it cannot be read or holds no BPE model
   */
  static BpeVocabulary fromTokenizerJson(Path tokenizerJson) throws IOException {
    requireFile(tokenizerJson, "tokenizer.json");
    JsonNode model = new ObjectMapper().readTree(tokenizerJson.toFile()).path("model");
    String type = model.path("type").asText();
    if (!type.isEmpty() && !"BPE".equals(type)) {
      // e.g. a SigLIP or XLM-R folder whose config.json lost its text_cfg
      throw new IOException(
          tokenizerJson
              + ": a "
              + type
              + " tokenizer, not CLIP's byte-level"
              + " BPE, yet config.json names no text_cfg.hf_tokenizer_name: add it (and"
              + " text_cfg.tokenizer_kwargs.clean) from the model's open_clip config to load this folder");
    }
    if (!model.path("vocab").isObject() || !model.path("merges").isArray()) {
      throw new IOException(tokenizerJson + ": no BPE model with vocab and merges");
    }
    Map<String, Integer> ids = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : model.get("vocab").properties()) {
      if (!e.getValue().canConvertToInt()) {
        throw new IOException(tokenizerJson + ": id of '" + e.getKey() + "' is not an integer");
      }
      ids.put(e.getKey(), e.getValue().asInt());
    }
    Map<String, Integer> ranks = new HashMap<>();
    int index = 0;
    for (JsonNode merge : model.get("merges")) {
      index++;
      String line =
          merge.isArray() && merge.size() == 2
              ? merge.get(0).asText() + " " + merge.get(1).asText()
              : merge.asText();
      ranks.put(mergeKey(line, tokenizerJson, index), ranks.size());
    }
    return new BpeVocabulary(ids, ranks);
  }

  /**
   * Reads OpenAI's gzipped merges file ({@code bpe_simple_vocab_16e6.txt.gz}) and builds the
   * vocabulary from it as the reference does: the 256 byte symbols, the same followed by {@code
   * </w>}, one symbol per merge, then the start- and end-of-text tokens.
   *
   * @throws NoSuchFileException naming the file if it is missing
   * @throws IOException if it cannot be read or is malformed
   */
  static BpeVocabulary fromOpenAiBpe(Path bpeGz) throws IOException {
    requireFile(bpeGz, "BPE merges (bpe_simple_vocab_16e6.txt.gz)");
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> ranks = new HashMap<>();
    List<String> alphabet = ByteLevel.alphabet();
    int nextId = 0;
    for (String symbol : alphabet) {
      ids.put(symbol, nextId++);
    }
    for (String symbol : alphabet) {
      ids.put(symbol + END_OF_WORD, nextId++);
    }
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(bpeGz)), StandardCharsets.UTF_8))) {
      reader.readLine(); // the "#version" header
      int lineNumber = 1;
      for (String line; ranks.size() < OPENAI_MERGE_COUNT && (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          break;
        }
        String key = mergeKey(line, bpeGz, lineNumber);
        ranks.put(key, ranks.size());
        ids.put(key.replace(" ", ""), nextId++);
      }
    }
    ids.put(START_OF_TEXT, nextId++);
    ids.put(END_OF_TEXT, nextId);
    return new BpeVocabulary(ids, ranks);
  }

  /** The id of {@code symbol}, or null if the vocabulary lacks it. */
  Integer id(String symbol) {
    return ids.get(symbol);
  }

  /** The rank of merging {@code left} and {@code right}, or null if they never merge. */
  Integer mergeRank(String left, String right) {
    return mergeRanks.get(left + " " + right);
  }

  private static String mergeKey(String line, Path file, int lineNumber) throws IOException {
    String[] symbols = line.strip().split("\\s+");
    if (symbols.length != 2) {
      throw new IOException(file + ":" + lineNumber + ": expected two symbols, got '" + line + "'");
    }
    return symbols[0] + " " + symbols[1];
  }

  private static void requireFile(Path file, String what) throws NoSuchFileException {
    Objects.requireNonNull(file, what);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "CLIP tokenizer " + what + " not found");
    }
  }
}
