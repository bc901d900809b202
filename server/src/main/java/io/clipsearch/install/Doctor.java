package io.clipsearch.install;

import io.clipsearch.model.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code clipsearch doctor}'s checks, in the order they print: versions and runtime, the machine,
 * the native libraries, the model, the data folder, the port. Each check catches its own failure
 * and reports it as a line, so one broken part never hides the others.
 *
 * @param folders where this installation keeps its files
 * @param model the configured model folder, or null for the bundled one
 * @param host the server's bind address
 * @param port the server's port
 */
public record Doctor(ClipsearchFolders folders, Path model, String host, int port) {

  /** Runs every check. */
  public List<CheckResult> run(String clipsearchVersion) {
    List<CheckResult> results =
        new ArrayList<>(RuntimeChecks.run(clipsearchVersion, needsPyTorch(model)));
    results.addAll(1, HostChecks.run(read("/proc/cpuinfo"), read("/proc/meminfo")));
    results.add(
        CheckResult.info(
            "install",
            folders.installed()
                ? "installed program in " + folders.home()
                : "source checkout in " + folders.home()));
    results.add(PlaceChecks.model(model, folders.home()));
    results.add(PlaceChecks.textTower(model, folders.home(), folders.data()));
    results.add(PlaceChecks.faces(folders.home()));
    results.add(PlaceChecks.dataFolder(folders.data()));
    results.add(PlaceChecks.port(host, port));
    return results;
  }

  /**
   * Whether {@code model} runs only on PyTorch: a folder with a TorchScript tower and no ONNX one.
   * The bundled model (null) and ONNX models do not.
   */
  static boolean needsPyTorch(Path model) {
    if (model == null) {
      return false;
    }
    Path visual = model.resolve("visual");
    return Files.isRegularFile(visual.resolve(EngineKind.PYTORCH.fileName()))
        && !Files.isRegularFile(visual.resolve(EngineKind.ONNX.fileName()));
  }

  /** Whether any result blocks clipsearch from running. */
  public static boolean blocked(List<CheckResult> results) {
    return results.stream().anyMatch(r -> r.outcome() == CheckResult.Outcome.FAIL);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
