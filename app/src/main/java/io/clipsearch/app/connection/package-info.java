/**
 * The link to the server: the app's options, the in-process server of embedded mode, the watch that
 * notices a lost server and probes it back, and in remote mode the token.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.connection.AppOptions}: embedded (model and data folders) or
 *       remote (a URL), kiosk or not.
 *   <li>{@link io.clipsearch.app.connection.EmbeddedServer}: Micronaut on a free loopback port with
 *       a random token.
 *   <li>{@link io.clipsearch.app.connection.RemoteCredentials}: the token from the command line or
 *       remembered for the server, asked for in a {@code TokenDialog} when refused.
 *   <li>{@link io.clipsearch.app.connection.ConnectionMonitor} with {@code Backoff}: probes a lost
 *       server; {@code ConnectionBanner} says so above the tabs.
 * </ol>
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.start(model, data)) { // off the EDT
 *   ClipsearchClient client = new ClipsearchClient(server.url(), server.token());
 * }
 * }</pre>
 *
 * <p>Threading: the monitor and the banner are confined to the EDT (probes run on background
 * workers, delays are Swing timers); {@code EmbeddedServer.start} blocks and is called off the EDT,
 * as is a renewal of {@code RemoteCredentials} (it waits for the dialog on the EDT); {@code
 * AppOptions} and {@code Backoff} are values.
 */
package io.clipsearch.app.connection;
