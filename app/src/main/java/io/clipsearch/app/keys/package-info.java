/**
 * How the app's views bind keys.
 *
 * <p>{@link io.clipsearch.app.keys.KeyBindings#bind} puts a key stroke in a component's input map
 * and the action to run in its action map; the main screen's shortcuts, the search field, the
 * results grid, the detail panel and the full-screen viewer all bind through it.
 *
 * <pre>{@code
 * KeyBindings.bind(list, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0),
 *     "open", this::openSelected);
 * }</pre>
 *
 * <p>Threading: EDT only.
 */
package io.clipsearch.app.keys;
