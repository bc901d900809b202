package io.clipsearch.model.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CLIP's byte-level BPE tokenizer, id for id the reference (open_clip's {@code SimpleTokenizer}):
 * the text is cleaned by {@link ClipTextCleaner}, split into words, numbers and punctuation runs,
 * each piece encoded as UTF-8 bytes and merged by BPE with a {@code </w>} end-of-word marker; the
 * ids run from the start-of-text to the end-of-text token and are cut to the context length with
 * the end-of-text token kept last.
 *
 * <p>The vocabulary comes from Hugging Face files ({@code vocab.json} + {@code merges.txt}, as
 * published beside exported models) or from OpenAI's {@code bpe_simple_vocab_16e6.txt.gz}; the
 * special token ids are looked up in it. As in the reference, the texts {@code <start_of_text>} and
 * {@code <end_of_text>} in the input are read as those tokens.
 *
 * <p>Immutable and thread-safe: share one instance. It keeps a bounded concurrent cache of the BPE
 * of words already seen.
 */
public final class ClipTokenizer implements TextTokenizer {

  /** The context length of every released CLIP model. */
  public static final int DEFAULT_CONTEXT_LENGTH = 77;

  /** The Hugging Face vocabulary file in a model folder. */
  public static final String VOCAB_JSON = "vocab.json";

  /** The Hugging Face merges file in a model folder. */
  public static final String MERGES_TXT = "merges.txt";

  /** The Hugging Face single-file tokenizer, whose BPE tables we read. */
  public static final String TOKENIZER_JSON = "tokenizer.json";

  /** The OpenAI merges file. */
  public static final String OPENAI_BPE = "bpe_simple_vocab_16e6.txt.gz";

  private static final String START_OF_TEXT_MARKUP = "<start_of_text>";
  private static final String END_OF_TEXT_MARKUP = "<end_of_text>";

