/**
 * The desktop app's entry and its main window: {@link io.clipsearch.app.AppCommand} (the {@code
 * clipsearch app} command), {@link io.clipsearch.app.AppLauncher} (embedded or remote server, then
 * the window), {@link io.clipsearch.app.MainWindow} with its parts (top bar, status bar, result
 * actions) and {@link io.clipsearch.app.WindowModels}, the view models of one window wired to each
 * other; the theme and drag-and-drop of images. The feature packages below it hold the screens:
 * {@code search}, {@code results}, {@code detail}, {@code collections}, {@code clusters}, {@code
 * places}, {@code kiosk}; {@code net} talks to the server, {@code tasks} runs work off the EDT,
 * {@code connection} keeps the link, {@code settings} remembers.
 *
 * <p>Threading: everything here is created and used on the EDT ({@code main} hands over with {@code
 * SwingUtilities.invokeLater}); blocking work (HTTP, files, starting the embedded server) goes to
 * the window's {@link io.clipsearch.app.tasks.BackgroundTasks} or, for the server start, a worker
 * thread of the launcher, and comes back on the EDT.
 */
package io.clipsearch.app;
