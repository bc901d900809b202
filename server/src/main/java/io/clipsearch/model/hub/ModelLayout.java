package io.clipsearch.model.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a CLIP model folder, as the Immich project publishes OpenCLIP/OpenAI exports: {@code
 * config.json}, {@code visual/} (preprocessing config and ONNX image encoder) and {@code textual/}
 * (ONNX text encoder and Hugging Face tokenizer files). See {@code models/README.md}.
 *
 * <p>A pull fetches exactly {@link #REQUIRED} plus whichever of {@link #OPTIONAL} the repository
 * has, nothing else (published repos also hold fp16, ArmNN and RKNN variants we do not use).
 * Stateless and thread-safe.
 */
public final class ModelLayout {

  /** Files every model folder must have, as paths relative to the folder with {@code /}. */
  public static final List<String> REQUIRED =
      List.of(
          "config.json",
          "visual/preprocess_cfg.json",
          "visual/model.onnx",
          "textual/model.onnx",
          "textual/tokenizer.json",
          "textual/tokenizer_config.json");

  /**
   * Files taken when published: external weights of ONNX models over 2 GB, and the tokenizer files
   * that only BPE (CLIP) tokenizers have.
   */
  public static final List<String> OPTIONAL =
      List.of(
          "visual/model.onnx_data",
          "textual/model.onnx_data",
          "textual/vocab.json",
          "textual/merges.txt",
          "textual/special_tokens_map.json");

  private ModelLayout() {}

  /** Whether a file of a published repository belongs in a model folder. */
  public static boolean wanted(String path) {
    return REQUIRED.contains(path) || OPTIONAL.contains(path);
  }

  /** The {@link #REQUIRED} files absent from {@code modelDir}, empty when it is complete. */
  public static List<String> missingFiles(Path modelDir) {
    return REQUIRED.stream().filter(p -> !Files.isRegularFile(modelDir.resolve(p))).toList();
  }

  /** The {@link #REQUIRED} files absent from a repository's file list. */
  static List<String> missingFrom(List<String> repoPaths) {
    return REQUIRED.stream().filter(p -> !repoPaths.contains(p)).toList();
  }
}
