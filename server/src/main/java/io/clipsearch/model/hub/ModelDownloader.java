package io.clipsearch.model.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls a {@link KnownModel} from the Hugging Face Hub into a model folder.
 *
 * <p>Strategy: list the repository with the tree API ({@code
 * /api/models/{repo}/tree/{revision}?recursive=true}, following {@code Link: rel="next"} pages),
 * keep the files {@link ModelLayout} wants, and fetch each from {@code
 * /{repo}/resolve/{revision}/{path}}:
 *
 * <ul>
 *   <li>a file already in place with the published size and hash is skipped;
 *   <li>otherwise bytes go to {@code <file>.part}, resuming an existing one with {@code Range:
 *       bytes=N-} (a server that ignores the range and answers 200 gets the file rewritten from the
 *       start);
 *   <li>the finished {@code .part} is checked against the published size and hash (SHA-256 for LFS
 *       files, Git blob SHA-1 for small ones), deleted on mismatch, and otherwise atomically moved
 *       into place.
 * </ul>
 *
 * <p>Redirects (the Hub sends LFS files to a CDN) are followed by hand so that the bearer token
 * goes only to the base URL's origin. A transfer that gets no bytes for the idle timeout is
 * aborted.
 *
 * <p>Thread-safe: pulls of different models may run at once. Two pulls into the same model folder
 * at once (threads or processes) are not guarded against and would corrupt each other's {@code
 * .part} files. Closing the downloader closes its HTTP client.
 */
public final class ModelDownloader implements AutoCloseable {

