/**
 * The app's remembered preferences in one properties file: theme, window bounds, last server and
 * collection, query history, thumbnail size, an indexing interrupted by closing the app.
 *
 * <p>Threading: {@link io.clipsearch.app.settings.AppSettings} is synchronized; it is read at start
 * and changed and saved from the EDT.
 */
package io.clipsearch.app.settings;
