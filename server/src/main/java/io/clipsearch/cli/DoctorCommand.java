package io.clipsearch.cli;

import io.clipsearch.install.CheckResult;
import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.install.Doctor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch doctor}: one line per check of what decides whether clipsearch runs well here;
 * exit code 1 when a check fails (something blocks), 0 otherwise (warnings included).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header =
        "Check this machine and installation: CPU, memory, native libraries, model, data folder, port.",
    description = {
      "One line per check: OK, INFO, WARN (runs, but slower or riskier) or FAIL (blocks).",
      "Exit code 1 when any check fails."
    })
final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "the model folder to check (default: $CLIPSEARCH_MODEL_DIR, else the bundled one)")
  Path model;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      converter = DataFolder.class,
      defaultValue = DataFolder.DEFAULT,
      description = "data folder (default: " + DataFolder.DESCRIPTION + ")")
  Path data;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "the server's bind address (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "the server's port (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() {
    ClipsearchFolders found = ClipsearchFolders.current();
    ClipsearchFolders folders =
        new ClipsearchFolders(
            found.home(), found.installed(), data, found.models(), found.config());
    Path configured = model != null ? model : envModel();
    List<CheckResult> results =
        new Doctor(folders, configured, host, port).run(spec.root().version()[0]);
    PrintWriter out = spec.commandLine().getOut();
    results.forEach(r -> out.println(r.line()));
    boolean blocked = Doctor.blocked(results);
    out.println(
        blocked ? "doctor: something blocks clipsearch here (FAIL lines above)" : "doctor: ready");
    return blocked ? 1 : 0;
  }

  private static Path envModel() {
    String env = System.getenv("CLIPSEARCH_MODEL_DIR");
    return env == null || env.isBlank() ? null : Path.of(env);
  }
}
