package io.clipsearch.model;

import io.clipsearch.model.mini.MiniClipModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads {@link ClipModel}s from model folders: an open_clip export ({@link ModelFolder}) gives a
 * {@link DjlClipModel}; a folder whose {@code config.json} says {@code "model": "clipsearch-mini"}
 * gives a {@link MiniClipModel}.
 */
public final class ClipModels {

  private ClipModels() {}

  /**
   * Loads the model in {@code folder} with default options.
   *
   * @throws IOException if the folder or one of its files is missing or unreadable
   * @throws EmbeddingException if an engine cannot load a model file
   */
  public static ClipModel load(Path folder) throws IOException {
    return load(folder, LoadOptions.defaults());
  }

  /**
   * Loads the model in {@code folder}.
   *
   * @throws IOException if the folder or one of its files is missing or unreadable
   * @throws IllegalArgumentException if the requested engine's files are not in the folder
   * @throws EmbeddingException if an engine cannot load a model file
   */
  public static ClipModel load(Path folder, LoadOptions options) throws IOException {
    // the mini model's folder has no textual/ tower files, so it is recognized before ModelFolder
    // validates the open_clip layout
    if (MiniClipModel.isMiniFolder(folder)) {
      return MiniClipModel.load(folder, options);
    }
    return new DjlClipModel(ModelFolder.open(folder), options);
  }
}
