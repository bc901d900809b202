package io.clipsearch.cli;

import io.clipsearch.model.PyTorchThreads;
import io.clipsearch.training.LitTraining;
import io.clipsearch.training.ProjectionTrainer;
import io.clipsearch.training.TrainingSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch train-lit}: the mini model on a locked pretrained backbone. */
@Command(
    name = "train-lit",
    mixinStandardHelpOptions = true,
    description = {
      "Train a mini model on a locked pretrained image backbone (LiT): a projection from the",
      "backbone's features to the frozen MiniLM text tower, on the train/ folders of",
      "tiny-imagenet-200, caltech101 and imagenette. The backbone's features are computed once",
      "and kept in OUT/.work (an interrupted run resumes), so trying other projection settings",
      "takes minutes. The backbone: nsfwjs's MobileNet v2, unpacked by scripts/backbone/unpack.mjs."
    })
final class TrainLitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "the datasets folder")
  Path data;

  @Option(
      names = "--backbone",
      required = true,
      paramLabel = "DIR",
      description = "the unpacked tfjs graph model (OUT/mobilenet_v2_mid of unpack.mjs)")
  Path backbone;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "model folder to write")
  Path out;

  @Option(
      names = "--size",
      paramLabel = "PX",
      description = "input side (default ${DEFAULT-VALUE})")
  int size = 224;

  @Option(
      names = "--tap",
      paramLabel = "NODE",
      description =
          "also pool the output of the backbone's node ending so (e.g. expanded_conv_12/add);"
              + " repeatable")
  List<String> taps = new ArrayList<>();

  @Option(
      names = "--hidden",
      paramLabel = "N",
      description = "hidden layer width, 0 for a linear projection (default ${DEFAULT-VALUE})")
  int hidden = 0;

  @Mixin
  OptimizationOptions optimization = new OptimizationOptions(30, 256, 1e-3f, 1e-4f, 20261207L);

  @Option(
      names = "--held-out",
      paramLabel = "X",
      description = "share of the images held out to choose settings by (default ${DEFAULT-VALUE})")
  double heldOut = 0.1;

  @Option(
      names = "--max-per-class",
      paramLabel = "N",
      description = "only N images per class (0 = all)")
  int maxPerClass = 0;

  @Option(names = "--threads", paramLabel = "N", description = "threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PyTorchThreads.configure(threads); // before the engine starts: it sizes its pools once
    PrintWriter err = spec.commandLine().getErr();
    ProjectionTrainer.Projection p =
        LitTraining.run(
            data,
            backbone,
            size,
            taps,
            out,
            new TrainingSet.Limits(0, maxPerClass),
            new ProjectionTrainer.Config(hidden, optimization.optimization(), heldOut),
            threads,
            line -> {
              err.println(line);
              err.flush();
            });
    spec.commandLine()
        .getOut()
        .printf("held-out top-1 %.4f  loss %.4f%n", p.heldOutTop1(), p.lastLoss());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
