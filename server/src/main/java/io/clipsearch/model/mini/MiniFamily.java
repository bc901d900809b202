package io.clipsearch.model.mini;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.ModelFamily;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The mini model as a {@link ModelFamily}: recognized by {@code "model": "clipsearch-mini"} in
 * {@code config.json}, loaded as a {@link MiniClipModel}. Registered in {@code
 * META-INF/services/io.clipsearch.model.ModelFamily}, so {@code model} never names this package.
 * Stateless.
 */
public final class MiniFamily implements ModelFamily {

  @Override
  public String name() {
    return MiniClipModel.MODEL_NAME;
  }

  @Override
  public boolean recognizes(Path folder) {
    return MiniClipModel.isMiniFolder(folder);
  }

  @Override
  public ClipModel load(Path folder, LoadOptions options) throws IOException {
    return MiniClipModel.load(folder, options);
  }
}
