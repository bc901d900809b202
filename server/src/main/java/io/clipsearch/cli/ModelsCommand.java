package io.clipsearch.cli;

import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.ModelVerifier;
import io.clipsearch.model.hub.ConsoleProgressBar;
import io.clipsearch.model.hub.KnownModel;
import io.clipsearch.model.hub.KnownModels;
import io.clipsearch.model.hub.ModelDownloadException;
import io.clipsearch.model.hub.ModelDownloader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipsearch models}: list, download and check CLIP model folders. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "List known models, pull one, or verify a model folder.",
    subcommands = {
      ModelsCommand.ListModels.class,
      ModelsCommand.Pull.class,
      ModelsCommand.Verify.class
    })
final class ModelsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Where models live unless {@code --models-dir} says otherwise ({@link
   * ClipsearchFolders#models()}).
   */
  static Path defaultModelsDir() {
    return ClipsearchFolders.current().models();
  }

  /** {@code models list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the models that 'models pull' knows, with the ones already present.")
  static final class ListModels implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "models folder")
    Path modelsDir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = modelsDir != null ? modelsDir : defaultModelsDir();
      out.printf(
          "%-18s %5s %9s  %-9s %-26s %s%n",
          "name", "dim", "download", "status", "license", "source");
      for (KnownModel m : KnownModels.all()) {
        boolean present = Files.isRegularFile(dir.resolve(m.name()).resolve("config.json"));
        out.printf(
            "%-18s %5d %6d MB  %-9s %-26s %s%n",
            m.name(),
            m.dimension(),
            m.approxDownloadBytes() / 1_000_000,
            present ? "present" : "-",
            m.license(),
            m.repo());
      }
      out.println("models folder: " + dir.toAbsolutePath().normalize());
      return 0;
    }
  }

  /** {@code models pull NAME}. */
  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description = {
        "Download a known model into the models folder, resuming an interrupted",
        "download and checking sizes and SHA-256 hashes, then verify it (as 'models verify'),",
        "which also prepares its any-length text tower. HF_TOKEN and HF_ENDPOINT are honoured."
      })
  static final class Pull implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "a name from 'models list'")
    String name;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "models folder")
    Path modelsDir;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      KnownModel model = KnownModels.require(name);
      Path dir = modelsDir != null ? modelsDir : defaultModelsDir();
      try (ModelDownloader downloader = ModelDownloader.fromEnvironment()) {
        Path folder = downloader.pull(model, dir, ConsoleProgressBar.onStandardError());
        out.println("pulled " + model.name() + " into " + folder);
        // loading it once also prepares the any-length text tower beside it (rewritten and
        // checked), so the first search of a server or index run does not pay for that
        out.println("verifying it and preparing its text tower…");
        out.flush();
        return Verify.report(
            out, folder, new ModelVerifier().verify(folder, LoadOptions.defaults()));
      } catch (ModelDownloadException e) {
        spec.commandLine().getErr().println("clipsearch: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code models verify DIR}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Load a model folder on each engine it holds and check shapes, unit norms,",
        "batch equals single, determinism and agreement between engines."
      })
  static final class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "model folder")
    Path folder;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      return report(out, folder, new ModelVerifier().verify(folder, LoadOptions.defaults()));
    }

    /** Prints one line per check and the verdict; the exit code: 0 if every check passed. */
    static int report(PrintWriter out, Path folder, List<ModelVerifier.Check> checks) {
      for (ModelVerifier.Check c : checks) {
        out.printf("%-4s %-28s %s%n", c.passed() ? "ok" : "FAIL", c.name(), c.detail());
      }
      boolean ok = checks.stream().allMatch(ModelVerifier.Check::passed);
      out.println(ok ? "model OK: " + folder : "model FAILED verification: " + folder);
      return ok ? 0 : 1;
    }
  }
}
