/**
 * The link to the server: the app's options (embedded or remote), the in-process {@link
 * io.clipsearch.app.connection.EmbeddedServer}, and while the server cannot be reached the {@link
 * io.clipsearch.app.connection.ConnectionMonitor} (probes with back-off) and its banner; in remote
 * mode the token ({@link io.clipsearch.app.connection.RemoteCredentials}: remembered per server,
 * asked for in a {@link io.clipsearch.app.connection.TokenDialog} when refused).
 *
 * <p>Threading: the monitor and the banner are confined to the EDT (probes run on background
 * workers, delays are Swing timers); {@link io.clipsearch.app.connection.EmbeddedServer#start}
 * blocks and is called off the EDT, as is a renewal of {@code RemoteCredentials} (it waits for the
 * dialog on the EDT); {@link io.clipsearch.app.connection.AppOptions} and {@link
 * io.clipsearch.app.connection.Backoff} are values.
 */
package io.clipsearch.app.connection;
