package io.clipsearch.solrcluster;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a {@link MiniSolrCloudCluster} (embedded ZooKeeper, N Jetty nodes, no configset) and
 * drives it over a line protocol, so that tests in another JVM, on another Lucene, can use it.
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
 *   <li>{@code stop I}: stops node I; {@code STOPPED I}.
 *   <li>{@code start I}: restarts node I on its old port and waits until it is live in
 *       ZooKeeper; {@code STARTED I BASE_URL}.
 *   <li>{@code quit}, or the end of stdin (the parent JVM died): shuts the cluster down;
 *       {@code BYE}, exit status 0.
 * </ul>
 *
 * A failed command answers {@code ERROR <message>} and the cluster stays up; a failed start
 * prints {@code ERROR <message>} and exits with status 1. Only protocol lines reach stdout: logs
 * and anything else printed go to stderr.
 */
public final class TestClusterMain {

  private static final int NODE_TIMEOUT_SECONDS = 60;

  private final MiniSolrCloudCluster cluster;
  /** Node I of the protocol: the cluster's own list reorders as nodes stop and start. */
  private final List<JettySolrRunner> nodes;
  private final PrintStream out;

  private TestClusterMain(MiniSolrCloudCluster cluster, PrintStream out) {
    this.cluster = cluster;
    this.nodes = List.copyOf(cluster.getJettySolrRunners());
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // the protocol owns the real stdout; stray prints from Solr or ZooKeeper must not reach it
    PrintStream out = new PrintStream(
        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    MiniSolrCloudCluster cluster;
    try {
      Options options = Options.parse(args);
      // both settings only spare the log false alarms: Solr logs an ERROR without a log folder,
      // and so does its ZooKeeper test server while it enables the 'stat' command it needs
      System.setProperty("solr.log.dir", options.dir().resolve("logs").toString());
      System.setProperty("zookeeper.4lw.commands.whitelist", "*");
      cluster = new MiniSolrCloudCluster(
          options.nodes(), options.dir(), JettyConfig.builder().setContext("/solr").build());
    } catch (Exception e) {
      out.println("ERROR " + oneLine(e));
      System.exit(1);
      return;
    }
    TestClusterMain main = new TestClusterMain(cluster, out);
    main.announce();
    main.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
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
            JettySolrRunner node = nodes.get(i);
            cluster.stopJettySolrRunner(node);
            cluster.waitForJettyToStop(node);
            out.println("STOPPED " + i);
          }
          case "start" -> {
            int i = nodeIndex(words);
            JettySolrRunner node = nodes.get(i);
            if (node.isRunning()) {
              throw new IllegalStateException("node " + i + " is running");
            }
            cluster.startJettySolrRunner(node, true);
            cluster.waitForNode(node, NODE_TIMEOUT_SECONDS);
            out.println("STARTED " + i + " " + node.getBaseUrl());
          }
          default -> throw new IllegalArgumentException("unknown command: " + line.strip());
        }
      } catch (Exception e) {
        out.println("ERROR " + oneLine(e));
      }
    }
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