  /**
   * The reference's pre-tokenizer: special tokens, English contractions, letter runs, single
   * digits, runs of anything else but white space. Case-insensitivity touches only the literal
   * alternatives (Java ignores it for {@code \p{..}}); the text is lowercase by then anyway.
   */
  private static final Pattern PIECES =
      Pattern.compile(
          START_OF_TEXT_MARKUP
              + "|"
              + END_OF_TEXT_MARKUP
              + "|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** Enough for the words of a large query log; beyond it words are merged again each time. */
  private static final int CACHE_CAPACITY = 100_000;

  private final BpeVocabulary vocabulary;
  private final int contextLength;
  private final int startOfText;
  private final int endOfText;
  private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();

  private ClipTokenizer(BpeVocabulary vocabulary, int contextLength, Path source)
      throws IOException {
    this.vocabulary = vocabulary;
    this.contextLength = contextLength;
    this.startOfText = specialId(vocabulary, BpeVocabulary.START_OF_TEXT, source);
    this.endOfText = specialId(vocabulary, BpeVocabulary.END_OF_TEXT, source);
  }

  /**
   * A tokenizer from Hugging Face tokenizer files.
   *
   * @throws IllegalArgumentException if {@code contextLength < 2}
   * @throws NoSuchFileException naming the file if either file is missing
   * @throws IOException if a file cannot be read or is malformed, or the vocabulary lacks {@code
   *     <|startoftext|>} or {@code <|endoftext|>}
   */
  public static ClipTokenizer fromHuggingFaceFiles(
      Path vocabJson, Path mergesTxt, int contextLength) throws IOException {
    checkContextLength(contextLength);
    return new ClipTokenizer(
        BpeVocabulary.fromHuggingFaceFiles(vocabJson, mergesTxt), contextLength, vocabJson);
  }

  /**
   * A tokenizer from the BPE tables of a Hugging Face {@code tokenizer.json}; the text cleaning and
   * pre-tokenization stay the reference's, not the file's.
   *
   * @throws IllegalArgumentException if {@code contextLength < 2}
   * @throws NoSuchFileException naming the file if it is missing
   * @throws IOException if the file cannot be read or holds no BPE model
   */
  public static ClipTokenizer fromTokenizerJson(Path tokenizerJson, int contextLength)
      throws IOException {
    checkContextLength(contextLength);
    return new ClipTokenizer(
        BpeVocabulary.fromTokenizerJson(tokenizerJson), contextLength, tokenizerJson);
  }

  /**
   * A tokenizer from OpenAI's gzipped BPE merges file.
   *
   * @throws IllegalArgumentException if {@code contextLength < 2}
   * @throws NoSuchFileException naming the file if it is missing
   * @throws IOException if the file cannot be read or is malformed
   */
  public static ClipTokenizer fromOpenAiBpe(Path bpeGz, int contextLength) throws IOException {
    checkContextLength(contextLength);
    return new ClipTokenizer(BpeVocabulary.fromOpenAiBpe(bpeGz), contextLength, bpeGz);
  }

  /**
   * A tokenizer from a model's text folder: {@value #VOCAB_JSON} and {@value #MERGES_TXT} when
   * either is there, else the BPE tables of {@value #TOKENIZER_JSON}, else the folder's one {@code
   * .txt.gz} BPE file (preferring {@value #OPENAI_BPE}).
   *
   * @throws IllegalArgumentException if {@code contextLength < 2}
   * @throws NoSuchFileException naming what is missing: the folder, one of the Hugging Face files,
   *     or any tokenizer file at all
   * @throws IOException if the files cannot be read or are malformed, or the folder holds several
   *     {@code .txt.gz} files and none is {@value #OPENAI_BPE}
   */
  public static ClipTokenizer fromModelFolder(Path textualDir, int contextLength)
      throws IOException {
    checkContextLength(contextLength);
    Objects.requireNonNull(textualDir, "textualDir");
    if (!Files.isDirectory(textualDir)) {
      throw new NoSuchFileException(textualDir.toString(), null, "model folder not found");
    }
    Path vocabJson = textualDir.resolve(VOCAB_JSON);
    Path mergesTxt = textualDir.resolve(MERGES_TXT);
    if (Files.exists(vocabJson) || Files.exists(mergesTxt)) {
      return fromHuggingFaceFiles(vocabJson, mergesTxt, contextLength);
    }
    Path tokenizerJson = textualDir.resolve(TOKENIZER_JSON);
    if (Files.exists(tokenizerJson)) {
      return fromTokenizerJson(tokenizerJson, contextLength);
    }
    return fromOpenAiBpe(openAiBpeIn(textualDir), contextLength);
  }

  @Override
  public int[] encode(String text) {
    String cleaned = ClipTextCleaner.clean(text);
    // more than contextLength - 2 BPE ids means truncation: stop collecting once that is known
    int room = contextLength - 2;
    IntBuffer ids = new IntBuffer(Math.min(room + 1, 64));
    Matcher pieces = PIECES.matcher(cleaned);
    while (ids.size() <= room && pieces.find()) {
      ids.addAll(bpeIds(pieces.group()));
    }
    int kept = Math.min(ids.size(), room);
    int[] result = new int[kept + 2];
    result[0] = startOfText;
    System.arraycopy(ids.array(), 0, result, 1, kept);
    result[kept + 1] = endOfText;
    return result;
  }

  @Override
  public int contextLength() {
    return contextLength;
  }

  /** 0, as open_clip pads CLIP's token rows. */
  @Override
  public int padId() {
    return 0;
  }

  /** The id every encoding starts with. */
  int startOfTextId() {
    return startOfText;
  }

  /** The id every encoding ends with. */
  int endOfTextId() {
    return endOfText;
  }

  private int[] bpeIds(String piece) {
    switch (piece) {
      case START_OF_TEXT_MARKUP -> {
        return new int[] {startOfText};
      }
      case END_OF_TEXT_MARKUP -> {
        return new int[] {endOfText};
      }
      default -> {}
    }
    int[] cached = cache.get(piece);
    if (cached != null) {
      return cached;
    }
    int[] ids = merge(ByteLevel.encode(piece));
    if (cache.size() < CACHE_CAPACITY) {
      cache.putIfAbsent(piece, ids);
    }
    return ids;
  }

  /** The reference's {@code bpe}: merge the best-ranked adjacent pair until none merges. */
  private int[] merge(String bytes) {
    List<String> symbols = new ArrayList<>(bytes.length());
    for (int i = 0; i < bytes.length() - 1; i++) {
      symbols.add(String.valueOf(bytes.charAt(i)));
    }
    symbols.add(bytes.charAt(bytes.length() - 1) + BpeVocabulary.END_OF_WORD);
    while (symbols.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      String left = null;
      String right = null;
      for (int i = 0; i < symbols.size() - 1; i++) {
        Integer rank = vocabulary.mergeRank(symbols.get(i), symbols.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          left = symbols.get(i);
          right = symbols.get(i + 1);
        }
      }
      if (left == null) {
        break;
      }
      List<String> merged = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        boolean pair =
            i < symbols.size() - 1
                && symbols.get(i).equals(left)
                && symbols.get(i + 1).equals(right);
        if (pair) {
          merged.add(left + right);
          i++;
        } else {
          merged.add(symbols.get(i));
        }
      }
      symbols = merged;
    }
    int[] ids = new int[symbols.size()];
    for (int i = 0; i < ids.length; i++) {
      Integer id = vocabulary.id(symbols.get(i));
      if (id == null) {
        // every byte symbol is in a CLIP vocabulary, so this is a truncated or foreign vocabulary
        throw new IllegalStateException("BPE vocabulary has no id for '" + symbols.get(i) + "'");
      }
      ids[i] = id;
    }
    return ids;
  }

  private static int specialId(BpeVocabulary vocabulary, String token, Path source)
      throws IOException {
    Integer id = vocabulary.id(token);
    if (id == null) {
      throw new IOException(source + ": the vocabulary has no " + token + " token");
    }
    return id;
  }

  private static Path openAiBpeIn(Path dir) throws IOException {
    Path preferred = dir.resolve(OPENAI_BPE);
    if (Files.isRegularFile(preferred)) {
      return preferred;
    }
    List<Path> candidates;
    try (Stream<Path> files = Files.list(dir)) {
      candidates =
          files.filter(p -> p.getFileName().toString().endsWith(".txt.gz")).sorted().toList();
    }
    if (candidates.isEmpty()) {
      throw new NoSuchFileException(
          dir.toString(),
          null,
          "no CLIP tokenizer files: expected "
              + (VOCAB_JSON + " and " + MERGES_TXT + ", or " + OPENAI_BPE));
    }
    if (candidates.size() > 1) {
      throw new IOException(dir + ": several BPE files, cannot choose: " + candidates);
    }
    return candidates.getFirst();
  }

  private static void checkContextLength(int contextLength) {
    if (contextLength < 2) {
      throw new IllegalArgumentException(
          "contextLength must be at least 2 (start and end of text), got " + contextLength);
    }
  }

  /** A growable int array, so ids are not boxed. Confined to one {@link #encode} call. */
  private static final class IntBuffer {
    private int[] values;
    private int size;

    IntBuffer(int capacity) {
      values = new int[Math.max(capacity, 1)];
    }

    void addAll(int[] more) {
      if (size + more.length > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
      }
      System.arraycopy(more, 0, values, size, more.length);
      size += more.length;
    }

    int size() {
      return size;
    }

    int[] array() {
      return values;
    }
  }
}
