package io.clipsearch.lab;

import io.clipsearch.model.PromptEnsemble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prompt templates for zero-shot classification: each holds {@code {}} where the class name goes.
 * Immutable.
 *
 * <p>Built in: {@link #OPENAI_IMAGENET}, the 80 templates OpenAI used for ImageNet (CLIP's {@code
 * notebooks/Prompt_Engineering_for_ImageNet.ipynb}), and {@link #OPENAI_SUBSET_7}, the 7 of them
 * that notebook found to give most of the ensemble's gain at a tenth of the cost.
 *
 * @param name what the set is called in reports
 * @param templates at least one template, each containing {@code {}}
 */
public record PromptTemplates(String name, List<String> templates) {

  public static final PromptTemplates OPENAI_IMAGENET =
      new PromptTemplates(
          "openai-imagenet-80",
          List.of(
              "a bad photo of a {}.",
              "a photo of many {}.",
              "a sculpture of a {}.",
              "a photo of the hard to see {}.",
              "a low resolution photo of the {}.",
              "a rendering of a {}.",
              "graffiti of a {}.",
              "a bad photo of the {}.",
              "a cropped photo of the {}.",
              "a tattoo of a {}.",
              "the embroidered {}.",
              "a photo of a hard to see {}.",
              "a bright photo of a {}.",
              "a photo of a clean {}.",
              "a photo of a dirty {}.",
              "a dark photo of the {}.",
              "a drawing of a {}.",
              "a photo of my {}.",
              "the plastic {}.",
              "a photo of the cool {}.",
              "a close-up photo of a {}.",
              "a black and white photo of the {}.",
              "a painting of the {}.",
              "a painting of a {}.",
              "a pixelated photo of the {}.",
              "a sculpture of the {}.",
              "a bright photo of the {}.",
              "a cropped photo of a {}.",
              "a plastic {}.",
              "a photo of the dirty {}.",
              "a jpeg corrupted photo of a {}.",
              "a blurry photo of the {}.",
              "a photo of the {}.",
              "a good photo of the {}.",
              "a rendering of the {}.",
              "a {} in a video game.",
              "a photo of one {}.",
              "a doodle of a {}.",
              "a close-up photo of the {}.",
              "a photo of a {}.",
              "the origami {}.",
              "the {} in a video game.",
              "a sketch of a {}.",
              "a doodle of the {}.",
              "a origami {}.",
              "a low resolution photo of a {}.",
              "the toy {}.",
              "a rendition of the {}.",
              "a photo of the clean {}.",
              "a photo of a large {}.",
              "a rendition of a {}.",
              "a photo of a nice {}.",
              "a photo of a weird {}.",
              "a blurry photo of a {}.",
              "a cartoon {}.",
              "art of a {}.",
              "a sketch of the {}.",
              "a embroidered {}.",
              "a pixelated photo of a {}.",
              "itap of the {}.",
              "a jpeg corrupted photo of the {}.",
              "a good photo of a {}.",
              "a plushie {}.",
              "a photo of the nice {}.",
              "a photo of the small {}.",
              "a photo of the weird {}.",
              "the cartoon {}.",
              "art of the {}.",
              "a drawing of the {}.",
              "a photo of the large {}.",
              "a black and white photo of a {}.",
              "the plushie {}.",
              "a dark photo of a {}.",
              "itap of a {}.",
              "graffiti of the {}.",
              "a toy {}.",
              "itap of my {}.",
              "a photo of a cool {}.",
              "a photo of a small {}.",
              "a tattoo of the {}."));

  public static final PromptTemplates OPENAI_SUBSET_7 =
      new PromptTemplates(
          "openai-imagenet-7",
          List.of(
              "itap of a {}.",
              "a bad photo of the {}.",
              "a origami {}.",
              "a photo of the large {}.",
              "a {} in a video game.",
              "art of the {}.",
              "a photo of the small {}."));

  /** The single prompt "a photo of a {}." (no ensembling). */
  public static final PromptTemplates SINGLE =
      new PromptTemplates("single", List.of("a photo of a {}."));

  /**
   * @throws IllegalArgumentException if there is no template or one lacks {@code {}}
   */
  public PromptTemplates {
    templates = new PromptEnsemble(templates).templates();
  }

  /** The ensemble of these templates. */
  public PromptEnsemble ensemble() {
    return new PromptEnsemble(templates);
  }

  /**
   * A built-in set by name ({@code openai-imagenet-80}, {@code openai-imagenet-7}, {@code single}),
   * else a file of templates, one a line (blank lines and {@code #} comments skipped).
   *
   * @throws IOException if the file cannot be read
   */
  public static PromptTemplates resolve(String nameOrFile) throws IOException {
    for (PromptTemplates builtIn : List.of(OPENAI_IMAGENET, OPENAI_SUBSET_7, SINGLE)) {
      if (builtIn.name().equals(nameOrFile)) {
        return builtIn;
      }
    }
    Path file = Path.of(nameOrFile);
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    return new PromptTemplates(file.getFileName().toString(), lines);
  }

  /** The prompts of one class, in template order. */
  public List<String> prompts(String className) {
    return ensemble().prompts(className);
  }
}
