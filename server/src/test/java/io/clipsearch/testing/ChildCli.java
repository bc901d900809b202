package io.clipsearch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code clipsearch} command line in a child JVM with the launcher's flags, for tests that
 * must kill or signal a real process (crash recovery, clean shutdown). Its combined output is
 * collected on a thread of its own, so a full pipe never blocks the child.
 *
 * @param process the child
 * @param output its output lines so far (a synchronized list that grows while it runs)
 */
public record ChildCli(Process process, List<String> output) {

  /** Starts {@code clipsearch <args>} in a child JVM. */
  public static ChildCli start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  /** Starts {@code clipsearch <args>} in a child JVM with {@code env} added to its environment. */
  public static ChildCli start(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "-Dai.djl.offline=true",
            "-Dai.djl.onnx.disable_alternative=true",
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "io.clipsearch.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OPENCV_LOG_LEVEL", "SILENT");
    pb.environment().putAll(env);
    Process process = pb.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
              }
            });
    return new ChildCli(process, lines);
  }

  /** Whether some output line contains {@code text}. */
  public boolean printed(String text) {
    synchronized (output) {
      return output.stream().anyMatch(l -> l.contains(text));
    }
  }
}
