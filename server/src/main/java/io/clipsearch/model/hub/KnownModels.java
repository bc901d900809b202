package io.clipsearch.model.hub;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalog of CLIP models that {@code clipsearch models pull} knows by name.
 *
 * <p>All entries are ONNX exports published by the Immich project, in the layout {@link
 * ModelLayout} describes. Sizes are approximate (fp32 ONNX files of both encoders). Immutable and
 * thread-safe.
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
              610 * MB,
              "OpenAI CLIP ViT-B/32: fast, the usual default"),
          new KnownModel(
              "ViT-B-16",
              "immich-app/ViT-B-16__openai",
              "main",
              512,
              "MIT (OpenAI CLIP)",
              600 * MB,
              "OpenAI CLIP ViT-B/16: more accurate than B/32, about 4x slower per image"),
          new KnownModel(
              "ViT-L-14",
              "immich-app/ViT-L-14__openai",
              "main",
              768,
              "MIT (OpenAI CLIP)",
              1_710 * MB,
              "OpenAI CLIP ViT-L/14: most accurate OpenAI model, slow on CPU"),
          new KnownModel(
              "ViT-B-32-laion2b",
              "immich-app/ViT-B-32__laion2b-s34b-b79k",
              "main",
              512,
              "MIT (OpenCLIP, LAION-2B)",
              610 * MB,
              "OpenCLIP ViT-B/32 trained on LAION-2B: better than OpenAI B/32 at the same cost"),
          new KnownModel(
              "ViT-B-16-SigLIP",
              "immich-app/ViT-B-16-SigLIP__webli",
              "main",
              768,
              "Apache-2.0 (Google SigLIP)",
              820 * MB,
              "SigLIP ViT-B/16 (WebLI): sigmoid-loss CLIP, own tokenizer and preprocessing"));

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
