package io.clipsearch.install;

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
    // the bundled mini model (no model configured) runs its image tower on PyTorch
    List<CheckResult> results =
        new ArrayList<>(RuntimeChecks.run(clipsearchVersion, model == null));
    results.addAll(1, HostChecks.run(read("/proc/cpuinfo"), read("/proc/meminfo")));
    results.add(
        CheckResult.info(
            "install",
            folders.installed()
                ? "installed program in " + folders.home()
                : "source checkout in " + folders.home()));
    results.add(PlaceChecks.model(model, folders.home()));
    results.add(PlaceChecks.textTower(model, folders.home(), folders.data()));
    results.add(PlaceChecks.dataFolder(folders.data()));
    results.add(PlaceChecks.port(host, port));
    return results;
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
