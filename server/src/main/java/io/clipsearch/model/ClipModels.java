package io.clipsearch.model;

import java.io.IOException;
import java.nio.file.Path;

/** Loads {@link ClipModel}s from model folders. */
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
    return new DjlClipModel(ModelFolder.open(folder), options);
  }
}
