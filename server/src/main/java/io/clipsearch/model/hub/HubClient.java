package io.clipsearch.model.hub;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to the Hub: GET requests with redirects followed by hand, so that the bearer token goes only
 * to the base URL's origin (the Hub sends LFS files to a CDN), and the Hub's answers mapped to
 * {@link ModelDownloadException}s whose messages say what to do.
 *
 * <p>Thread-safe. Owns its {@link HttpClient}; {@link #close()} closes it.
 */
final class HubClient implements AutoCloseable {

  private static final String USER_AGENT = "clipsearch (java.net.http)";
  private static final int MAX_REDIRECTS = 5;

  private final URI baseUrl;
  private final String token;
  private final Duration idleTimeout;
  private final HttpClient client;

  /**
   * @param baseUrl the Hub's address without a trailing slash
   * @param token the access token for {@code baseUrl}'s origin, or null
   * @param connectTimeout how long to wait for a connection
   * @param idleTimeout how long to wait for response headers
   */
  HubClient(URI baseUrl, String token, Duration connectTimeout, Duration idleTimeout) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.idleTimeout = idleTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // Redirects are followed by hand so the token never leaves the Hub's origin.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  URI baseUrl() {
    return baseUrl;
  }

  /**
   * GET {@code uri}, from byte {@code from} when positive ({@code Range: bytes=N-}), following
   * redirects. The caller reads or closes the body.
   *
   * @throws ModelDownloadException if the host is unreachable, the request fails, there are too
   *     many redirects, or the thread is interrupted
   */
  HttpResponse<InputStream> get(URI uri, long from, PullTarget target)
      throws ModelDownloadException {
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
        throw transportFailure(current, e, target);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelDownloadException(
            Reason.CANCELLED, "pull of " + target.model().name() + " cancelled", e);
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

  /**
   * Returns if the response is 200; else closes it and throws what its status means for {@code
   * what} (e.g. "download visual/model.onnx").
   *
   * @throws ModelDownloadException naming the status, the Hub's own error message, and what to do
   */
  void expectOk(HttpResponse<InputStream> response, String what, PullTarget target)
      throws ModelDownloadException {
    int status = response.statusCode();
    if (status == 200) {
      return;
    }
    closeQuietly(response);
    String hubSays =
        response.headers().firstValue("X-Error-Message").map(m -> " (" + m + ")").orElse("");
    String repo = target.repoAtRevision();
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

  /** Discards a response's body: an error or redirect body the caller will not read. */
  static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Discarding an error or redirect body: a failure to close it changes nothing for the caller.
    }
  }

  /** Whether two URLs share scheme, host and (default-filled) port: where the token may go. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static ModelDownloadException transportFailure(
      URI uri, IOException e, PullTarget target) {
    if (isUnreachable(e)) {
      URI host = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
      return new ModelDownloadException(
          Reason.UNREACHABLE,
          "cannot reach "
              + host
              + " (offline?). To install a model by hand, place a folder in the CLIP layout"
              + " (config.json, visual/…, textual/…) under "
              + target.dir()
              + " — see models/README.md",
          e);
    }
    return new ModelDownloadException(
        Reason.INTERRUPTED, "request to " + uri + " failed (" + e + "); pull again to resume", e);
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

  @Override
  public void close() {
    client.close();
  }
}
