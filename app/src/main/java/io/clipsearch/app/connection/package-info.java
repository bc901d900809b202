/**
 * The link to the server: the app's options (embedded or remote), the in-process
 * {@link io.clipsearch.app.connection.EmbeddedServer}, and while the server cannot be reached the
 * {@link io.clipsearch.app.connection.ConnectionMonitor} (probes with back-off) and its banner.
 *
 * <p>Threading: the monitor and the banner are confined to the EDT (probes run on background
 * workers, delays are Swing timers); {@link io.clipsearch.app.connection.EmbeddedServer#start}
 * blocks and is called off the EDT; {@link io.clipsearch.app.connection.AppOptions} and
 * {@link io.clipsearch.app.connection.Backoff} are values.
 */
package io.clipsearch.app.connection;
