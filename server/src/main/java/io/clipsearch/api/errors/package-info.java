/**
 * How the server answers a failure: every error, ours or Micronaut's, is a status code and one
 * {@link io.clipsearch.api.types.ApiError} body.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.api.errors.ApiErrors} builds that response; every handler and filter
 *       that refuses a request calls it.
 *   <li>{@link io.clipsearch.api.errors.NotFoundException} (404) and {@link
 *       io.clipsearch.api.errors.ConflictException} (409) are the API layer's own exceptions; the
 *       packages below throw their domain exceptions ({@code NoSuchCollectionException}, {@code
 *       ModelMismatchException}, ...).
 *   <li>One {@code *ExceptionHandler} per exception type maps it to its status, for example {@link
 *       io.clipsearch.api.errors.NotFoundExceptionHandler}.
 *   <li>{@link io.clipsearch.api.errors.ApiErrorResponseProcessor} gives Micronaut's own errors
 *       (malformed JSON, a failed constraint, an unknown route) the same body, and {@code
 *       TooLongRequestCustomizer} does so for a request line or headers Netty refuses.
 * </ol>
 *
 * <p>A service never builds a response; it throws, and the handler answers:
 *
 * <pre>{@code
 * throw new NotFoundException("no thumbnail for image " + id);
 * // -> 404 {"status":404,"error":"not_found","message":"no thumbnail for image 7"}
 * }</pre>
 *
 * <p>{@code io.clipsearch.api.HeavyRequestsBusyHandler} stays beside the throttle it answers for.
 */
package io.clipsearch.api.errors;
