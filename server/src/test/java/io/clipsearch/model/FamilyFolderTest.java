package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.tokenizer.TextClean;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SigLIP and multilingual folders: what their config says, {@code models verify} on them, and the
 * load-time errors of a folder that lacks what its family needs.
 */
class FamilyFolderTest {

  @Test
  void configNamesTheTokenizerAndItsCleaning() throws IOException {
    ClipConfig siglip =
        ModelFolder.open(SharedFixtures.clipFixture("families/tiny-siglip")).config();
    assertEquals("timm/ViT-B-16-SigLIP", siglip.hfTokenizerName());
    assertEquals(TextClean.CANONICALIZE, siglip.clean());
    assertEquals(64, siglip.contextLength());
    ClipConfig mclip = ModelFolder.open(SharedFixtures.clipFixture("families/tiny-mclip")).config();
    assertEquals("xlm-roberta-base", mclip.hfTokenizerName());
    assertEquals(
        TextClean.WHITESPACE, mclip.clean(), "open_clip's default when tokenizer_kwargs is absent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tiny-siglip", "tiny-mclip"})
  void modelsVerifyPasses(String fixture) throws IOException {
    List<ModelVerifier.Check> checks =
        new ModelVerifier()
            .verify(SharedFixtures.clipFixture("families/" + fixture), LoadOptions.defaults());
    assertTrue(checks.size() > 1, checks.toString());
    assertTrue(checks.stream().allMatch(ModelVerifier.Check::passed), checks.toString());
    // neither has a causal text tower: SigLIP attends both ways, XLM-R takes an attention mask
    ModelVerifier.Check text =
        checks.stream().filter(c -> c.name().equals("ONNX text length")).findFirst().orElseThrow();
    assertTrue(text.detail().startsWith("kept at the context length: "), text.detail());
  }

  @Test
  void aUnigramTokenizerWithoutItsConfigNamesWhatIsMissing(@TempDir Path dir) throws IOException {
    Path folder =
        TestFiles.copyTree(
            SharedFixtures.clipFixture("families/tiny-siglip"), dir.resolve("tiny-siglip"));
    String config = Files.readString(folder.resolve("config.json"));
    Files.writeString(
        folder.resolve("config.json"),
        config.replace("\"hf_tokenizer_name\"", "\"was_hf_tokenizer_name\""));
    IOException e = assertThrows(IOException.class, () -> ModelFolder.open(folder).openTokenizer());
    assertTrue(
        e.getMessage().contains("Unigram") && e.getMessage().contains("text_cfg.hf_tokenizer_name"),
        e.getMessage());
  }

  @Test
  void aMissingTokenizerJsonIsNamed(@TempDir Path dir) throws IOException {
    Path folder =
        TestFiles.copyTree(
            SharedFixtures.clipFixture("families/tiny-mclip"), dir.resolve("tiny-mclip"));
    Files.delete(folder.resolve("textual/tokenizer.json"));
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ClipModels.load(folder));
    assertTrue(e.getFile().endsWith("tokenizer.json"), e.getFile());
    assertTrue(e.getMessage().contains("hf_tokenizer_name"), e.getMessage());
  }

  @Test
  void anUnknownCleaningIsRefusedNamingTheKey(@TempDir Path dir) throws IOException {
    Path folder =
        TestFiles.copyTree(
            SharedFixtures.clipFixture("families/tiny-siglip"), dir.resolve("tiny-siglip"));
    String config = Files.readString(folder.resolve("config.json"));
    Files.writeString(
        folder.resolve("config.json"), config.replace("\"canonicalize\"", "\"stem\""));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelFolder.open(folder));
    assertTrue(e.getMessage().contains("tokenizer_kwargs.clean \"stem\""), e.getMessage());
  }
}
