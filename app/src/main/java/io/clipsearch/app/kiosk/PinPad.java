package io.clipsearch.app.kiosk;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.Timer;

/**
 * A touch keypad asking for the kiosk PIN: large digit buttons, no keyboard needed. Modal. While
 * the keypad is locked, the wait left counts down every second on its own.
 */
final class PinPad extends JDialog {

  private static final String LOCKED = "Too many wrong PINs.";
  private static final String ASK = "Enter the PIN to leave kiosk mode";

  private final StringBuilder digits = new StringBuilder();
  private final JLabel shown = new JLabel(" ", SwingConstants.CENTER);
  private final JLabel hint = new JLabel(ASK, SwingConstants.CENTER);
  private final PinGuard guard;
  private final Timer countdown = new Timer(1000, e -> showLock());
  private String hintText = ASK;
  private boolean unlocked;

  PinPad(Window owner, PinGuard guard, float fontSize) {
    super(owner, "Exit kiosk", ModalityType.APPLICATION_MODAL);
    this.guard = guard;
    setName("pinPad");
    Font big =
        getFont() == null
            ? new JLabel().getFont().deriveFont(fontSize)
            : getFont().deriveFont(fontSize);
    shown.setFont(big.deriveFont(Font.BOLD, fontSize * 1.4f));
    hint.setFont(big.deriveFont(fontSize * 0.7f));
    showLock();
    JPanel keys = new JPanel(new GridLayout(4, 3, 10, 10));
    for (String k :
        new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"}) {
      JButton b = new JButton(k);
      b.setName("pin-" + k);
      b.setFont(big);
      b.setFocusable(false);
      b.setPreferredSize(new Dimension(b.getPreferredSize().width, KioskWindow.TOUCH_TARGET));
      b.addActionListener(e -> press(k));
      keys.add(b);
    }
    JButton cancel = new JButton("Cancel");
    cancel.setName("pin-cancel");
    cancel.setFont(big.deriveFont(fontSize * 0.8f));
    cancel.setPreferredSize(
        new Dimension(cancel.getPreferredSize().width, KioskWindow.TOUCH_TARGET));
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
    pack(); // at least the keys' touch size, whatever the font
    setSize(
        Math.max(getWidth(), (int) (fontSize * 16)), Math.max(getHeight(), (int) (fontSize * 22)));
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
        say(
            r == PinGuard.Result.LOCKED
                ? lockedText()
                : "Wrong PIN, "
                    + guard.triesLeft()
                    + (guard.triesLeft() == 1 ? " try" : " tries")
                    + " left");
      }
      default -> {
        if (digits.length() < 12) {
          digits.append(key);
        }
      }
    }
    shown.setText(digits.isEmpty() ? " " : "\u2022".repeat(digits.length()));
  }

  @Override
  public void addNotify() {
    super.addNotify();
    countdown.start();
  }

  @Override
  public void removeNotify() {
    countdown.stop();
    super.removeNotify();
  }

  /** While locked, the wait left; when the lock ends, the question again. */
  private void showLock() {
    if (!guard.lockedFor().isZero()) {
      say(lockedText());
    } else if (hintText.startsWith(LOCKED)) {
      say(ASK);
    }
  }

  private String lockedText() {
    long seconds = Math.max(1, guard.lockedFor().toSeconds());
    return LOCKED
        + " Try again in "
        + (seconds >= 120 ? seconds / 60 + " minutes." : seconds + " seconds.");
  }

  /** Shows {@code text} a sentence a line: on one line the lockout was cut at the pad's edges. */
  private void say(String text) {
    hintText = text;
    hint.setText(
        "<html><div style='text-align:center'>" + text.replace(". ", ".<br>") + "</div></html>");
  }

  /** The hint line above the digits, without its markup (tests). */
  String hint() {
    return hintText;
  }

  /** The label showing the hint (tests: that it is not cut). */
  JLabel hintLabel() {
    return hint;
  }

  /** Whether the right PIN was entered. */
  boolean unlocked() {
    return unlocked;
  }
}
