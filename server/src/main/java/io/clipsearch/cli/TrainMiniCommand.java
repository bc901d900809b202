package io.clipsearch.cli;

import io.clipsearch.model.PyTorchThreads;
import io.clipsearch.model.mini.MiniImageTower;
import io.clipsearch.model.mini.MiniTowerExport;
import io.clipsearch.training.MiniTrainer;
import io.clipsearch.training.MiniTraining;
import io.clipsearch.training.TrainingSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code clipsearch train-mini}: trains the built-in mini model's image tower. */
@Command(
    name = "train-mini",
    mixinStandardHelpOptions = true,
    description = {
      "Train the mini model's image tower against the frozen MiniLM text tower.",
      "Reads only the train/ folders of tiny-imagenet-200, caltech101 and imagenette.",
      "Run the same command again to resume from the last checkpoint.",
      "Ends by exporting the tower to ONNX (visual/image-tower.onnx), which the model runs on;",
      "--export-onnx does only that, from the folder's trained parameters."
    })
final class TrainMiniCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "the datasets folder (../shared/datasets); required unless --export-onnx")
  Path data;

  @Option(
      names = "--export-onnx",
      description = "only (re)write the ONNX image tower from the trained parameters in --out")
  boolean exportOnly;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "model folder to write")
  Path out;

  @Mixin
  OptimizationOptions optimization = new OptimizationOptions(12, 64, 2e-3f, 5e-4f, 20261122L);

  @Option(
      names = "--minutes",
      paramLabel = "N",
      description = "time budget; checkpoint and stop when spent (default ${DEFAULT-VALUE})")
  double minutes = 100;

  @Option(
      names = "--max-classes",
      paramLabel = "N",
      description = "only the first N classes, for smoke runs (0 = all)")
  int maxClasses = 0;

  @Option(
      names = "--max-per-class",
      paramLabel = "N",
      description = "only N images per class (0 = all)")
  int maxPerClass = 0;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "PyTorch threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (exportOnly) {
      Path file = MiniTowerExport.export(out);
      spec.commandLine().getOut().println("wrote " + file);
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (data == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--data=DIR'");
    }
    PyTorchThreads.configure(threads); // before the engine starts: it sizes its pools once
    PrintWriter err = spec.commandLine().getErr();
    MiniTrainer.Config config =
        new MiniTrainer.Config(
            MiniImageTower.defaults(),
            optimization.optimization(),
            Duration.ofMillis((long) (minutes * 60_000)));
    MiniTrainer.Result r =
        MiniTraining.run(
            data,
            out,
            new TrainingSet.Limits(maxClasses, maxPerClass),
            config,
            line -> {
              err.println(line);
              err.flush();
            });
    spec.commandLine()
        .getOut()
        .printf(
            "epochs %d  steps %d  loss %.4f  %s%n",
            r.epochsDone(),
            r.steps(),
            r.lastLoss(),
            r.finished() ? "finished" : "stopped (resumable)");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
