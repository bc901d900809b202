package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response: the HTTP status, a short error name and a message a person can
 * act on.
 *
 * @param status HTTP status code
 * @param error short name, e.g. {@code bad_request}, {@code not_found}, {@code unauthorized}
 * @param message what went wrong and, where possible, what to do
 */
@Serdeable
public record ApiError(int status, String error, String message) {}
