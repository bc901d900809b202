package io.clipsearch.cli;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.LoadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every model-using command shares: which folder, which engine, how many threads. */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "CLIP model folder (default: the bundled models/clipsearch-mini)")
  Path model;

  @Option(
      names = "--engine",
      paramLabel = "onnx|pytorch",
      description = "inference engine (default: ONNX where the folder has it)")
  String engine;

  @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all cores)")
  int threads;

  @Option(
      names = "--fast-decode",
      description =
          "decode large JPEGs at reduced scale (faster; vectors differ slightly from the reference)")
  boolean fastDecode;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "refuse images above N pixels before decoding (default: 100000000)")
  long maxPixels = LoadOptions.DEFAULT_MAX_IMAGE_PIXELS;

  LoadOptions loadOptions() {
    return LoadOptions.defaults()
        .withThreads(threads)
        .withFastDecode(fastDecode)
        .withMaxImagePixels(maxPixels)
        .withEngineNamed(engine)
        .withCacheDir(CollectionLayout.textTowersDir(ClipsearchFolders.current().data()));
  }

  /**
   * The {@code clipsearch.model.*} server properties of the options given on the command line, for
   * {@code serve}: an option left at its default sets nothing, so the settings file and the {@code
   * CLIPSEARCH_MODEL_*} variables still apply.
   */
  Map<String, Object> serverProperties() {
    Map<String, Object> properties = new HashMap<>();
    if (model != null) {
      properties.put("clipsearch.model.dir", model.toAbsolutePath().toString());
    }
    if (engine != null) {
      properties.put("clipsearch.model.engine", engine);
    }
    if (threads != 0) {
      properties.put("clipsearch.model.threads", threads);
    }
    if (fastDecode) {
      properties.put("clipsearch.model.fast-decode", true);
    }
    if (maxPixels != LoadOptions.DEFAULT_MAX_IMAGE_PIXELS) {
      properties.put("clipsearch.model.max-image-pixels", maxPixels);
    }
    return properties;
  }

  ClipModel load() throws IOException {
    return ClipModels.load(folder(), loadOptions());
  }

  /** The folder to load: {@code --model}, else the bundled mini model. */
  Path folder() {
    return BundledModel.resolve(model, Path.of(System.getProperty("clipsearch.home", ".")));
  }
}
