package io.clipsearch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fake Hugging Face Hub on 127.0.0.1: the tree API and {@code resolve} downloads of one
 * repository, with switches to misbehave (drop the connection, ignore Range, fail with a status,
 * corrupt a byte, stall, redirect downloads to a second origin).
 *
 * <p>Files ending in {@code .onnx} or {@code .onnx_data} are listed as LFS files (SHA-256), the
 * others as small Git files (blob SHA-1), as on the Hub.
 *
 * <p>Shared with the app's tests through the server's test jar, which holds this class only.
 */
public final class HubFixture implements AutoCloseable {

  /** One request the fixture answered. */
  public record Request(String path, String range, String authorization) {}

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** A stalled response ends at the latest after this, should a test never close the fixture. */
  private static final Duration STALL_LIMIT = Duration.ofMinutes(5);

  public final String repo;
  public final String revision = "main";
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final HttpServer server;
  private final HttpServer cdn;
  public final List<Request> requests = new CopyOnWriteArrayList<>();
  public final AtomicLong bodyBytesSent = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);

  // Misbehaviour switches, set by tests before a pull.
  public final Map<String, Long> dropAfterBytes = new ConcurrentHashMap<>(); // once per path
  public final Map<String, Long> stallAfterBytes = new ConcurrentHashMap<>(); // once per path
  public final Map<String, Integer> statusFor = new ConcurrentHashMap<>(); // request path -> status
  public final Set<String> corrupt = ConcurrentHashMap.newKeySet();
  public volatile boolean ignoreRange;
  public volatile boolean redirectToCdn;
  public volatile int treePageSize = Integer.MAX_VALUE;

  public HubFixture(String repo) throws IOException {
    this.repo = repo;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    server = HttpServer.create(loopback, 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a stall blocks no one else
    server.start();
    cdn = HttpServer.create(loopback, 0);
    cdn.createContext("/", this::handle);
    cdn.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    cdn.start();
  }

  /** Adds a file to the repository. */
  public HubFixture file(String path, byte[] content) {
    files.put(path, content.clone());
    return this;
  }

  /** The files of a complete CLIP model folder, deterministic pseudo-random bytes for the ONNX. */
  public HubFixture clipLayout() {
    file("config.json", "{\"embed_dim\": 32}".getBytes(StandardCharsets.UTF_8));
    file("visual/preprocess_cfg.json", "{\"size\": [224, 224]}".getBytes(StandardCharsets.UTF_8));
    file("visual/model.onnx", bytes(300_000, 1));
    file("textual/model.onnx", bytes(200_000, 2));
    file("textual/tokenizer.json", "{\"model\": {}}".getBytes(StandardCharsets.UTF_8));
    file("textual/tokenizer_config.json", "{}".getBytes(StandardCharsets.UTF_8));
    file("textual/vocab.json", "{\"a\": 0}".getBytes(StandardCharsets.UTF_8));
    file("textual/merges.txt", "#version: 0.2\na b\n".getBytes(StandardCharsets.UTF_8));
    file("README.md", "# not wanted\n".getBytes(StandardCharsets.UTF_8));
    file("visual/fp16/model.armnn", bytes(50_000, 3));
    file("textual/rknpu/rk3588/model.rknn", bytes(40_000, 4));
    return this;
  }

  /** Adds every file of a folder under its path there: a real model folder to serve. */
  public HubFixture folder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        file(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return this;
  }

  public byte[] content(String path) {
    return files.get(path).clone();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String resolvePath(String file) {
    return "/" + repo + "/resolve/" + revision + "/" + file;
  }

  public List<Request> downloadsOf(String file) {
    String path = resolvePath(file);
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public List<Request> downloads() {
    return requests.stream().filter(r -> r.path().contains("/resolve/")).toList();
  }

  public static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(
        new Request(
            path,
            exchange.getRequestHeaders().getFirst("Range"),
            exchange.getRequestHeaders().getFirst("Authorization")));
    try (exchange) {
      Integer status = statusFor.get(path);
      if (status != null) {
        exchange.getResponseHeaders().add("X-Error-Message", "fixture says " + status);
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      String treePrefix = "/api/models/" + repo + "/tree/" + revision;
      String resolvePrefix = "/" + repo + "/resolve/" + revision + "/";
      if (path.equals(treePrefix)) {
        tree(exchange);
      } else if (path.startsWith(resolvePrefix)
          && files.containsKey(path.substring(resolvePrefix.length()))) {
        resolve(exchange, path.substring(resolvePrefix.length()));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private void tree(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    int from = 0;
    if (query != null && query.contains("cursor=")) {
      from = Integer.parseInt(query.substring(query.indexOf("cursor=") + 7));
    }
    List<String> entries = new ArrayList<>();
    List<String> paths = new ArrayList<>(files.keySet());
    int to = (int) Math.min(paths.size(), (long) from + treePageSize);
    if (from == 0) {
      entries.add("{\"type\":\"directory\",\"path\":\"visual\",\"oid\":\"0\",\"size\":0}");
    }
    for (String p : paths.subList(from, to)) {
      byte[] content = files.get(p);
      if (p.endsWith(".onnx") || p.endsWith(".onnx_data")) {
        entries.add(
            String.format(
                "{\"type\":\"file\",\"path\":\"%s\",\"size\":134,\"oid\":\"%s\","
                    + "\"lfs\":{\"oid\":\"%s\",\"size\":%d,\"pointerSize\":134}}",
                p, "f".repeat(40), hex("SHA-256", content), content.length));
      } else {
        entries.add(
            String.format(
                "{\"type\":\"file\",\"path\":\"%s\",\"size\":%d,\"oid\":\"%s\"}",
                p, content.length, gitBlobSha1(content)));
      }
    }
    if (to < paths.size()) {
      exchange
          .getResponseHeaders()
          .add(
              "Link",
              "<"
                  + baseUrl()
                  + "/api/models/"
                  + repo
                  + "/tree/"
                  + revision
                  + "?recursive=true&cursor="
                  + to
                  + ">; rel=\"next\"");
    }
    byte[] body = ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private void resolve(HttpExchange exchange, String file) throws IOException {
    int port = exchange.getLocalAddress().getPort();
    if (redirectToCdn && port == server.getAddress().getPort()) {
      exchange
          .getResponseHeaders()
          .add("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + resolvePath(file));
      exchange.sendResponseHeaders(302, -1);
      return;
    }
    byte[] content = files.get(file);
    if (corrupt.contains(file)) {
      content = content.clone();
      content[content.length / 2] ^= 0x55;
    }
    long start = 0;
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range != null && !ignoreRange) {
      Matcher m = RANGE.matcher(range);
      if (m.matches()) {
        start = Long.parseLong(m.group(1));
      }
    }
    if (start > content.length) {
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    long length = content.length - start;
    if (start > 0) {
      exchange
          .getResponseHeaders()
          .add(
              "Content-Range",
              "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
      exchange.sendResponseHeaders(206, length);
    } else {
      exchange.sendResponseHeaders(200, length);
    }
    Long dropAt = dropAfterBytes.remove(file);
    Long stallAt = stallAfterBytes.remove(file);
    long send = dropAt != null ? Math.min(dropAt, length) : stallAt != null ? stallAt : length;
    // counted before writing: a client can finish reading before this handler thread runs again,
    // and a test that then reads the counter must already see these bytes
    bodyBytesSent.addAndGet(send);
    OutputStream out = exchange.getResponseBody();
    out.write(content, (int) start, (int) send);
    out.flush();
    if (stallAt != null) {
      // stalls until the fixture closes, however long the client takes to notice: a fixed pause
      // could end before a slow client's idle timeout fires and let the transfer go on
      awaitClose();
    }
    // When fewer bytes than Content-Length were written, closing the exchange drops the connection.
  }

  private void awaitClose() {
    try {
      closed.await(STALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String gitBlobSha1(byte[] content) {
    byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[header.length + content.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(content, 0, all, header.length, content.length);
    return hex("SHA-1", all);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    cdn.stop(0);
  }
}
