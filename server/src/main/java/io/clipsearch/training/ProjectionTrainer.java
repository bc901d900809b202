package io.clipsearch.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.clipsearch.model.lit.ProjectionLayer;
import io.clipsearch.model.mini.ElementwiseBlock;
import io.clipsearch.model.mini.MiniLmTextEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains the projection of a LiT model: the locked backbone's features (standardized per dimension)
 * through one linear layer, or a hidden layer with ReLU and a linear layer, into the frozen text
 * tower's space, with {@link MiniTrainer}'s objective (L2-normalized embedding, cosine logits
 * against the class text targets over a temperature, softmax cross-entropy; AdamW with a cosine
 * schedule). A fixed share of the images, chosen by the seed, is held out and its top-1 accuracy
 * reported after each epoch: what a setting is chosen by. Deterministic for a seed on one machine.
 * The result is plain arrays with the standardization folded into the first layer, ready for the
 * ONNX export. Runs on DJL's PyTorch engine, on the CPU.
 */
public final class ProjectionTrainer {

  /**
   * @param hidden width of the hidden layer, 0 for a single linear layer
   * @param optimization epochs, batches, AdamW, temperature and seed
   * @param heldOut share of the images held out for the accuracy readout, 0-0.5
   */
  public record Config(int hidden, Optimization optimization, double heldOut) {

    public Config {
      Objects.requireNonNull(optimization, "optimization");
      if (hidden < 0 || !(heldOut >= 0 && heldOut <= 0.5)) {
        throw new IllegalArgumentException(
            "bad projection settings: hidden " + hidden + ", held out " + heldOut);
      }
    }
  }

  /** The trained layers (a ReLU between two), the held-out top-1 and the last epoch's loss. */
  public record Projection(List<ProjectionLayer> layers, double heldOutTop1, double lastLoss) {}

  private final Config config;
  private final Optimization opt;

  ProjectionTrainer(Config config) {
    this.config = config;
    this.opt = config.optimization();
  }

