/**
 * The desktop app: its command, its start and its main window.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.AppCommand}: {@code clipsearch app}, options to {@code
 *       AppOptions}, the theme, then the launcher on the EDT.
 *   <li>{@link io.clipsearch.app.AppLauncher}: shows the window at once, starts the embedded server
 *       (or reaches the remote one) on a worker, then calls the window's {@code connected}.
 *   <li>{@link io.clipsearch.app.MainWindow}: the starting screen, closing and saving the settings;
 *       {@code MainScreen}, built when the server answers, lays out the tabs.
 *   <li>{@code WindowModels}: the view-models of one window, wired to each other (a reconnect or a
 *       finished indexing searches again).
 * </ol>
 *
 * <p>The feature packages hold the screens ({@code search}, {@code results}, {@code detail}, {@code
 * collections}, {@code clusters}, {@code places}, {@code kiosk}); {@code net} talks to the server,
 * {@code tasks} runs work off the EDT, {@code connection} keeps the link, {@code settings}
 * remembers, {@code viewmodel}, {@code paint} and {@code keys} hold what the screens share.
 *
 * <pre>{@code
 * SwingUtilities.invokeLater(() -> {
 *   Theme.install("light");
 *   AppLauncher.launch(options, AppSettings.load(dir), () -> System.exit(0));
 * });
 * }</pre>
 *
 * <p>Threading: everything here is created and used on the EDT; blocking work (HTTP, files, the
 * server start) goes to the window's {@link io.clipsearch.app.tasks.BackgroundTasks} or the
 * launcher's worker and comes back on the EDT.
 */
package io.clipsearch.app;
