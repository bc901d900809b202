/**
 * The app's remembered preferences in one properties file: theme, window bounds, the last
 * collection, query history, thumbnail size, tokens per remote server, and an indexing interrupted
 * by closing the app.
 *
 * <p>{@link io.clipsearch.app.settings.AppSettings} is the one type: loaded at start, changed as
 * people use the app, saved when the window closes (through a temporary file only its owner can
 * read, since it holds tokens).
 *
 * <pre>{@code
 * AppSettings settings = AppSettings.load(AppSettings.defaultDir(System.getenv()));
 * settings.setTheme("dark");
 * settings.save();
 * }</pre>
 *
 * <p>Threading: {@code AppSettings} is synchronized; it is read at start and changed and saved from
 * the EDT.
 */
package io.clipsearch.app.settings;
