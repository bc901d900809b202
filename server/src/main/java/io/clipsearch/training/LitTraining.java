package io.clipsearch.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.PreprocessConfig;
import io.clipsearch.model.lit.LitTowerExport;
import io.clipsearch.model.lit.ProjectionLayer;
import io.clipsearch.model.mini.MiniClipModel;
import io.clipsearch.model.mini.MiniLmTextEncoder;
import io.clipsearch.model.mini.MiniTowerExport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One reproducible LiT training run, from the datasets folder and a tfjs backbone to a mini-model
 * folder: the backbone converted to ONNX ({@link LitTowerExport#backbone}), its features of the
 * training images computed once ({@link BackboneFeatures}), the class text targets ({@link
 * ClassTargets}), the projection trained on them ({@link ProjectionTrainer}), then the folder
 * written: {@code config.json} (the backbone, the projection's shape and the training settings),
 * {@code visual/preprocess_cfg.json} and {@code visual/image-tower.onnx} (backbone, projection and
 * normalization in one graph, the model id in its metadata). Work files (the backbone ONNX, the
 * features, the targets) stay in {@code <out>/.work}, so a second run with other projection
 * settings costs seconds. Stateless.
 */
public final class LitTraining {

  /** What the backbone is called in the config and the model card. */
  public static final String BACKBONE =
      "MobileNet v2 1.4 (TF Hub ImageNet feature vector) from npm nsfwjs 4.4.0";

  private LitTraining() {}

  /**
   * @param backbone the unpacked tfjs graph model ({@code scripts/backbone/unpack.mjs})
   * @param size the backbone's input side
   * @param taps intermediate nodes whose pooled outputs join the features ({@link
   *     LitTowerExport#backbone})
   * @return the trained projection with its held-out accuracy
   * @throws IOException if the data cannot be read or the output written
   */
  public static ProjectionTrainer.Projection run(
      Path datasets,
      Path backbone,
      int size,
      List<String> taps,
      Path out,
      TrainingSet.Limits limits,
      ProjectionTrainer.Config config,
      int threads,
      Consumer<String> progress)
      throws IOException {
    Path work = out.resolve(".work");
    Files.createDirectories(work);
    TrainingSet set = TrainingSet.read(datasets, limits);
    progress.accept(
        "training set: " + set.classes().size() + " classes, " + set.items().size() + " images");
    Path backboneOnnx = work.resolve("backbone.onnx");
    int dimension = LitTowerExport.backbone(backbone, size, taps, BACKBONE, backboneOnnx);
    PreprocessConfig preprocess = preprocess(size);
    BackboneFeatures features =
        BackboneFeatures.cached(
            work.resolve("features.bin"),
            set.items(),
            backboneOnnx,
            new ClipPreprocessor(preprocess),
            dimension,
            threads,
            progress);
    ClassTargets targets = ClassTargets.cached(work.resolve("class-targets.bin"), set.classes(), 2);
    int[] labels = set.items().stream().mapToInt(TrainingSet.Item::label).toArray();
    ProjectionTrainer.Projection projection =
        new ProjectionTrainer(config).train(features, labels, targets, progress);
    write(out, backbone, size, taps, dimension, preprocess, set, config, projection);
    progress.accept("model written to " + out);
    return projection;
  }

  /**
   * The backbone's input: the shortest side resized to {@code size} (bicubic) and the center
   * cropped, RGB in 0..1 (the graph scales to -1..1 itself, as TF Hub's module does).
   */
  static PreprocessConfig preprocess(int size) {
    return new PreprocessConfig(
        size,
        new float[] {0, 0, 0},
        new float[] {1, 1, 1},
        PreprocessConfig.Interpolation.BICUBIC,
        PreprocessConfig.ResizeMode.SHORTEST,
        0);
  }

  private static void write(
      Path out,
      Path backbone,
      int size,
      List<String> taps,
      int dimension,
      PreprocessConfig preprocess,
      TrainingSet set,
      ProjectionTrainer.Config config,
      ProjectionTrainer.Projection projection)
      throws IOException {
    Files.createDirectories(out.resolve("visual"));
    Map<String, Object> vision = new LinkedHashMap<>();
    vision.put("backbone", BACKBONE);
    vision.put("image_size", size);
    vision.put("taps", taps);
    vision.put("features", dimension);
    vision.put("hidden", config.hidden());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("objective", "LiT: locked backbone, trained projection");
    training.put("epochs", config.optimization().epochs());
    config.optimization().describeIn(training);
    training.put("held_out", config.heldOut());
    training.put("held_out_top1", projection.heldOutTop1());
    training.put("classes", set.classes().size());
    training.put("images", set.items().size());
    training.put("prompt_templates", ClassTargets.TEMPLATES);
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("model", MiniTraining.MODEL_NAME);
    cfg.put("embed_dim", MiniLmTextEncoder.DIMENSION);
    cfg.put("text_model", MiniLmTextEncoder.MODEL_ID);
    cfg.put("vision", vision);
    cfg.put("training", training);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    byte[] configBytes = json.writeValueAsBytes(cfg);
    Files.write(out.resolve(MiniTraining.CONFIG_FILE), configBytes);
    Path preprocessFile = out.resolve(MiniClipModel.PREPROCESS_FILE);
    Map<String, Object> pre = new LinkedHashMap<>();
    pre.put("size", List.of(size, size));
    pre.put("mode", "RGB");
    pre.put("mean", preprocess.mean());
    pre.put("std", preprocess.std());
    pre.put("interpolation", "bicubic");
    pre.put("resize_mode", "shortest");
    pre.put("fill_color", 0);
    json.writeValue(preprocessFile.toFile(), pre);
    String id = modelId(out, configBytes, Files.readAllBytes(preprocessFile), projection.layers());
    LitTowerExport.tower(
        backbone,
        size,
        taps,
        BACKBONE,
        projection.layers(),
        MiniTowerExport.MODEL_ID_KEY,
        id,
        out.resolve(MiniTowerExport.ONNX_FILE));
  }

  /** {@code <folder name>@<12 hex>}: SHA-256 over the config, preprocessing and projection. */
  static String modelId(Path out, byte[] config, byte[] preprocess, List<ProjectionLayer> layers) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(config);
      sha.update(preprocess);
      for (ProjectionLayer layer : layers) {
        ByteBuffer b =
            ByteBuffer.allocate((layer.weight().length + layer.bias().length) * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(layer.weight()).put(layer.bias());
        sha.update(b);
      }
      String name = out.toAbsolutePath().normalize().getFileName().toString();
      return name + "@" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
