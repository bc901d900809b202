package io.clipsearch.model.hub;

import java.util.Objects;

/**
 * A model could not be pulled: the message says what failed and what to do about it, in words fit
 * to show a user as is.
 *
 * <p>Files completed before the failure stay in place and a partial file stays as {@code
 * <file>.part}, so pulling again resumes, except after an {@link Reason#INTEGRITY} failure, which
 * deletes the bad file.
 */
public final class ModelDownloadException extends Exception {

  /** Why a pull failed, for exit codes and tests. */
  public enum Reason {
    /** The host could not be reached at all: offline, DNS failure, connection refused. */
    UNREACHABLE,
    /** HTTP 401: the repository is gated or private (or absent) and no valid token was sent. */
    UNAUTHORIZED,
    /** HTTP 403: the token may not read the repository (terms not accepted). */
    FORBIDDEN,
    /** HTTP 404: no such repository, revision or file. */
    NOT_FOUND,
    /** Any other unexpected HTTP status or response. */
    HTTP_ERROR,
    /** The connection broke or stalled mid-transfer; pulling again resumes. */
    INTERRUPTED,
    /** A downloaded file's size or hash differs from the one the Hub publishes. */
    INTEGRITY,
    /** The repository lacks files a model folder needs. */
    LAYOUT,
    /** The models directory could not be written (permissions, disk full). */
    LOCAL_IO,
    /** The pulling thread was interrupted. */
    CANCELLED
  }

  private final Reason reason;

  public ModelDownloadException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ModelDownloadException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  Reason reason() {
    return reason;
  }
}
