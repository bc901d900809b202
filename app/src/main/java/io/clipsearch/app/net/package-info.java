/**
 * Talking to the server: {@link io.clipsearch.app.net.ClipsearchClient}, the typed client of the
 * REST API (the same HTTP path in embedded and remote mode), the {@link
 * io.clipsearch.app.net.Credentials} it sends (and renews when the server refuses them), its
 * server-sent-events parser, and its failures in plain words.
 *
 * <p>Threading: every call blocks and must run off the EDT (on the window's background workers);
 * the client is thread-safe, and interrupting a call abandons its request.
 */
package io.clipsearch.app.net;
