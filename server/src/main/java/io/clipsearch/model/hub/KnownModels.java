package io.clipsearch.model.hub;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalog of CLIP models that {@code clipsearch models pull} knows by name.
 *
 * <p>All entries are ONNX exports published by the Immich project, in the layout {@link
 * ModelLayout} describes, of three families: OpenAI-style CLIP (CLIP BPE tokenizer), SigLIP and
 * SigLIP 2 (Hugging Face tokenizer, sigmoid scores) and multilingual CLIP (XLM-RoBERTa text
 * towers). Sizes are approximate (fp32 ONNX files of both encoders). No checksum is pinned here: a
 * pull checks every file against the size and hash the Hub publishes for the revision (see {@link
 * ModelDownloader}). Immutable and thread-safe.
 */
public final class KnownModels {

  private static final long MB = 1_000_000L;

  private static final List<KnownModel> ALL =
      List.of(
          new KnownModel(
              "ViT-B-32",
              "immich-app/ViT-B-32__openai",
              "main",
              512,
              "MIT (OpenAI CLIP)",
              "English",
              610 * MB,
              "OpenAI CLIP ViT-B/32: fast, the usual default"),
          new KnownModel(
              "ViT-B-16",
              "immich-app/ViT-B-16__openai",
              "main",
              512,
              "MIT (OpenAI CLIP)",
              "English",
              600 * MB,
              "OpenAI CLIP ViT-B/16: more accurate than B/32, about 4x slower per image"),
          new KnownModel(
              "ViT-L-14",
              "immich-app/ViT-L-14__openai",
              "main",
              768,
              "MIT (OpenAI CLIP)",
              "English",
              1_710 * MB,
              "OpenAI CLIP ViT-L/14: most accurate OpenAI model, slow on CPU"),
          new KnownModel(
              "ViT-B-32-laion2b",
              "immich-app/ViT-B-32__laion2b-s34b-b79k",
              "main",
              512,
              "MIT (OpenCLIP, LAION-2B)",
              "English",
              610 * MB,
              "OpenCLIP ViT-B/32 trained on LAION-2B: better than OpenAI B/32 at the same cost"),
          new KnownModel(
              "ViT-B-16-SigLIP",
              "immich-app/ViT-B-16-SigLIP__webli",
              "main",
              768,
              "Apache-2.0 (Google SigLIP)",
              "English",
              820 * MB,
              "SigLIP ViT-B/16 (WebLI): sigmoid scores, Unigram tokenizer, squash resize"),
          new KnownModel(
              "ViT-B-16-SigLIP2",
              "immich-app/ViT-B-16-SigLIP2__webli",
              "main",
              768,
              "Apache-2.0 (Google SigLIP 2)",
              "Multilingual (Gemma tokenizer; best in English)",
              1_500 * MB,
              "SigLIP 2 ViT-B/16 at 224 px (WebLI): multilingual Gemma tokenizer, sigmoid scores"),
          new KnownModel(
              "ViT-L-16-SigLIP2-384",
              "immich-app/ViT-L-16-SigLIP2-384__webli",
              "main",
              1024,
              "Apache-2.0 (Google SigLIP 2)",
              "Multilingual (Gemma tokenizer; best in English)",
              3_500 * MB,
              "SigLIP 2 ViT-L/16 at 384 px: much more accurate, slow on CPU"),
          new KnownModel(
              "xlm-roberta-base-ViT-B-32",
              "immich-app/xlm-roberta-base-ViT-B-32__laion5b_s13b_b90k",
              "main",
              512,
              "MIT (OpenCLIP, LAION-5B; XLM-RoBERTa MIT)",
              "About 100 languages",
              1_450 * MB,
              "Multilingual OpenCLIP: XLM-RoBERTa base text tower (100 languages), ViT-B/32 images"),
          new KnownModel(
              "xlm-roberta-large-ViT-H-14",
              "immich-app/xlm-roberta-large-ViT-H-14__frozen_laion5b_s13b_b90k",
              "main",
              1024,
              "MIT (OpenCLIP, LAION-5B; XLM-RoBERTa MIT)",
              "About 100 languages",
              4_600 * MB,
              "Multilingual OpenCLIP: XLM-RoBERTa large text tower, ViT-H/14 images; best multilingual, slow"));

  private KnownModels() {}

  /** Every known model, in display order. */
  public static List<KnownModel> all() {
    return ALL;
  }

  /**
   * The model called {@code name}, ignoring case. Also matches the Hub repository ({@code
   * immich-app/ViT-B-32__openai}) or its last part ({@code ViT-B-32__openai}), so names people know
   * from Immich work too.
   */
  public static Optional<KnownModel> find(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(
            m ->
                m.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || m.repo().toLowerCase(Locale.ROOT).equals(wanted)
                    || m.repo()
                        .substring(m.repo().indexOf('/') + 1)
                        .toLowerCase(Locale.ROOT)
                        .equals(wanted))
        .findFirst();
  }

  /**
   * The model called {@code name}, as {@link #find(String)}.
   *
   * @throws IllegalArgumentException if no model has that name; the message lists the known ones
   */
  public static KnownModel require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown model '"
                        + name
                        + "'; known models: "
                        + ALL.stream().map(KnownModel::name).collect(Collectors.joining(", "))));
  }
}
