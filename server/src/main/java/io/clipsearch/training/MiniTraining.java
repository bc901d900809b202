package io.clipsearch.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipsearch.model.mini.MiniImageTower;
import io.clipsearch.model.mini.MiniLmTextEncoder;
import io.clipsearch.model.mini.MiniTowerExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One reproducible mini-model training run, from the datasets folder to a model folder: read the
 * training set, compute (or reuse) the class text targets, decode the images, train (resuming a
 * checkpoint if there is one) and export.
 *
 * <p>Layout of {@code out}: {@code config.json} (marks the folder as the mini model and holds the
 * tower's shape), {@code visual/preprocess_cfg.json} (open_clip format: 64 px, bicubic, shortest
 * side, CLIP mean/std), {@code visual/image-tower.params} (DJL parameters of {@link
 * MiniImageTower}); the text tower is not copied, it ships in the MiniLM jar. Work files
 * (checkpoints, target cache) go to {@code out/.work/}, which is not part of the model.
 */
public final class MiniTraining {

  public static final String CONFIG_FILE = "config.json";
  public static final String PARAMS_FILE = "visual/image-tower.params";
  public static final String MODEL_NAME = "clipsearch-mini";

  private MiniTraining() {}

  /**
   * @param limits class/image limits (smoke runs); {@link TrainingSet.Limits#NONE} for the model
   * @return where training stopped; the model folder is exported when it finished
   * @throws IOException if the data cannot be read or the output written
   */
  public static MiniTrainer.Result run(
      Path datasets,
      Path out,
      TrainingSet.Limits limits,
      MiniTrainer.Config config,
      Consumer<String> progress)
      throws IOException {
    Path work = out.resolve(".work");
    TrainingSet set = TrainingSet.read(datasets, limits);
    progress.accept(
        "training set: " + set.classes().size() + " classes, " + set.items().size() + " images");
    long t0 = System.nanoTime();
    ClassTargets targets = ClassTargets.cached(work.resolve("class-targets.bin"), set.classes(), 2);
    progress.accept(
        String.format(
            "class text targets: %d x %d prompts in %.1f s",
            set.classes().size(), ClassTargets.TEMPLATES.size(), (System.nanoTime() - t0) / 1e9));
    t0 = System.nanoTime();
    ImageStore store = ImageStore.load(set.items(), config.tower().imageSize());
    progress.accept(
        String.format(
            "decoded %d images at %d px in %.1f s",
            store.count(), store.size(), (System.nanoTime() - t0) / 1e9));
    int[] labels = set.items().stream().mapToInt(TrainingSet.Item::label).toArray();
    MiniTrainer.Result result =
        new MiniTrainer(config).train(store, labels, targets, work.resolve("checkpoint"), progress);
    if (result.finished()) {
      export(out, work.resolve("checkpoint"), config, set, result);
      progress.accept("model written to " + out);
    } else {
      progress.accept("stopped early; run the same command again to resume");
    }
    return result;
  }

  private static void export(
      Path out,
      Path checkpoint,
      MiniTrainer.Config config,
      TrainingSet set,
      MiniTrainer.Result result)
      throws IOException {
    Files.createDirectories(out.resolve("visual"));
    Files.copy(
        checkpoint.resolve(MiniTrainer.PARAMS_PREFIX + "-0000.params"),
        out.resolve(PARAMS_FILE),
        StandardCopyOption.REPLACE_EXISTING);
    MiniImageTower t = config.tower();
    Map<String, Object> vision = new LinkedHashMap<>();
    vision.put("image_size", t.imageSize());
    vision.put("stem_width", t.stemWidth());
    vision.put("widths", t.widths());
    vision.put("blocks_per_stage", t.blocksPerStage());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("planned_epochs", config.optimization().epochs());
    training.put("budget_minutes", config.budget().toMinutes());
    training.put("steps", result.steps()); // fewer than planned when the budget fitted the schedule
    config.optimization().describeIn(training);
    training.put("classes", set.classes().size());
    training.put("images", set.items().size());
    training.put("prompt_templates", ClassTargets.TEMPLATES);
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("model", MODEL_NAME);
    cfg.put("embed_dim", MiniLmTextEncoder.DIMENSION);
    cfg.put("text_model", MiniLmTextEncoder.MODEL_ID);
    cfg.put("vision", vision);
    cfg.put("training", training);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(out.resolve(CONFIG_FILE).toFile(), cfg);
    Map<String, Object> pre = new LinkedHashMap<>();
    pre.put("size", List.of(t.imageSize(), t.imageSize()));
    pre.put("mode", "RGB");
    pre.put("mean", Augmenter.MEAN);
    pre.put("std", Augmenter.STD);
    pre.put("interpolation", "bicubic");
    pre.put("resize_mode", "shortest");
    pre.put("fill_color", 0);
    json.writeValue(out.resolve("visual/preprocess_cfg.json").toFile(), pre);
    MiniTowerExport.export(out); // what the model runs on: ONNX Runtime, no PyTorch
  }
}
