package io.clipsearch.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {

  /** The ids of the CLIP vocabulary used below, as in vocab.json. */
  private static final int SOT = 49406;

  private static final int EOT = 49407;
  private static final int A = 320; // "a</w>"

  private static ClipTokenizer tokenizer;

  @BeforeAll
  static void loadVocabulary() throws IOException {
    tokenizer =
        ClipTokenizer.fromHuggingFaceFiles(
            SharedFixtures.clipFixture("tokenizer/vocab.json"),
            SharedFixtures.clipFixture("tokenizer/merges.txt"),
            ClipTokenizer.DEFAULT_CONTEXT_LENGTH);
  }

  @Test
  void aSentencePieceTokenizerJsonIsRefusedByName(@TempDir Path dir) throws IOException {
    // the shape of a SigLIP folder's tokenizer.json: a Unigram model, no BPE merges
    Path json =
        Files.writeString(
            dir.resolve("tokenizer.json"),
            "{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"<pad>\", 0.0]]}}");
    IOException e = assertThrows(IOException.class, () -> ClipTokenizer.fromModelFolder(dir, 64));
    assertTrue(
        e.getMessage().contains("a Unigram tokenizer, not CLIP's byte-level BPE"), e.getMessage());
    assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
  }

  @Test
  void takesSpecialIdsFromTheVocabulary() {
    assertEquals(SOT, tokenizer.startOfTextId());
    assertEquals(EOT, tokenizer.endOfTextId());
    assertEquals(77, tokenizer.contextLength());
  }

  @Test
  void encodesEmptyAndBlankTextAsStartAndEnd() {
    assertArrayEquals(new int[] {SOT, EOT}, tokenizer.encode(""));
    assertArrayEquals(new int[] {SOT, EOT}, tokenizer.encode(" \t\n"));
  }

  @Test
  void truncatesLongTextKeepingTheEndToken() {
    int[] ids = tokenizer.encode("a ".repeat(500));

    assertEquals(77, ids.length);
    assertEquals(SOT, ids[0]);
    assertEquals(EOT, ids[76]);
    for (int i = 1; i < 76; i++) {
      assertEquals(A, ids[i], "id " + i);
    }
  }

  @Test
  void fitsExactlyAtTheContextLength() {
    // 75 words + SOT + EOT = 77: no truncation; 76 words: the last word gives way to EOT
    int[] fits = tokenizer.encode("a ".repeat(75));
    int[] cut = tokenizer.encode("a ".repeat(76));

    assertEquals(77, fits.length);
    assertEquals(A, fits[75]);
    assertArrayEquals(fits, cut);
  }

  @Test
  void honoursASmallContextLength() throws IOException {
    ClipTokenizer two =
        ClipTokenizer.fromHuggingFaceFiles(
            SharedFixtures.clipFixture("tokenizer/vocab.json"),
            SharedFixtures.clipFixture("tokenizer/merges.txt"),
            2);

    assertArrayEquals(new int[] {SOT, EOT}, two.encode("a photo of a dog"));
  }

  @Test
  void readsSpecialTokenMarkupAsTheReferenceDoes() {
    assertArrayEquals(new int[] {SOT, A, EOT, EOT}, tokenizer.encode("A <END_OF_TEXT>"));
  }

  @Test
  void rejectsContextLengthBelowTwoBeforeReadingFiles() {
    Path nowhere = Path.of("does-not-exist");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClipTokenizer.fromHuggingFaceFiles(nowhere, nowhere, 1));
    assertEquals("contextLength must be at least 2 (start and end of text), got 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClipTokenizer.fromOpenAiBpe(nowhere, 0));
    assertThrows(IllegalArgumentException.class, () -> ClipTokenizer.fromModelFolder(nowhere, -5));
  }

  @Test
  void namesTheMissingFile(@TempDir Path dir) throws IOException {
    Path vocab = dir.resolve("vocab.json");
    Path merges = dir.resolve("merges.txt");

    NoSuchFileException noVocab =
        assertThrows(
            NoSuchFileException.class, () -> ClipTokenizer.fromHuggingFaceFiles(vocab, merges, 77));
    assertEquals(vocab.toString(), noVocab.getFile());
    assertTrue(noVocab.getMessage().contains("vocab.json"), noVocab.getMessage());

    Files.writeString(vocab, "{}");
    NoSuchFileException noMerges =
        assertThrows(NoSuchFileException.class, () -> ClipTokenizer.fromModelFolder(dir, 77));
    assertEquals(merges.toString(), noMerges.getFile());

    Path gz = dir.resolve(ClipTokenizer.OPENAI_BPE);
    NoSuchFileException noGz =
        assertThrows(NoSuchFileException.class, () -> ClipTokenizer.fromOpenAiBpe(gz, 77));
    assertEquals(gz.toString(), noGz.getFile());
  }

  @Test
  void explainsAnEmptyModelFolder(@TempDir Path dir) {
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> ClipTokenizer.fromModelFolder(dir, 77));
    assertTrue(e.getMessage().contains("vocab.json"), e.getMessage());
    assertTrue(e.getMessage().contains(ClipTokenizer.OPENAI_BPE), e.getMessage());

    assertThrows(
        NoSuchFileException.class, () -> ClipTokenizer.fromModelFolder(dir.resolve("absent"), 77));
  }

  @Test
  void fallsBackToTheGzInAModelFolder(@TempDir Path dir) throws IOException {
    Files.copy(
        SharedFixtures.clipFixture("tokenizer/bpe_simple_vocab_16e6.txt.gz"),
        dir.resolve(ClipTokenizer.OPENAI_BPE));

    ClipTokenizer fromGz = ClipTokenizer.fromModelFolder(dir, 77);

    assertArrayEquals(tokenizer.encode("A dog on the beach"), fromGz.encode("A dog on the beach"));
  }

  @Test
  void rejectsAVocabularyWithoutSpecialTokens(@TempDir Path dir) throws IOException {
    Path vocab = Files.writeString(dir.resolve("vocab.json"), "{\"a\": 0}");
    Path merges = Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");

    IOException e =
        assertThrows(
            IOException.class, () -> ClipTokenizer.fromHuggingFaceFiles(vocab, merges, 77));
    assertTrue(e.getMessage().contains("<|startoftext|>"), e.getMessage());
  }

  @Test
  void givesTheSameIdsFromManyThreads() throws Exception {
    List<ClipTokenizerGoldenTest.GoldenLine> golden = ClipTokenizerGoldenTest.readGolden();
    ClipTokenizer shared =
        ClipTokenizer.fromHuggingFaceFiles(
            SharedFixtures.clipFixture("tokenizer/vocab.json"),
            SharedFixtures.clipFixture("tokenizer/merges.txt"),
            77);
    List<int[]> expected = new ArrayList<>();
    for (var line : golden) {
      expected.add(tokenizer.encode(line.text()));
    }

    int threads = 8;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<List<int[]>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 97; // each thread starts elsewhere, so first encodings race on the cache
        results.add(
            pool.submit(
                () -> {
                  List<int[]> ids = new ArrayList<>(golden.size());
                  for (int i = 0; i < golden.size(); i++) {
                    ids.add(null);
                  }
                  for (int i = 0; i < golden.size(); i++) {
                    int k = (i + offset) % golden.size();
                    ids.set(k, shared.encode(golden.get(k).text()));
                  }
                  return ids;
                }));
      }
      for (Future<List<int[]>> result : results) {
        List<int[]> ids = result.get();
        for (int i = 0; i < expected.size(); i++) {
          assertArrayEquals(expected.get(i), ids.get(i), golden.get(i).text());
        }
      }
    }
  }
}
