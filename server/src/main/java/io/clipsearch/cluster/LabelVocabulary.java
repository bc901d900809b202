package io.clipsearch.cluster;

import io.clipsearch.model.PromptEnsemble;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The labels clusters and images are named from, and the prompt templates each label is put in. The
 * default is a bundled list of about 300 common photo subjects ({@code labels.txt}: animals, people
 * and activities, places, food, objects, nature, weather, times of day, styles) with four templates
 * from CLIP's prompt-ensembling set. Immutable.
 *
 * @param labels distinct, non-blank labels
 * @param templates prompt templates, each with one {@code {}} for the label
 */
public record LabelVocabulary(List<String> labels, List<String> templates) {

  static final String RESOURCE = "labels.txt";
  public static final List<String> DEFAULT_TEMPLATES =
      List.of(
          "a photo of a {}.",
          "a photo of the {}.",
          "a good photo of a {}.",
          "a close-up photo of the {}.");

  /**
   * @throws IllegalArgumentException if there are no labels or templates, a label is blank or
   *     repeated, or a template lacks {@code {}}
   */
  public LabelVocabulary {
    labels = List.copyOf(labels);
    templates = List.copyOf(templates);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs labels");
    }
    if (new LinkedHashSet<>(labels).size() != labels.size()
        || labels.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("labels must be distinct and non-blank");
    }
    new PromptEnsemble(templates); // checks the templates
  }

  /** The ensemble of this vocabulary's templates. */
  public PromptEnsemble ensemble() {
    return new PromptEnsemble(templates);
  }

  /** The bundled labels with {@link #DEFAULT_TEMPLATES}. */
  public static LabelVocabulary defaults() {
    try (InputStream in =
        Objects.requireNonNull(LabelVocabulary.class.getResourceAsStream(RESOURCE), RESOURCE)) {
      return new LabelVocabulary(parse(in), DEFAULT_TEMPLATES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
  }

  private static List<String> parse(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = reader.readLine()) != null; ) {
      String label = line.strip();
      if (!label.isEmpty() && !label.startsWith("#") && !out.contains(label)) {
        out.add(label);
      }
    }
    return out;
  }

  /** Every prompt of one label. */
  List<String> prompts(String label) {
    return ensemble().prompts(label);
  }
}
