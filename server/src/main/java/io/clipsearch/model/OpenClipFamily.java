package io.clipsearch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CLIP family: folders in the open_clip export layout ({@link ModelFolder}), run by {@link
 * DjlClipModel} on ONNX Runtime or PyTorch. It covers OpenAI CLIP, OpenCLIP, SigLIP and XLM-R text
 * towers alike; their tokenizers plug in at {@link TokenizerFamily}. {@link ClipModels} uses it for
 * every folder no other family recognizes, so its errors say which open_clip file is missing.
 * Stateless.
 */
public final class OpenClipFamily implements ModelFamily {

  @Override
  public String name() {
    return "open_clip";
  }

  /**
   * Whether the folder has the open_clip layout's configs and a text tower folder; {@link #load}
   * checks the rest.
   */
  @Override
  public boolean recognizes(Path folder) {
    return Files.isRegularFile(folder.resolve("config.json"))
        && Files.isRegularFile(folder.resolve("visual").resolve("preprocess_cfg.json"))
        && Files.isDirectory(folder.resolve("textual"));
  }

  @Override
  public ClipModel load(Path folder, LoadOptions options) throws IOException {
    return new DjlClipModel(ModelFolder.open(folder), options);
  }
}