  Projection train(
      BackboneFeatures features, int[] labels, ClassTargets targets, Consumer<String> progress) {
    int dim = features.row(0).length;
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < features.count(); i++) {
      if (features.usable(i)) {
        usable.add(i);
      }
    }
    Random random = new Random(opt.seed());
    Collections.shuffle(usable, random);
    int held = (int) Math.round(usable.size() * config.heldOut());
    int[] val = usable.subList(0, held).stream().mapToInt(Integer::intValue).toArray();
    int[] train =
        usable.subList(held, usable.size()).stream().mapToInt(Integer::intValue).toArray();
    float[] mean = new float[dim];
    float[] std = new float[dim];
    standardization(features, train, mean, std);
    progress.accept(
        "projection: " + train.length + " images to train, " + val.length + " held out");
    int steps = Math.max(1, train.length / opt.batchSize()) * opt.epochs();
    MiniTrainer.CosineSchedule schedule = opt.schedule(0, steps);
    SequentialBlock block = new SequentialBlock();
    if (config.hidden() > 0) {
      block.add(Linear.builder().setUnits(config.hidden()).build()).add(ElementwiseBlock.relu());
    }
    block.add(Linear.builder().setUnits(MiniLmTextEncoder.DIMENSION).build());
    try (Model model = Model.newInstance("lit-projection", Device.cpu(), "PyTorch")) {
      model.setBlock(block);
      DefaultTrainingConfig tc = opt.trainingConfig(schedule);
      Loss loss = tc.getLossFunction();
      double lastLoss = Double.NaN;
      double top1 = Double.NaN;
      try (Trainer trainer = model.newTrainer(tc);
          NDManager constants = model.getNDManager().newSubManager()) {
        model.getNDManager().getEngine().setRandomSeed((int) opt.seed());
        trainer.initialize(new Shape(opt.batchSize(), dim));
        NDArray textT = targets.columns(constants);
        for (int epoch = 0; epoch < opt.epochs(); epoch++) {
          shuffle(train, random);
          double sum = 0;
          int batches = 0;
          for (int from = 0; from + opt.batchSize() <= train.length; from += opt.batchSize()) {
            try (NDManager m = trainer.getManager().newSubManager()) {
              NDArray x = batch(m, features, train, from, opt.batchSize(), mean, std);
              NDArray y = m.create(labelsOf(labels, train, from, opt.batchSize()));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray emb = trainer.forward(new NDList(x)).singletonOrThrow();
                emb = emb.div(emb.norm(new int[] {1}, true).add(1e-6f));
                NDArray l =
                    loss.evaluate(
                        new NDList(y), new NDList(emb.matMul(textT).div(opt.temperature())));
                gc.backward(l);
                sum += l.getFloat();
              }
              trainer.step();
              batches++;
            }
          }
          lastLoss = sum / Math.max(1, batches);
          top1 = top1(trainer, features, labels, val, mean, std, textT);
          progress.accept(
              String.format(
                  "projection epoch %d/%d  loss %.4f  held-out top-1 %.4f",
                  epoch + 1, opt.epochs(), lastLoss, top1));
        }
      }
      return new Projection(layers(block, mean, std), top1, lastLoss);
    }
  }

  private double top1(
      Trainer trainer,
      BackboneFeatures features,
      int[] labels,
      int[] val,
      float[] mean,
      float[] std,
      NDArray textT) {
    if (val.length == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int from = 0; from < val.length; from += 512) {
      int n = Math.min(512, val.length - from);
      try (NDManager m = trainer.getManager().newSubManager()) {
        NDArray x = batch(m, features, val, from, n, mean, std);
        NDArray scores = trainer.evaluate(new NDList(x)).singletonOrThrow().matMul(textT);
        long[] best = scores.argMax(1).toLongArray();
        for (int i = 0; i < n; i++) {
          right += best[i] == labels[val[from + i]] ? 1 : 0;
        }
      }
    }
    return right / (double) val.length;
  }

  private static NDArray batch(
      NDManager m,
      BackboneFeatures features,
      int[] index,
      int from,
      int n,
      float[] mean,
      float[] std) {
    int dim = mean.length;
    float[] flat = new float[n * dim];
    for (int i = 0; i < n; i++) {
      float[] row = features.row(index[from + i]);
      for (int d = 0; d < dim; d++) {
        flat[i * dim + d] = (row[d] - mean[d]) / std[d];
      }
    }
    return m.create(flat, new Shape(n, dim));
  }

  private static int[] labelsOf(int[] labels, int[] index, int from, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = labels[index[from + i]];
    }
    return out;
  }

  private static void standardization(
      BackboneFeatures features, int[] train, float[] mean, float[] std) {
    int dim = mean.length;
    double[] sum = new double[dim];
    double[] sq = new double[dim];
    for (int i : train) {
      float[] row = features.row(i);
      for (int d = 0; d < dim; d++) {
        sum[d] += row[d];
        sq[d] += (double) row[d] * row[d];
      }
    }
    for (int d = 0; d < dim; d++) {
      double mu = sum[d] / train.length;
      mean[d] = (float) mu;
      // a dimension that never varies is left as it is (std 1) instead of divided by zero
      std[d] = (float) Math.max(Math.sqrt(Math.max(0, sq[d] / train.length - mu * mu)), 1e-3);
    }
  }

  /** The block's layers as arrays, with {@code (x - mean) / std} folded into the first. */
  private static List<ProjectionLayer> layers(SequentialBlock block, float[] mean, float[] std) {
    List<ProjectionLayer> layers = new ArrayList<>();
    for (var child : block.getChildren().values()) {
      if (child instanceof Linear linear) {
        NDArray w = linear.getParameters().get("weight").getArray();
        NDArray b = linear.getParameters().get("bias").getArray();
        int out = (int) w.getShape().get(0);
        int in = (int) w.getShape().get(1);
        layers.add(new ProjectionLayer(in, out, w.toFloatArray(), b.toFloatArray()));
      }
    }
    ProjectionLayer first = layers.getFirst();
    float[] weight = first.weight().clone();
    float[] bias = first.bias().clone();
    for (int o = 0; o < first.out(); o++) {
      double shift = 0;
      for (int i = 0; i < first.in(); i++) {
        weight[o * first.in() + i] /= std[i];
        shift += (double) weight[o * first.in() + i] * mean[i];
      }
      bias[o] -= (float) shift;
    }
    layers.set(0, new ProjectionLayer(first.in(), first.out(), weight, bias));
    return List.copyOf(layers);
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
