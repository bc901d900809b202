/**
 * Talking to the server: the typed client of the REST API, the same HTTP path in embedded and
 * remote mode.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.net.ClipsearchClient}: one method per endpoint, the {@code shared}
 *       types in and out; {@code ApiUrl} builds every URL with a query string.
 *   <li>{@link io.clipsearch.app.net.Credentials}: the token it sends, renewed when refused.
 *   <li>Its failures: {@link io.clipsearch.app.net.ApiException} (the server's {@code ApiError}),
 *       {@link io.clipsearch.app.net.ServerUnreachableException}, in plain words by {@code
 *       PlainErrors}.
 *   <li>{@code SseParser}: the server-sent events of an indexing job.
 * </ol>
 *
 * <pre>{@code
 * ClipsearchClient client = new ClipsearchClient(URI.create("http://127.0.0.1:8080"), token);
 * SearchResults r = client.search(query); // blocks: call it on a worker
 * }</pre>
 *
 * <p>Threading: every call blocks and must run off the EDT (on the window's background workers);
 * the client is thread-safe, and interrupting a call abandons its request.
 */
package io.clipsearch.app.net;