  /** The public Hugging Face Hub. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

  /** How long to wait for a connection before calling the host unreachable. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

  /** How long a response may go without sending a byte before the transfer is aborted. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final String USER_AGENT = "clipsearch (java.net.http)";
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int MAX_REDIRECTS = 5;
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes (\\d+)-");

  private final URI baseUrl;
  private final String token;
  private final Duration idleTimeout;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param baseUrl the Hub's address, e.g. {@link #DEFAULT_BASE_URL} or a mirror; no trailing path
   * @param token a Hugging Face access token sent as {@code Authorization: Bearer} to {@code
   *     baseUrl}'s origin, for gated or private repositories; null or blank for none
   * @param connectTimeout how long to wait for a connection
   * @param idleTimeout how long to wait for response headers, and for each next byte of a body
   * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL or a timeout
   *     is not positive
   */
  public ModelDownloader(URI baseUrl, String token, Duration connectTimeout, Duration idleTimeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = Objects.requireNonNullElse(baseUrl.getScheme(), "").toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + baseUrl);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.idleTimeout = idleTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // Redirects are followed by hand so the token never leaves the Hub's origin.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * A downloader for the public Hub, or the mirror named by {@code HF_ENDPOINT}, sending the token
   * in {@code HF_TOKEN} if set (the variables the Hugging Face tools use), with default timeouts.
   */
  public static ModelDownloader fromEnvironment() {
    String endpoint = System.getenv("HF_ENDPOINT");
    URI base = endpoint == null || endpoint.isBlank() ? DEFAULT_BASE_URL : URI.create(endpoint);
    return new ModelDownloader(
        base, System.getenv("HF_TOKEN"), DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
  }

  /** The Hub address this downloader talks to. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Downloads {@code model} into {@code modelsDir/<model.name()>/}, creating folders as needed.
   *
   * <p>Idempotent: files already complete are verified and skipped, partial ones resumed. Files of
   * the folder that the layout does not name are left alone.
   *
   * @param progress told the progress of each file, on this thread
   * @return the model folder, holding at least {@link ModelLayout#REQUIRED}
   * @throws ModelDownloadException if the Hub cannot be reached or refuses, the repository lacks a
   *     required file, a download fails or does not match its published hash, or the folder cannot
   *     be written; the message is meant for the user
   */
  public Path pull(KnownModel model, Path modelsDir, ProgressListener progress)
      throws ModelDownloadException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelsDir, "modelsDir");
    Objects.requireNonNull(progress, "progress");
    return new Pull(model, modelsDir.resolve(model.name()), progress).run();
  }

  @Override
  public void close() {
    client.close();
  }

  /** The state of one {@link #pull} call, so concurrent pulls share nothing mutable. */
  private final class Pull {
    private final KnownModel model;
    private final Path modelDir;
    private final ProgressListener progress;

    Pull(KnownModel model, Path modelDir, ProgressListener progress) {
      this.model = model;
      this.modelDir = modelDir;
      this.progress = progress;
    }

    Path run() throws ModelDownloadException {
      List<HubFile> files = listWanted();
      try {
        Files.createDirectories(modelDir);
        checkFreeSpace(files);
      } catch (IOException e) {
        throw new ModelDownloadException(
            Reason.LOCAL_IO, "cannot write model folder " + modelDir + ": " + e, e);
      }
      for (HubFile file : files) {
        fetch(file);
      }
      List<String> missing = ModelLayout.missingFiles(modelDir);
      if (!missing.isEmpty()) {
        // Only possible if something else deleted files while we pulled.
        throw new ModelDownloadException(
            Reason.LOCAL_IO, modelDir + " is still missing " + missing + " after the pull");
      }
      return modelDir;
    }

    /** The layout's files in the repository, smallest first so a bad repo fails fast. */
    private List<HubFile> listWanted() throws ModelDownloadException {
      List<HubFile> all = new ArrayList<>();
      URI page =
          URI.create(
              baseUrl
                  + "/api/models/"
                  + model.repo()
                  + "/tree/"
                  + model.revision()
                  + "?recursive=true");
      while (page != null) {
        HttpResponse<InputStream> response = send(page, 0);
        expectOk(response, "list " + model.repo());
        try (InputStream body = response.body()) {
          all.addAll(HubFile.parseTree(json.readTree(body)));
        } catch (IOException | IllegalArgumentException e) {
          throw new ModelDownloadException(
              Reason.HTTP_ERROR,
              "unexpected file list for " + model.repo() + " from " + page + ": " + e.getMessage(),
              e);
        }
        page = nextPage(response, page);
      }
      List<String> paths = all.stream().map(HubFile::path).toList();
      List<String> missing = ModelLayout.missingFrom(paths);
      if (!missing.isEmpty()) {
        throw new ModelDownloadException(
            Reason.LAYOUT,
            model.repo()
                + "@"
                + model.revision()
                + " is not a CLIP model in the expected layout: it lacks "
                + String.join(", ", missing)
                + " (see models/README.md)");
      }
      return all.stream()
          .filter(f -> ModelLayout.wanted(f.path()))
          .sorted(Comparator.comparingLong(HubFile::size).thenComparing(HubFile::path))
          .toList();
    }

    private void checkFreeSpace(List<HubFile> files) throws IOException, ModelDownloadException {
      long needed = 0;
      for (HubFile f : files) {
        Path target = modelDir.resolve(f.path());
        if (!(Files.isRegularFile(target) && Files.size(target) == f.size())) {
          Path part = partOf(target);
          needed +=
              f.size() - (Files.isRegularFile(part) ? Math.min(Files.size(part), f.size()) : 0);
        }
      }
      long usable = Files.getFileStore(modelDir).getUsableSpace();
      if (needed > usable) {
        throw new ModelDownloadException(
            Reason.LOCAL_IO,
            String.format(
                Locale.ROOT,
                "%s needs %.1f MB more in %s but only %.1f MB are free",
                model.name(),
                needed / 1e6,
                modelDir,
                usable / 1e6));
      }
    }

    private void fetch(HubFile file) throws ModelDownloadException {
      Path target = modelDir.resolve(file.path());
      Path part = partOf(target);
      try {
        if (Files.isRegularFile(target)
            && Files.size(target) == file.size()
            && mismatch(target, file).isEmpty()) {
          progress.onProgress(file.path(), file.size(), file.size());
          return;
        }
        Files.createDirectories(target.getParent());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have > file.size()) {
          Files.delete(part);
          have = 0;
        }
        if (have < file.size()) {
          transfer(file, part, have);
        } else if (!Files.exists(part)) {
          Files.createFile(part); // an empty file needs no request
        } else {
          progress.onProgress(file.path(), have, file.size());
        }
        Optional<String> problem = mismatch(part, file);
        if (problem.isPresent()) {
          Files.delete(part);
          throw new ModelDownloadException(
              Reason.INTEGRITY,
              file.path()
                  + " of "
                  + model.repo()
                  + " is corrupt: "
                  + problem.get()
                  + ". The bad download was deleted; pull again to retry.");
        }
        moveIntoPlace(part, target);
      } catch (IOException e) {
        throw new ModelDownloadException(
            Reason.LOCAL_IO, "cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /** Appends the rest of {@code file} to {@code part}, which holds {@code have} bytes. */
    private void transfer(HubFile file, Path part, long have)
        throws ModelDownloadException, IOException {
      URI uri =
          URI.create(
              baseUrl + "/" + model.repo() + "/resolve/" + model.revision() + "/" + file.path());
      HttpResponse<InputStream> response = send(uri, have);
      int status = response.statusCode();
      if (status == 416 && have > 0) {
        // The server cannot resume from our offset (the file changed upstream?): start over.
        response.body().close();
        Files.delete(part);
        transfer(file, part, 0);
        return;
      }
      long start;
      if (status == 206) {
        start = contentRangeStart(response).orElse(-1L);
        if (start != have) {
          response.body().close();
          throw new ModelDownloadException(
              Reason.HTTP_ERROR,
              "asked " + uri + " for bytes from " + have + " but got a range starting at " + start);
        }
      } else {
        expectOk(response, "download " + file.path());
        start = 0; // the server ignored Range (or none was sent): rewrite from the start
      }
      long done = start;
      progress.onProgress(file.path(), done, file.size());
      try (InputStream in = response.body();
          IdleWatchdog watchdog = new IdleWatchdog(in, idleTimeout);
          OutputStream out =
              Files.newOutputStream(
                  part,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  start > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buffer = new byte[BUFFER_BYTES];
        while (true) {
          int n;
          try {
            n = in.read(buffer);
          } catch (IOException e) {
            throw interrupted(
                file,
                done,
                watchdog.fired()
                    ? "no data for " + idleTimeout
                    : "connection lost: " + e.getMessage(),
                e);
          }
          if (n < 0) {
            break;
          }
          if (done + n > file.size()) {
            throw new ModelDownloadException(
                Reason.INTEGRITY,
                file.path() + " is longer than the " + file.size() + " bytes the Hub lists");
          }
          out.write(buffer, 0, n);
          done += n;
          watchdog.touch();
          progress.onProgress(file.path(), done, file.size());
        }
        if (done < file.size()) {
          throw interrupted(
              file,
              done,
              watchdog.fired() ? "no data for " + idleTimeout : "the connection closed early",
              null);
        }
      }
    }

    private ModelDownloadException interrupted(
        HubFile file, long done, String why, Throwable cause) {
      return new ModelDownloadException(
          Reason.INTERRUPTED,
          String.format(
              Locale.ROOT,
              "download of %s stopped at %d of %d bytes (%s); pull again to resume",
              file.path(),
              done,
              file.size(),
              why),
          cause);
    }

    /** GET {@code uri}, from byte {@code from} when positive, following redirects. */
    private HttpResponse<InputStream> send(URI uri, long from) throws ModelDownloadException {
      URI current = uri;
      for (int hop = 0; ; hop++) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(current).timeout(idleTimeout).header("User-Agent", USER_AGENT);
        if (from > 0) {
          request.header("Range", "bytes=" + from + "-");
        }
        if (token != null && sameOrigin(current, baseUrl)) {
          request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response;
        try {
          response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
          throw transportFailure(current, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ModelDownloadException(
              Reason.CANCELLED, "pull of " + model.name() + " cancelled", e);
        }
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if (status < 300 || status >= 400 || status == 304 || location.isEmpty()) {
          return response;
        }
        closeQuietly(response);
        if (hop == MAX_REDIRECTS) {
          throw new ModelDownloadException(
              Reason.HTTP_ERROR, "too many redirects from " + uri + " (last: " + current + ")");
        }
        current = current.resolve(location.get());
      }
    }

    private ModelDownloadException transportFailure(URI uri, IOException e) {
      if (isUnreachable(e)) {
        URI host = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return new ModelDownloadException(
            Reason.UNREACHABLE,
            "cannot reach "
                + host
                + " (offline?). To install a model by hand, place a folder in the CLIP layout"
                + " (config.json, visual/…, textual/…) under "
                + modelDir
                + " — see models/README.md",
            e);
      }
      return new ModelDownloadException(
          Reason.INTERRUPTED, "request to " + uri + " failed (" + e + "); pull again to resume", e);
    }

    private void expectOk(HttpResponse<InputStream> response, String what)
        throws ModelDownloadException {
      int status = response.statusCode();
      if (status == 200) {
        return;
      }
      closeQuietly(response);
      String hubSays =
          response.headers().firstValue("X-Error-Message").map(m -> " (" + m + ")").orElse("");
      String repo = model.repo() + "@" + model.revision();
      throw switch (status) {
        case 401 ->
            new ModelDownloadException(
                Reason.UNAUTHORIZED,
                "cannot "
                    + what
                    + ": HTTP 401"
                    + hubSays
                    + ". "
                    + repo
                    + (token == null
                        ? " may be gated, private or absent; set HF_TOKEN to an access token that"
                            + " can read it"
                        : " may be absent, or the token in HF_TOKEN was not accepted"));
        case 403 ->
            new ModelDownloadException(
                Reason.FORBIDDEN,
                "cannot "
                    + what
                    + ": HTTP 403"
                    + hubSays
                    + ". Your token may not read "
                    + repo
                    + "; accept the model's terms on its Hugging Face page");
        case 404 ->
            new ModelDownloadException(
                Reason.NOT_FOUND,
                "cannot "
                    + what
                    + ": HTTP 404"
                    + hubSays
                    + " for "
                    + response.uri()
                    + ". Check that "
                    + repo
                    + " exists at "
                    + baseUrl);
        default ->
            new ModelDownloadException(
                Reason.HTTP_ERROR,
                "cannot "
                    + what
                    + ": unexpected HTTP "
                    + status
                    + hubSays
                    + " from "
                    + response.uri());
      };
    }
  }

  private static boolean isUnreachable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static URI nextPage(HttpResponse<?> response, URI current) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT_LINK.matcher(link);
      if (m.find()) {
        return current.resolve(m.group(1));
      }
    }
    return null;
  }

  private static Optional<Long> contentRangeStart(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Range")
        .map(CONTENT_RANGE_START::matcher)
        .filter(Matcher::lookingAt)
        .map(m -> Long.parseLong(m.group(1)));
  }

  private static Path partOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What is wrong with {@code file} compared with the Hub's listing, or empty if nothing. */
  private static Optional<String> mismatch(Path file, HubFile expected) throws IOException {
    long size = Files.size(file);
    if (size != expected.size()) {
      return Optional.of("size " + size + " bytes, expected " + expected.size());
    }
    MessageDigest digest;
    String want;
    String algorithm;
    if (expected.sha256() != null) {
      digest = digest("SHA-256");
      want = expected.sha256();
      algorithm = "SHA-256";
    } else {
      // Git's blob id hashes a header and the content: SHA-1("blob <size>\0" + bytes).
      digest = digest("SHA-1");
      digest.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
      want = expected.gitBlobSha1();
      algorithm = "Git blob SHA-1";
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    String got = HexFormat.of().formatHex(digest.digest());
    return got.equalsIgnoreCase(want)
        ? Optional.empty()
        : Optional.of(algorithm + " " + got + ", expected " + want);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform", e);
    }
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Discarding an error or redirect body: a failure to close it changes nothing for the caller.
    }
  }

  /**
   * Closes a response body that has sent nothing for the idle timeout: once headers have arrived
   * the JDK client has no read timeout, and a stalled connection would otherwise block forever.
   */
  private static final class IdleWatchdog implements AutoCloseable {
    private final InputStream body;
    private final long idleNanos;
    private final Thread thread;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean fired;
    private volatile boolean closed;

    IdleWatchdog(InputStream body, Duration idle) {
      this.body = body;
      this.idleNanos = idle.toNanos();
      this.thread = Thread.ofVirtual().name("model-download-watchdog").start(this::watch);
    }

    void touch() {
      lastActivity = System.nanoTime();
    }

    boolean fired() {
      return fired;
    }

    private void watch() {
      long checkMillis = Math.max(10, Math.min(1000, idleNanos / 4_000_000));
      try {
        while (!closed) {
          Thread.sleep(checkMillis);
          if (!closed && System.nanoTime() - lastActivity > idleNanos) {
            fired = true;
            body.close();
            return;
          }
        }
      } catch (InterruptedException e) {
        // close() interrupts the sleep: the transfer is over, nothing to watch.
      } catch (IOException e) {
        // Closing a stalled stream that fails to close: the reader sees the error itself.
      }
    }

    @Override
    public void close() {
      closed = true;
      thread.interrupt();
    }
  }
}
