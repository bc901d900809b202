package io.clipsearch.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A family of model folders that load into a {@link ClipModel}: the seam where a new kind of model
 * plugs in. {@link ClipModels} is the one place that chooses: it asks each family registered as a
 * {@link java.util.ServiceLoader} provider ({@code
 * META-INF/services/io.clipsearch.model.ModelFamily}) whether it {@linkplain #recognizes
 * recognizes} the folder, and falls back to {@link OpenClipFamily}, the open_clip export layout,
 * which explains what a folder lacks. So {@code model} names none of its families' packages (the
 * mini model, {@code model.mini}, registers itself) and no package cycle arises.
 *
 * <p>Implementations are stateless and thread-safe; the models they load are owned by the caller.
 */
public interface ModelFamily {

  /** The family's name, for logs and errors (e.g. {@code open_clip}, {@code clipsearch-mini}). */
  String name();

  /**
   * Whether {@code folder} holds a model of this family, judged from a marker (such as a value in
   * its {@code config.json}) without loading anything. Never throws: an unreadable folder is not
   * recognized.
   */
  boolean recognizes(Path folder);

  /**
   * Loads the model in {@code folder}.
   *
   * @throws IOException if a file is missing or unreadable, naming it
   * @throws IllegalArgumentException if the options ask for what the family cannot do (such as an
   *     engine it has no files for) or a config value is invalid
   * @throws EmbeddingException if an engine cannot load a model file
   */
  ClipModel load(Path folder, LoadOptions options) throws IOException;
}
