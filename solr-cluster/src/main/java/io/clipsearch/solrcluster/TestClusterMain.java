package io.clipsearch.solrcluster;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a {@link MiniSolrCloudCluster} (embedded ZooKeeper, N Jetty nodes, no configset) and drives
 * it over a line protocol, so that tests in another JVM, on another Lucene, can use it.
 *
 * <p>Usage: {@code TestClusterMain --nodes N --dir BASE_DIR}. Once the cluster is up, stdout
 * carries:
 *
 * <pre>
 * ZK 127.0.0.1:PORT
 * NODE 0 http://127.0.0.1:PORT/solr      (one line per node, numbered from 0)
 * READY
 * </pre>
 *
 * Then one command per stdin line, each answered by one stdout line:
 *
 * <ul>
 *   <li>{@code stop I}: stops node I; {@code STOPPED I} once it has left ZooKeeper's live nodes
 *       (what clients route by), while the rest of its shutdown (closing cores, thread pools) may
 *       still run.
 *   <li>{@code start I}: waits for node I's shutdown to end, restarts it on its old port and waits
 *       until it is live in ZooKeeper; {@code STARTED I BASE_URL}.
 *   <li>{@code quit}, or the end of stdin (the parent JVM died): shuts the cluster down; {@code
 *       BYE}, exit status 0.
 * </ul>
 *
 * A failed command answers {@code ERROR <message>} and the cluster stays up; a failed start prints
 * {@code ERROR <message>} and exits with status 1. Each wait of a command ends after {@value
 * #NODE_TIMEOUT_SECONDS} s with an {@code ERROR}. Only protocol lines reach stdout: logs, the
 * commands' timings and anything else printed go to stderr.
 */
public final class TestClusterMain {

  /** Generous: a loaded 2-core machine; the waits end as soon as their condition holds. */
  private static final int NODE_TIMEOUT_SECONDS = 180;

  private final MiniSolrCloudCluster cluster;

  /** Node I of the protocol: the cluster's own list reorders as nodes stop and start. */
  private final List<JettySolrRunner> nodes;

  private final PrintStream out;

  /** Node I's Jetty shutdown, which may still run after {@code STOPPED I}. */
  private final Map<Integer, Stopping> stopping = new HashMap<>();

  private TestClusterMain(MiniSolrCloudCluster cluster, PrintStream out) {
    this.cluster = cluster;
    this.nodes = List.copyOf(cluster.getJettySolrRunners());
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // the protocol owns the real stdout; stray prints from Solr or ZooKeeper must not reach it
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    MiniSolrCloudCluster cluster;
    try {
      Options options = Options.parse(args);
      // both settings only spare the log false alarms: Solr logs an ERROR without a log folder,
      // and so does its ZooKeeper test server while it enables the 'stat' command it needs
      System.setProperty("solr.log.dir", options.dir().resolve("logs").toString());
      System.setProperty("zookeeper.4lw.commands.whitelist", "*");
      cluster =
          new MiniSolrCloudCluster(
              options.nodes(), options.dir(), JettyConfig.builder().setContext("/solr").build());
    } catch (Exception e) {
      out.println("ERROR " + oneLine(e));
      System.exit(1);
      return;
    }
    TestClusterMain main = new TestClusterMain(cluster, out);
    main.announce();
    main.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    main.awaitStopped();
    cluster.shutdown();
    out.println("BYE");
    // Solr leaves non-daemon threads behind after shutdown
    System.exit(0);
  }

  private void announce() {
    out.println("ZK " + cluster.getZkServer().getZkAddress());
    for (int i = 0; i < nodes.size(); i++) {
      out.println("NODE " + i + " " + nodes.get(i).getBaseUrl());
    }
    out.println("READY");
  }

  /** Answers commands until {@code quit} or the end of input. */
  private void serve(BufferedReader in) throws Exception {
    for (String line; (line = in.readLine()) != null; ) {
      String[] words = line.strip().split("\\s+");
      try {
        switch (words[0]) {
          case "quit" -> {
            return;
          }
          case "stop" -> {
            int i = nodeIndex(words);
            stop(i);
            out.println("STOPPED " + i);
          }
          case "start" -> {
            int i = nodeIndex(words);
            start(i);
            out.println("STARTED " + i + " " + nodes.get(i).getBaseUrl());
          }
          default -> throw new IllegalArgumentException("unknown command: " + line.strip());
        }
      } catch (Exception e) {
        out.println("ERROR " + oneLine(e));
      }
    }
  }

  /**
   * Stops node {@code i} on a thread of its own and returns once the node has left ZooKeeper's live
   * nodes. Jetty's stop first waits up to 15 s for requests in flight (so that searches under load
   * do not fail), then removes the live node, then closes the cores and waits for every request
   * thread: the last part does not hold up the caller, only a restart.
   */
  private void stop(int i) throws Exception {
    JettySolrRunner node = nodes.get(i);
    if (stopping.containsKey(i) || !node.isRunning()) {
      throw new IllegalStateException("node " + i + " is not running");
    }
    String name = node.getNodeName();
    long start = System.nanoTime();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        Thread.ofPlatform()
            .name("stop-node-" + i)
            .start(
                () -> {
                  try {
                    cluster.stopJettySolrRunner(node);
                    log("node " + i + ": Jetty stopped after " + millisSince(start) + " ms");
                    done.complete(null);
                  } catch (Throwable e) {
                    done.completeExceptionally(e);
                  }
                });
    stopping.put(i, new Stopping(thread, done));
    cluster
        .getZkStateReader()
        .waitForLiveNodes(
            NODE_TIMEOUT_SECONDS,
            TimeUnit.SECONDS,
            (before, live) -> live == null || !live.contains(name) || done.isDone());
    if (done.isCompletedExceptionally()) {
      stopping.remove(i);
      done.join(); // throws what the stop threw
    }
    log("node " + i + ": left the live nodes after " + millisSince(start) + " ms");
  }

  /** Restarts node {@code i} once its shutdown has ended; returns once it is live again. */
  private void start(int i) throws Exception {
    JettySolrRunner node = nodes.get(i);
    Stopping previous = stopping.remove(i);
    if (previous != null) {
      previous.await(i);
    }
    if (node.isRunning()) {
      throw new IllegalStateException("node " + i + " is running");
    }
    long start = System.nanoTime();
    cluster.startJettySolrRunner(node, true);
    cluster.waitForNode(node, NODE_TIMEOUT_SECONDS);
    log("node " + i + ": live again after " + millisSince(start) + " ms");
  }

  /** Before the cluster's own shutdown: lets stops in progress end (or gives up on them). */
  private void awaitStopped() {
    stopping.forEach(
        (i, s) -> {
          try {
            s.await(i);
          } catch (Exception e) {
            log("node " + i + ": " + oneLine(e));
          }
        });
    stopping.clear();
  }

  /** A node's Jetty shutdown in progress. */
  private record Stopping(Thread thread, CompletableFuture<Void> done) {

    /** Waits for it to end; on timeout logs where it hangs, for the parent's failure message. */
    void await(int i) throws Exception {
      try {
        done.get(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        StringBuilder where = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
          where.append("\n\tat ").append(frame);
        }
        log("node " + i + ": Jetty has not stopped after " + NODE_TIMEOUT_SECONDS + " s:" + where);
        throw new IllegalStateException(
            "node " + i + " did not stop within " + NODE_TIMEOUT_SECONDS + " s");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }

  private static void log(String message) {
    System.err.println("TestClusterMain: " + message);
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  private int nodeIndex(String[] words) {
    if (words.length != 2) {
      throw new IllegalArgumentException(words[0] + " takes one node number");
    }
    int i;
    try {
      i = Integer.parseInt(words[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a node number: " + words[1]);
    }
    if (i < 0 || i >= nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + i + " (nodes are 0 to " + (nodes.size() - 1) + ")");
    }
    return i;
  }

  private static String oneLine(Exception e) {
    return (e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("\\s+", " ");
  }

  /** The command line: {@code --nodes N --dir BASE_DIR}, both required. */
  record Options(int nodes, Path dir) {

    Options {
      if (nodes < 1) {
        throw new IllegalArgumentException("--nodes must be at least 1, was " + nodes);
      }
    }

    static Options parse(String[] args) {
      Integer nodes = null;
      Path dir = null;
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String flag = rest.removeFirst();
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = rest.removeFirst();
        switch (flag) {
          case "--nodes" -> nodes = Integer.parseInt(value);
          case "--dir" -> dir = Path.of(value).toAbsolutePath();
          default -> throw new IllegalArgumentException("unknown option: " + flag);
        }
      }
      if (nodes == null || dir == null) {
        throw new IllegalArgumentException("usage: TestClusterMain --nodes N --dir BASE_DIR");
      }
      return new Options(nodes, dir);
    }
  }
}
