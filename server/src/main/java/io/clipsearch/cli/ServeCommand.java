package io.clipsearch.cli;

import io.clipsearch.api.CollectionService;
import io.clipsearch.api.JobService;
import io.clipsearch.api.security.ReadAccess;
import io.clipsearch.api.security.ServerToken;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.install.ClipsearchFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clipsearch serve}: starts the HTTP server and blocks until the process is stopped (Ctrl-C
 * or SIGTERM close it cleanly: indexes commit, the model is released).
 */
@Command(
    header = "Start the REST search server.",
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the search server (REST API, OpenAPI at /swagger, health at /health,",
      "metrics at /prometheus). Options override CLIPSEARCH_* variables, which override --config FILE,",
      "which overrides the built-in application.yml."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = {
        "an application.yml-style settings file (below the options and CLIPSEARCH_* variables);",
        "installed programs read $XDG_CONFIG_HOME/clipsearch/server.yml when there is none"
      })
  Path config;

  @Mixin ModelOptions modelOptions;

  @Option(names = "--data", paramLabel = "DIR", description = "data folder (collections, indexes)")
  Path data;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description =
          "bind address (default 127.0.0.1); off loopback every /api request needs a token")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port (default 8080; 0 for any free port)")
  Integer port;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "bearer token (default: the one in the data folder's server-token, generated at the first start)")
  String token;

  @Option(
      names = "--read-token",
      paramLabel = "T",
      description =
          "a read-only token: search and view, no changes (default: server-read-token if it exists)")
  String readToken;

  @Option(
      names = "--backend",
      paramLabel = "KIND",
      description = "where indexes live: embedded (default) or solr (SolrCloud, needs --solr-zk)")
  String backend;

  @Option(
      names = "--solr-zk",
      paramLabel = "HOST:PORT",
      description =
          "SolrCloud's ZooKeeper, host:port[,host:port][/chroot] (implies --backend solr)")
  String solrZk;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "the default collection (on Solr: the Solr collection, created if missing)")
  String collection;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "shards of a Solr collection created (default 2)")
  Integer shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "replicas per shard of a Solr collection created (default 2)")
  Integer replicas;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      arity = "1..*",
      description =
          "folders to add to the default collection and index at start (progress in the log)")
  List<Path> index = List.of();

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> properties = new HashMap<>(modelOptions.serverProperties());
    if (data != null) {
      properties.put("clipsearch.data.dir", data.toAbsolutePath().toString());
    }
    if (host != null) {
      properties.put("micronaut.server.host", host);
    }
    if (port != null) {
      properties.put("micronaut.server.port", port);
    }
    if (token != null) {
      properties.put("clipsearch.auth.token", token);
    }
    if (readToken != null) {
      properties.put("clipsearch.auth.read-token", readToken);
    }
    if (solrZk != null) {
      properties.put("clipsearch.backend.solr-zk", solrZk);
      properties.put("clipsearch.backend.kind", backend == null ? "solr" : backend);
    } else if (backend != null) {
      properties.put("clipsearch.backend.kind", backend);
    }
    if (collection != null) {
      properties.put("clipsearch.data.default-collection", collection);
    }
    if (shards != null) {
      properties.put("clipsearch.backend.shards", shards);
    }
    if (replicas != null) {
      properties.put("clipsearch.backend.replicas", replicas);
    }
    Micronaut builder = Micronaut.build(new String[0]).banner(false).properties(properties);
    ServerConfigFile.choose(config, ClipsearchFolders.current())
        .ifPresent(
            file -> {
              builder.propertySources(ServerConfigFile.read(file));
              System.err.println("clipsearch: settings from " + file.toAbsolutePath());
            });
    ApplicationContext context = builder.start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    System.err.println("clipsearch: serving on " + server.getURL() + reachableAt(server));
    printAccess(context.getBean(ReadAccess.class), context.getBean(ServerToken.class));
    if (!index.isEmpty()) {
      CollectionService collections = context.getBean(CollectionService.class);
      collections.create(
          new CreateCollectionRequest(
              collections.defaultName(),
              index.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
              null));
      JobInfo job = context.getBean(JobService.class).start(collections.defaultName());
      System.err.println(
          "clipsearch: indexing "
              + index
              + " as job "
              + job.id()
              + " (follow it at "
              + server.getURL()
              + "/api/jobs/"
              + job.id()
              + "/events)");
    }
    // Micronaut's own shutdown hook stops the server and closes the context on SIGTERM/Ctrl-C
    // (indexes commit, the model is released); a second hook closing it too would deadlock.
    // This thread only keeps the command from returning, which would exit the process.
    new CountDownLatch(1).await();
    return 0;
  }

  /**
   * For a server on every address (0.0.0.0, ::), the URLs other machines can use: its URL names no
   * machine. Empty otherwise, or when no interface has an address besides loopback.
   */
  private static String reachableAt(EmbeddedServer server) {
    try {
      InetAddress bound = InetAddress.getByName(server.getHost());
      if (!bound.isAnyLocalAddress()) {
        return "";
      }
      boolean ipv6 = bound instanceof Inet6Address; // :: takes both families, 0.0.0.0 IPv4 only
      List<String> urls =
          NetworkInterface.networkInterfaces()
              .filter(ServeCommand::isUpAndNotLoopback)
              .flatMap(NetworkInterface::inetAddresses)
              .filter(
                  a ->
                      !a.isLoopbackAddress()
                          && !a.isLinkLocalAddress()
                          && (ipv6 || a instanceof Inet4Address))
              .map(
                  a ->
                      "http://"
                          + (a instanceof Inet6Address
                              ? "[" + a.getHostAddress().replaceFirst("%.*", "") + "]"
                              : a.getHostAddress())
                          + ":"
                          + server.getPort())
              .toList();
      return urls.isEmpty() ? "" : " (from other machines: " + String.join(", ", urls) + ")";
    } catch (IOException e) {
      return ""; // only a hint: the URL above stands
    }
  }

  private static boolean isUpAndNotLoopback(NetworkInterface n) {
    try {
      return n.isUp() && !n.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  /** Who may read, and where the token is: never the token itself, which would end up in logs. */
  private static void printAccess(ReadAccess reads, ServerToken token) {
    System.err.println(
        "clipsearch: "
            + (reads.needsToken()
                ? "every /api request needs the token"
                : "searches and photos are open, changes need the token")
            + " ("
            + reads.reason()
            + ")");
    System.err.println(
        "clipsearch: the token is "
            + token
                .file()
                .map(f -> "in " + f + " (`clipsearch token` prints it)")
                .orElse("the configured clipsearch.auth.token")
            + (token.hasReadOnly() ? "; a read-only token is set too" : ""));
  }
}
