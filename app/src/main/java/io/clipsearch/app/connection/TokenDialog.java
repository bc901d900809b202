package io.clipsearch.app.connection;

import java.awt.BorderLayout;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;

/**
 * The question "this server needs its token": a modal dialog titled {@value #TITLE} with a password
 * field (named {@code serverToken}; Enter accepts), OK and Cancel. Shown on the EDT for a {@link
 * RemoteCredentials.Prompt} that waits for it from a worker thread.
 */
public final class TokenDialog {

  /** The dialog's title. */
  public static final String TITLE = "Server token";

  private TokenDialog() {}

  /** A prompt that shows the dialog over {@code parent} (read when asking) and waits for it. */
  public static RemoteCredentials.Prompt over(Supplier<Window> parent) {
    return (server, refused) -> {
      if (SwingUtilities.isEventDispatchThread()) {
        throw new IllegalStateException("the token prompt waits for the EDT: ask from a worker");
      }
      AtomicReference<Optional<String>> typed = new AtomicReference<>(Optional.empty());
      try {
        SwingUtilities.invokeAndWait(() -> typed.set(show(parent.get(), server, refused)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the request was cancelled: so is the question
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("cannot show the token dialog", e.getCause());
      }
      return typed.get();
    };
  }

  private static Optional<String> show(Window parent, URI server, boolean refused) {
    JPasswordField field = new JPasswordField(32);
    field.setName("serverToken");
    JPanel panel = new JPanel(new BorderLayout(0, 8));
    panel.add(
        new JLabel(
            "<html>"
                + (refused
                    ? "The server at " + server + " did not accept the token."
                    : "The server at " + server + " needs its token to show your photos.")
                + "<br>On the server, <code>clipsearch token</code> prints it (a read-only token lets you search"
                + " and view).</html>"),
        BorderLayout.NORTH);
    panel.add(field, BorderLayout.CENTER);
    panel.setBorder(BorderFactory.createEmptyBorder(4, 0, 4, 0));
    JOptionPane pane =
        new JOptionPane(panel, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION);
    field.addActionListener(e -> pane.setValue(JOptionPane.OK_OPTION)); // Enter accepts
    JDialog dialog = pane.createDialog(parent, TITLE);
    dialog.addWindowFocusListener(
        new WindowAdapter() {
          @Override
          public void windowGainedFocus(WindowEvent e) {
            field.requestFocusInWindow();
          }
        });
    dialog.setVisible(true); // modal: returns when answered
    dialog.dispose();
    boolean ok = Integer.valueOf(JOptionPane.OK_OPTION).equals(pane.getValue());
    return ok ? Optional.of(new String(field.getPassword())) : Optional.empty();
  }
}
