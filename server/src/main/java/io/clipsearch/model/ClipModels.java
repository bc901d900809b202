package io.clipsearch.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one place that chooses how a model folder loads: the first {@link ModelFamily} registered as
 * a service provider that recognizes the folder (the bundled mini model's family, {@code
 * model.mini.MiniFamily}, registers itself so), else {@link OpenClipFamily}, the open_clip export
 * layout loaded as a {@link DjlClipModel}. Stateless; the families are discovered once.
 */
public final class ClipModels {

  private static final ModelFamily OPEN_CLIP = new OpenClipFamily();

  /** The families registered in {@code META-INF/services/io.clipsearch.model.ModelFamily}. */
  private static final List<ModelFamily> REGISTERED =
      ServiceLoader.load(ModelFamily.class, ClipModels.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

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
    return familyOf(folder).load(folder, options);
  }

  /** The family that loads {@code folder}: a registered one that recognizes it, else open_clip. */
  static ModelFamily familyOf(Path folder) {
    for (ModelFamily family : REGISTERED) {
      if (family.recognizes(folder)) {
        return family;
      }
    }
    return OPEN_CLIP;
  }
}
