package io.clipsearch.app.kiosk;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

/**
 * A touch keypad asking for the kiosk PIN: large digit buttons, no keyboard needed. Modal.
 */
final class PinPad extends JDialog {

  private final StringBuilder digits = new StringBuilder();
  private final JLabel shown = new JLabel(" ", SwingConstants.CENTER);
  private final JLabel hint = new JLabel("Enter the PIN to leave kiosk mode", SwingConstants.CENTER);
  private final PinGuard guard;
  private boolean unlocked;

  PinPad(Window owner, PinGuard guard, float fontSize) {
    super(owner, "Exit kiosk", ModalityType.APPLICATION_MODAL);
    this.guard = guard;
    setName("pinPad");
    Font big = getFont() == null ? new JLabel().getFont().deriveFont(fontSize) : getFont().deriveFont(fontSize);
    shown.setFont(big.deriveFont(Font.BOLD, fontSize * 1.4f));
    hint.setFont(big.deriveFont(fontSize * 0.7f));
    if (!guard.lockedFor().isZero()) {
      hint.setText(lockedText());
    }
    JPanel keys = new JPanel(new GridLayout(4, 3, 10, 10));
    for (String k : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"}) {
      JButton b = new JButton(k);
      b.setName("pin-" + k);
      b.setFont(big);
      b.setFocusable(false);
      b.addActionListener(e -> press(k));
      keys.add(b);
    }
    JButton cancel = new JButton("Cancel");
    cancel.setName("pin-cancel");
    cancel.setFont(big.deriveFont(fontSize * 0.8f));
    cancel.addActionListener(e -> dispose());
    JPanel p = new JPanel(new BorderLayout(0, 14));
    p.setBorder(BorderFactory.createEmptyBorder(24, 28, 24, 28));
    JPanel head = new JPanel(new BorderLayout(0, 6));
    head.add(hint, BorderLayout.NORTH);
    head.add(shown, BorderLayout.CENTER);
    p.add(head, BorderLayout.NORTH);
    p.add(keys, BorderLayout.CENTER);
    p.add(cancel, BorderLayout.SOUTH);
    setContentPane(p);
    setSize((int) (fontSize * 16), (int) (fontSize * 22));
    setLocationRelativeTo(owner);
  }

  /** A key of the pad (also used by tests). */
  void press(String key) {
    switch (key) {
      case "Clear" -> digits.setLength(0);
      case "OK" -> {
        PinGuard.Result r = guard.attempt(digits.toString());
        if (r == PinGuard.Result.UNLOCKED) {
          unlocked = true;
          dispose();
          return;
        }
        digits.setLength(0);
        hint.setText(r == PinGuard.Result.LOCKED ? lockedText()
            : "Wrong PIN, " + guard.triesLeft() + (guard.triesLeft() == 1 ? " try" : " tries") + " left");
      }
      default -> {
        if (digits.length() < 12) {
          digits.append(key);
        }
      }
    }
    shown.setText(digits.isEmpty() ? " " : "\u2022".repeat(digits.length()));
  }

  private String lockedText() {
    long seconds = Math.max(1, guard.lockedFor().toSeconds());
    return "Too many wrong PINs: locked for " + (seconds >= 120 ? seconds / 60 + " minutes" : seconds + " seconds");
  }

  /** The hint line above the digits (tests). */
  String hint() {
    return hint.getText();
  }

  /** Whether the right PIN was entered. */
  boolean unlocked() {
    return unlocked;
  }
}
