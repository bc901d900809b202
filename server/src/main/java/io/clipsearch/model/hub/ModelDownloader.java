package io.clipsearch.model.hub;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Pulls a {@link KnownModel} from the Hugging Face Hub into a model folder, one job per helper:
 *
 * <ul>
 *   <li>{@link HubListing} lists the repository and keeps the files {@link ModelLayout} wants;
 *   <li>a file already in place with the published size and hash is skipped ({@link HubFileCheck});
 *   <li>otherwise {@link RangeDownload} fetches it from {@code /{repo}/resolve/{revision}/{path}}
 *       into {@code <file>.part}, resuming an existing one;
 *   <li>the finished {@code .part} is checked against the published size and hash ({@link
 *       HubFileCheck}: SHA-256 for LFS files, Git blob SHA-1 for small ones), deleted on mismatch,
 *       and otherwise moved into place ({@link PartFiles}, atomically where possible);
 *   <li>progress goes to the caller's {@link ProgressListener}.
 * </ul>
 *
 * <p>{@link HubClient} follows redirects (the Hub sends LFS files to a CDN) by hand so that the
 * bearer token goes only to the base URL's origin. A transfer that gets no bytes for the idle
 * timeout is aborted.
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

  private final HubClient hub;
  private final HubListing listing;
  private final RangeDownload download;

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
    this.hub =
        new HubClient(
            URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
            token == null || token.isBlank() ? null : token.strip(),
            connectTimeout,
            idleTimeout);
    this.listing = new HubListing(hub);
    this.download = new RangeDownload(hub, idleTimeout);
  }

  /**
   * A downloader for the public Hub, or the mirror named by {@code HF_ENDPOINT}, sending the token
   * in {@code HF_TOKEN} if set (the variables the Hugging Face tools use), with default timeouts.
   */
  public static ModelDownloader fromEnvironment() {
    return new ModelDownloader(
        baseUrlFromEnvironment(),
        System.getenv("HF_TOKEN"),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_IDLE_TIMEOUT);
  }

  /** The mirror named by {@code HF_ENDPOINT}, else {@link #DEFAULT_BASE_URL}. */
  public static URI baseUrlFromEnvironment() {
    String endpoint = System.getenv("HF_ENDPOINT");
    return endpoint == null || endpoint.isBlank() ? DEFAULT_BASE_URL : URI.create(endpoint);
  }

  /** The Hub address this downloader talks to. */
  public URI baseUrl() {
    return hub.baseUrl();
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
    PullTarget target = new PullTarget(model, modelsDir.resolve(model.name()));
    List<HubFile> files = listing.wantedFiles(target);
    progress.onListed(files.stream().mapToLong(HubFile::size).sum());
    try {
      Files.createDirectories(target.dir());
      PartFiles.checkFreeSpace(target, files);
    } catch (IOException e) {
      throw new ModelDownloadException(
          Reason.LOCAL_IO, "cannot write model folder " + target.dir() + ": " + e, e);
    }
    for (HubFile file : files) {
      fetch(target, file, progress);
    }
    List<String> missing = ModelLayout.missingFiles(target.dir());
    if (!missing.isEmpty()) {
      // Only possible if something else deleted files while we pulled.
      throw new ModelDownloadException(
          Reason.LOCAL_IO, target.dir() + " is still missing " + missing + " after the pull");
    }
    return target.dir();
  }

  /** Puts one file in place: skipped if complete, else fetched (resumed), checked and moved. */
  private void fetch(PullTarget target, HubFile file, ProgressListener progress)
      throws ModelDownloadException {
    Path path = target.dir().resolve(file.path());
    Path part = PartFiles.partOf(path);
    try {
      if (HubFileCheck.isComplete(path, file)) {
        progress.onProgress(file.path(), file.size(), file.size());
        return;
      }
      Files.createDirectories(path.getParent());
      long have = Files.isRegularFile(part) ? Files.size(part) : 0;
      if (have > file.size()) {
        Files.delete(part);
        have = 0;
      }
      if (have < file.size()) {
        download.fetch(resolveUri(target.model(), file), file, part, have, target, progress);
      } else if (!Files.exists(part)) {
        Files.createFile(part); // an empty file needs no request
      } else {
        progress.onProgress(file.path(), have, file.size());
      }
      Optional<String> problem = HubFileCheck.mismatch(part, file);
      if (problem.isPresent()) {
        Files.delete(part);
        throw new ModelDownloadException(
            Reason.INTEGRITY,
            file.path()
                + " of "
                + target.model().repo()
                + " is corrupt: "
                + problem.get()
                + ". The bad download was deleted; pull again to retry.");
      }
      PartFiles.moveIntoPlace(part, path);
    } catch (IOException e) {
      throw new ModelDownloadException(
          Reason.LOCAL_IO, "cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private URI resolveUri(KnownModel model, HubFile file) {
    return URI.create(
        hub.baseUrl() + "/" + model.repo() + "/resolve/" + model.revision() + "/" + file.path());
  }

  @Override
  public void close() {
    hub.close();
  }
}
