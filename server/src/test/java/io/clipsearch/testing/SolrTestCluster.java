package io.clipsearch.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SolrCloud cluster (embedded ZooKeeper, N Solr nodes) in a child JVM, started from the {@code
 * solr-cluster} module's build output: {@code solr-cluster/target/classes} plus the classpath the
 * build wrote to {@code solr-cluster/target/cluster.classpath}. Solr's Lucene 9 stays in that JVM;
 * tests talk to it with SolrJ.
 *
 * <p>The child speaks {@code io.clipsearch.solrcluster.TestClusterMain}'s line protocol on stdout,
 * read here on a thread of its own, so a full pipe never blocks it; its logs go to {@code
 * <dir>/cluster.log}, whose tail failure messages quote. Should this JVM die, the child sees the
 * end of its stdin and shuts down.
 *
 * <pre>{@code
 * try (SolrTestCluster cluster = SolrTestCluster.start(2, tempDir);
 *      CloudSolrClient solr = new CloudHttp2SolrClient.Builder(
 *          cluster.zkServers(), Optional.of(cluster.zkChroot())).build()) {
 *   ...
 * }
 * }</pre>
 *
 * Not thread-safe: one test thread drives it. The caller closes it.
 */
public final class SolrTestCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /**
   * A backstop for a child that hangs: the child bounds each wait of a command itself (3 minutes
   * each; a start waits twice) and answers {@code ERROR}, with the details in its log.
   */
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(8);

  private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final Writer commands;

  /** The child's stdout lines; empty once it has closed stdout. */
  private final BlockingQueue<Optional<String>> replies = new LinkedBlockingQueue<>();

  private final Path log;
  private final String zkHost;
  private final List<String> nodeUrls = new ArrayList<>();

  private SolrTestCluster(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread.ofPlatform()
        .daemon()
        .name("solr-test-cluster-stdout")
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  replies.add(Optional.of(line));
                }
              } catch (IOException e) {
                replies.add(Optional.of("ERROR stdout lost: " + e));
              }
              replies.add(Optional.empty());
            });
    String zk = null;
    try {
      for (String line; !(line = nextLine("READY", START_TIMEOUT)).equals("READY"); ) {
        String[] words = line.split(" ");
        switch (words[0]) {
          case "ZK" -> zk = words[1];
          case "NODE" -> nodeUrls.add(words[2]);
          default -> throw unexpected(line, "READY");
        }
      }
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    this.zkHost = zk;
  }

  /**
   * Starts a cluster of {@code nodes} Solr nodes with its files under {@code dir} and waits until
   * all nodes are live.
   *
   * @throws IllegalStateException if the {@code solr-cluster} module is not built, or the cluster
   *     does not come up within two minutes (the message quotes its log)
   */
  public static SolrTestCluster start(int nodes, Path dir) throws IOException {
    Path module = moduleDir();
    String classpath =
        module.resolve("target/classes")
            + File.pathSeparator
            + Files.readString(module.resolve("target/cluster.classpath")).strip();
    Files.createDirectories(dir);
    Path log = dir.resolve("cluster.log");
    List<String> cmd =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx1g",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath,
            "io.clipsearch.solrcluster.TestClusterMain",
            "--nodes",
            Integer.toString(nodes),
            "--dir",
            dir.resolve("cluster").toString());
    Process process =
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    return new SolrTestCluster(process, log);
  }

  /** ZooKeeper's address with Solr's chroot, Solr's {@code zkHost}: {@code 127.0.0.1:PORT/solr}. */
  public String zkHost() {
    return zkHost;
  }

  /** The ZooKeeper servers of {@link #zkHost()}, without the chroot. */
  public List<String> zkServers() {
    int slash = zkHost.indexOf('/');
    return Arrays.asList((slash < 0 ? zkHost : zkHost.substring(0, slash)).split(","));
  }

  /** The chroot of {@link #zkHost()}: {@code /solr}. */
  public String zkChroot() {
    int slash = zkHost.indexOf('/');
    return slash < 0 ? "/" : zkHost.substring(slash);
  }

  /** The nodes' base URLs ({@code http://127.0.0.1:PORT/solr}), node 0 first; stopped ones too. */
  public List<String> nodeUrls() {
    return List.copyOf(nodeUrls);
  }

  /**
   * Stops node {@code i}; returns once it has left ZooKeeper's live nodes, so that clients route
   * around it. The rest of its shutdown (closing its cores) may still run: {@link #startNode} waits
   * for it.
   *
   * @throws IllegalStateException if the child reports an error or does not answer in time
   */
  public void stopNode(int i) {
    send("stop " + i);
    String expected = "STOPPED " + i;
    String line = nextLine(expected, COMMAND_TIMEOUT);
    if (!line.equals(expected)) {
      throw unexpected(line, expected);
    }
  }

  /**
   * Restarts node {@code i} on its old port once its shutdown has ended; returns once it is live in
   * ZooKeeper (its replicas may still be recovering).
   *
   * @throws IllegalStateException if the child reports an error or does not answer in time
   */
  public void startNode(int i) {
    send("start " + i);
    String expected = "STARTED " + i + " ";
    String line = nextLine(expected, COMMAND_TIMEOUT);
    if (!line.startsWith(expected)) {
      throw unexpected(line, expected);
    }
    nodeUrls.set(i, line.substring(expected.length()));
  }

  /**
   * Shuts the cluster down; kills the child if it has not exited within 30 seconds, or at once if
   * this thread is interrupted (whose interrupt status stays set).
   */
  @Override
  public void close() {
    try {
      commands.write("quit\n");
      commands.close();
    } catch (IOException e) {
      // the child is gone already, or going: waiting below settles it either way
    }
    try {
      if (!process.waitFor(QUIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void send(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new IllegalStateException("the Solr test cluster takes no commands" + logTail(), e);
    }
  }

  /** The child's next stdout line, waiting at most {@code timeout} for it. */
  private String nextLine(String waitingFor, Duration timeout) {
    try {
      Optional<String> line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new IllegalStateException(
            "the Solr test cluster did not answer '"
                + waitingFor.strip()
                + "' within "
                + timeout.toSeconds()
                + " s"
                + logTail());
      }
      if (line.isEmpty()) {
        replies.add(line); // later calls see the end too
        throw new IllegalStateException(
            "the Solr test cluster exited while awaiting '" + waitingFor.strip() + "'" + logTail());
      }
      return line.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted awaiting '" + waitingFor.strip() + "'", e);
    }
  }

  private IllegalStateException unexpected(String line, String expected) {
    return new IllegalStateException(
        "the Solr test cluster answered '"
            + line
            + "', expected '"
            + expected.strip()
            + "'"
            + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "; the last lines of "
          + log
          + ":\n"
          + String.join(
              "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "; its log " + log + " is unreadable: " + e;
    }
  }

  private static Path moduleDir() {
    // tests run in server/; the module sits beside it in the project root
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path module = dir.resolve("solr-cluster");
      if (Files.isRegularFile(module.resolve("pom.xml"))) {
        if (!Files.isRegularFile(module.resolve("target/cluster.classpath"))) {
          throw new IllegalStateException(
              module
                  + " is not built: run "
                  + "'mvn -pl server -am test' or 'mvn -pl solr-cluster package' first");
        }
        return module;
      }
    }
    throw new IllegalStateException("no solr-cluster module above " + Path.of("").toAbsolutePath());
  }
}
