package io.clipsearch.model.hub;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one file's bytes into its {@code .part} file over HTTP, resuming: with {@code Range:
 * bytes=N-} after the {@code N} bytes already there. A server that ignores the range and answers
 * 200 gets the file rewritten from the start; one that cannot serve the range (416) gets a fresh
 * download. A transfer that gets no bytes for the idle timeout is aborted ({@link IdleWatchdog}),
 * keeping what arrived. Reports progress after every read. Thread-safe (stateless per call).
 */
final class RangeDownload {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes (\\d+)-");

  private final HubClient hub;
  private final Duration idleTimeout;

  RangeDownload(HubClient hub, Duration idleTimeout) {
    this.hub = hub;
    this.idleTimeout = idleTimeout;
  }

  /**
   * Appends the rest of {@code file} from {@code uri} to {@code part}, which holds {@code have}
   * bytes.
   *
   * @throws ModelDownloadException if the Hub refuses, the transfer stops early ({@link
   *     Reason#INTERRUPTED}, the part kept for resuming) or sends more than the listed size
   * @throws IOException if the part file cannot be written
   */
  void fetch(
      URI uri, HubFile file, Path part, long have, PullTarget target, ProgressListener progress)
      throws ModelDownloadException, IOException {
    HttpResponse<InputStream> response = hub.get(uri, have, target);
    int status = response.statusCode();
    if (status == 416 && have > 0) {
      // The server cannot resume from our offset (the file changed upstream?): start over.
      response.body().close();
      Files.delete(part);
      fetch(uri, file, part, 0, target, progress);
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
      hub.expectOk(response, "download " + file.path(), target);
      start = 0; // the server ignored Range (or none was sent): rewrite from the start
    }
    copy(response, file, part, start, progress);
  }

  private void copy(
      HttpResponse<InputStream> response,
      HubFile file,
      Path part,
      long start,
      ProgressListener progress)
      throws ModelDownloadException, IOException {
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

  private static ModelDownloadException interrupted(
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

  /** The first byte of a 206 response's {@code Content-Range}, if it has one. */
  static Optional<Long> contentRangeStart(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Range").flatMap(RangeDownload::rangeStart);
  }

  /** The first byte of a {@code Content-Range} value such as {@code bytes 100-199/200}. */
  static Optional<Long> rangeStart(String contentRange) {
    Matcher m = CONTENT_RANGE_START.matcher(contentRange);
    return m.lookingAt() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
