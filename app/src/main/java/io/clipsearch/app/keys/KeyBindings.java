package io.clipsearch.app.keys;

import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/**
 * Binds a key to an action on a component: the input map entry and the action map entry in one
 * call, so every view names its keys the same way. EDT only, like the maps it fills.
 */
public final class KeyBindings {

  private KeyBindings() {}

  /**
   * Runs {@code action} when {@code key} is pressed under {@code condition} ({@link
   * JComponent#WHEN_FOCUSED}, {@link JComponent#WHEN_ANCESTOR_OF_FOCUSED_COMPONENT} or {@link
   * JComponent#WHEN_IN_FOCUSED_WINDOW}); {@code name} keys the action map and replaces an earlier
   * binding of that name.
   */
  public static void bind(
      JComponent c, int condition, KeyStroke key, String name, Runnable action) {
    c.getInputMap(condition).put(key, name);
    c.getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                action.run();
              }
            });
  }
}
