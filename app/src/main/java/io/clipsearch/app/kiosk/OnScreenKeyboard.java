package io.clipsearch.app.kiosk;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.text.JTextComponent;

/**
 * A touch keyboard for kiosk screens without a physical one: letter keys, space, backspace and
 * Search, typing into one text field as a keyboard would (the field's listeners see ordinary
 * edits). Its keys never take the focus from the field.
 */
public final class OnScreenKeyboard extends JPanel {

  private static final List<String> ROWS =
      List.of("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.-");

  private final JTextComponent target;
  private final Runnable submit;

  /**
   * @param target the field typed into
   * @param submit what the Search key does (the field's Enter)
   */
  public OnScreenKeyboard(JTextComponent target, Runnable submit, float fontSize) {
    super(new GridLayout(ROWS.size() + 1, 1, 0, 6));
    this.target = target;
    this.submit = submit;
    setName("onScreenKeyboard");
    setBorder(BorderFactory.createEmptyBorder(8, 24, 16, 24));
    Font font = getFont().deriveFont(Font.BOLD, fontSize);
    for (String row : ROWS) {
      JPanel keys = new JPanel(new GridLayout(1, row.length(), 6, 0));
      for (char ch : row.toCharArray()) {
        String k = String.valueOf(ch);
        keys.add(key(k, "key-" + k, font, () -> type(k)));
      }
      add(keys);
    }
    JPanel last = new JPanel(new GridLayout(1, 3, 6, 0));
    last.add(key("\u232B Delete", "key-backspace", font, this::backspace));
    last.add(key("Space", "key-space", font, () -> type(" ")));
    last.add(key("Search", "key-search", font, submit));
    add(last);
  }

  /** Presses the key labelled {@code k} (tests, and the buttons). */
  public void type(String k) {
    target.replaceSelection(k);
  }

  private void backspace() {
    int end = target.getSelectionEnd();
    int start =
        target.getSelectionStart() == end ? Math.max(0, end - 1) : target.getSelectionStart();
    target.select(start, end);
    target.replaceSelection("");
  }

  private static JButton key(String label, String name, Font font, Runnable action) {
    JButton b = new JButton(label);
    b.setName(name);
    b.setFont(font);
    b.setFocusable(false);
    b.setPreferredSize(
        new Dimension(
            b.getPreferredSize().width,
            Math.max(b.getPreferredSize().height, KioskWindow.TOUCH_TARGET)));
    b.addActionListener(e -> action.run());
    return b;
  }
}
