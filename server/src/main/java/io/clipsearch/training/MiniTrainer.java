package io.clipsearch.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import io.clipsearch.model.mini.MiniImageTower;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Trains the mini image tower with DJL on PyTorch (CPU) against frozen class text targets.
 *
 * <p>Objective (LiT): image embeddings {@code e} (L2-normalized) against all class targets {@code
 * T} (L2-normalized, from {@link ClassTargets}); logits {@code e·Tᵀ / temperature}; softmax
 * cross-entropy with the image's label. AdamW with a cosine learning-rate schedule over the planned
 * steps: the epochs' steps, or fewer when the time budget will stop the run first (after {@value
 * #PLAN_AFTER_STEPS} steps the measured rate and the budget left fix the plan, so the rate still
 * decays before the budget runs out; the plan is saved with the checkpoint). A run whose fitted
 * schedule completes is finished even if epochs remain, so a budget-limited run still exports a
 * model. He-normal initialization. The run is deterministic for a seed (PyTorch's seed, seeded
 * shuffling and augmentation) on the same thread count.
 *
 * <p>Checkpoints: after every epoch, and when the time budget runs out, the parameters go to {@code
 * checkpointDir} as DJL {@code .params} with a {@code checkpoint.properties} naming the position
 * (epoch, batch, step); {@link #train} resumes from there. AdamW's moment estimates are not saved
 * (DJL offers no optimizer state export), so a resumed run re-warms them; the schedule continues
 * from the saved step.
 *
 * <p>Not thread-safe; one run at a time per instance. Owns its model and trainer for the duration
 * of {@link #train}.
 */
public final class MiniTrainer {

  static final String PARAMS_PREFIX = "mini-image-tower";
  static final String STATE_FILE = "checkpoint.properties";

  /** Steps of a run after which its step rate is measured to fit the schedule to the budget. */
  static final int PLAN_AFTER_STEPS = 50;

  /**
   * @param tower the architecture
   * @param optimization epochs, batches, AdamW, temperature and seed
   * @param budget wall-clock limit; the run checkpoints and stops when it is spent
   */
  public record Config(MiniImageTower tower, Optimization optimization, Duration budget) {
    public Config {
      Objects.requireNonNull(tower, "tower");
      Objects.requireNonNull(optimization, "optimization");
      Objects.requireNonNull(budget, "budget");
    }
  }

  /** Where a run stopped: the number of completed epochs and steps, and the last loss average. */
  public record Result(int epochsDone, long steps, double lastLoss, boolean finished) {}

  private final Config config;
  private final Optimization opt;

  public MiniTrainer(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.opt = config.optimization();
  }

  /**
   * Trains, resuming from {@code checkpointDir} if it holds a checkpoint.
   *
   * @param labels label of each image in {@code store}
   * @param progress receives one line per progress report
   * @throws IOException if a checkpoint cannot be read or written
   */
  public Result train(
      ImageStore store,
      int[] labels,
      ClassTargets targets,
      Path checkpointDir,
      Consumer<String> progress)
      throws IOException {
    if (store.size() != config.tower().imageSize()) {
      throw new IllegalArgumentException(
          "images are " + store.size() + " px, the tower takes " + config.tower().imageSize());
    }
    Files.createDirectories(checkpointDir);
    Properties state = readState(checkpointDir);
    int startEpoch = Integer.parseInt(state.getProperty("epoch", "0"));
    int startBatch = Integer.parseInt(state.getProperty("batch", "0"));
    long step = Long.parseLong(state.getProperty("step", "0"));

    Engine.getEngine("PyTorch").setRandomSeed((int) opt.seed());
    int perEpoch = countUsable(store) / opt.batchSize();
    if (perEpoch == 0) {
      throw new IllegalArgumentException(
          "fewer usable images ("
              + countUsable(store)
              + ") than one batch ("
              + opt.batchSize()
              + ")");
    }
    long totalSteps = (long) perEpoch * opt.epochs();
    // the planned length of the schedule: the epochs' steps, or, once the step rate is measured,
    // what the time budget allows if that is fewer (a resumed run starts from the saved plan)
    long savedPlan = Long.parseLong(state.getProperty("planned_steps", Long.toString(totalSteps)));
    CosineSchedule schedule = opt.schedule(step, Math.min(totalSteps, savedPlan));
    long started = System.nanoTime();
    double emaLoss = Double.NaN;
    try (Model model = Model.newInstance("mini-image-tower", Device.cpu(), "PyTorch")) {
      model.setBlock(config.tower().build());
      boolean resumed = startEpoch > 0 || startBatch > 0;
      if (resumed) {
        loadParams(model, checkpointDir);
        progress.accept(
            "resuming at epoch " + (startEpoch + 1) + ", batch " + startBatch + ", step " + step);
      }
      DefaultTrainingConfig tc = opt.trainingConfig(schedule);
      Loss loss = tc.getLossFunction();
      try (Trainer trainer = model.newTrainer(tc);
          NDManager constants = model.getNDManager().newSubManager()) {
        trainer.initialize(config.tower().inputShape(opt.batchSize()));
        NDArray textT = targets.columns(constants);
        for (int epoch = startEpoch; epoch < opt.epochs(); epoch++) {
          int skip = epoch == startEpoch ? startBatch : 0;
          long epochStart = System.nanoTime();
          int seen = 0;
          try (BatchLoader loader =
              new BatchLoader(store, labels, opt.batchSize(), opt.seed(), epoch, skip)) {
            int b = skip;
            for (BatchLoader.Batch batch; (batch = loader.next()) != null; b++) {
              double l = step(trainer, loss, textT, batch);
              emaLoss = Double.isNaN(emaLoss) ? l : 0.95 * emaLoss + 0.05 * l;
              step++;
              seen += opt.batchSize();
              if (step - schedule.stepOffset == PLAN_AFTER_STEPS) {
                long elapsed = System.nanoTime() - started;
                long left = config.budget().toNanos() - elapsed;
                long affordable = step + (long) (left / (elapsed / (double) PLAN_AFTER_STEPS));
                if (affordable < schedule.planned) {
                  schedule.planned = Math.max(step + 1, affordable);
                  progress.accept(
                      "time budget allows about "
                          + schedule.planned
                          + " of "
                          + totalSteps
                          + " steps: the learning-rate schedule now ends there");
                }
              }
              double secs = (System.nanoTime() - epochStart) / 1e9;
              double ips = seen / Math.max(secs, 1e-9);
              if (step % 20 == 0 || b + 1 == loader.batches()) {
                long left = Math.max(0, schedule.planned - step); // the budget-fitted plan
                progress.accept(
                    String.format(
                        "epoch %d/%d  batch %d/%d  step %d  loss %.4f  lr %.2e  %.1f images/s  ETA %s",
                        epoch + 1,
                        opt.epochs(),
                        b + 1,
                        loader.batches(),
                        step,
                        emaLoss,
                        schedule.getNewValue((int) (step - schedule.stepOffset)),
                        ips,
                        formatEta((long) (left * opt.batchSize() / Math.max(ips, 1e-9)))));
              }
              if (schedule.planned < totalSteps && step >= schedule.planned) {
                // the schedule was fitted to the budget and has decayed: the run is complete
                saveCheckpoint(model, checkpointDir, epoch, b + 1, step, schedule.planned, emaLoss);
                progress.accept(
                    "learning-rate schedule complete at epoch "
                        + (epoch + 1)
                        + ", batch "
                        + (b + 1));
                return new Result(epoch, step, emaLoss, true);
              }
              if (Duration.ofNanos(System.nanoTime() - started).compareTo(config.budget()) >= 0) {
                saveCheckpoint(model, checkpointDir, epoch, b + 1, step, schedule.planned, emaLoss);
                progress.accept(
                    "time budget spent: checkpoint at epoch " + (epoch + 1) + ", batch " + (b + 1));
                return new Result(epoch, step, emaLoss, false);
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("training interrupted", e);
          }
          saveCheckpoint(model, checkpointDir, epoch + 1, 0, step, schedule.planned, emaLoss);
        }
      }
      return new Result(opt.epochs(), step, emaLoss, true);
    }
  }

  /** One optimizer step on a batch; returns its mean loss. */
  private double step(Trainer trainer, Loss loss, NDArray textT, BatchLoader.Batch batch) {
    try (NDManager m = trainer.getManager().newSubManager()) {
      int n = batch.labels().length;
      NDArray x = m.create(batch.images(), config.tower().inputShape(n));
      NDArray y = m.create(batch.labels());
      double value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray emb = trainer.forward(new NDList(x)).singletonOrThrow();
        NDArray logits = emb.matMul(textT).div(opt.temperature());
        NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
        gc.backward(l);
        value = l.getFloat();
      }
      trainer.step();
      return value;
    }
  }

  /** Loads the latest checkpoint's parameters into {@code model}'s block. */
  static void loadParams(Model model, Path checkpointDir) throws IOException {
    try {
      model.load(checkpointDir, PARAMS_PREFIX);
    } catch (MalformedModelException e) {
      throw new IOException("bad checkpoint in " + checkpointDir + ": " + e.getMessage(), e);
    }
  }

  private static void saveCheckpoint(
      Model model, Path dir, int epoch, int batch, long step, long plannedSteps, double loss)
      throws IOException {
    // DJL names the file <prefix>-<epoch>.params from the "Epoch" property; keep one file
    model.setProperty("Epoch", "0");
    model.save(dir, PARAMS_PREFIX);
    Properties p = new Properties();
    p.setProperty("epoch", Integer.toString(epoch));
    p.setProperty("batch", Integer.toString(batch));
    p.setProperty("step", Long.toString(step));
    p.setProperty("planned_steps", Long.toString(plannedSteps));
    p.setProperty("loss", Double.toString(loss));
    Path tmp = dir.resolve(STATE_FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "mini image tower training position");
    }
    Files.move(tmp, dir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Properties readState(Path dir) throws IOException {
    Properties p = new Properties();
    Path f = dir.resolve(STATE_FILE);
    if (Files.isRegularFile(f)) {
      try (InputStream in = Files.newInputStream(f)) {
        p.load(in);
      }
    }
    return p;
  }

  private static int countUsable(ImageStore store) {
    int n = 0;
    for (int i = 0; i < store.count(); i++) {
      if (store.pixels(i) != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * Cosine decay from {@code base} to {@code floor} over {@code planned} steps (global steps, not
   * the optimizer's count, which restarts at 0 after a resume), then {@code floor}. {@code planned}
   * may shrink once, after {@link #PLAN_AFTER_STEPS} steps, to fit the time budget. Used by one
   * training thread only.
   */
  static final class CosineSchedule implements Tracker {
    private final float base;
    private final float floor;
    final long stepOffset;
    long planned;

    CosineSchedule(float base, float floor, long stepOffset, long planned) {
      this.base = base;
      this.floor = floor;
      this.stepOffset = stepOffset;
      this.planned = Math.max(1, planned);
    }

    @Override
    public float getNewValue(int numUpdate) {
      double t = Math.min(1.0, (numUpdate + stepOffset) / (double) planned);
      return (float) (floor + (base - floor) * (1 + Math.cos(Math.PI * t)) / 2);
    }
  }

  private static String formatEta(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
