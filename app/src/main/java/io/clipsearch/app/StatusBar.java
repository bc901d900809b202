package io.clipsearch.app;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.concurrent.Callable;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The main window's bottom line: the status of the search (or of an export, a notice after an
 * interrupted indexing) at the left, the server's remark on its model at the right (a click on it
 * opens the Models view). EDT only.
 */
final class StatusBar extends JPanel {

  private final JLabel status = new JLabel(" ");

  /**
   * Only as wide as the status leaves free (shortened then, whole in its tooltip): in a narrow
   * window it squeezed the result count off the line.
   */
  private final JLabel modelNotice =
      new JLabel() {
        @Override
        public Dimension getPreferredSize() {
          Dimension d = super.getPreferredSize();
          int free = StatusBar.this.getWidth() - status.getPreferredSize().width;
          return StatusBar.this.getWidth() == 0
              ? d
              : new Dimension(Math.max(0, Math.min(d.width, free)), d.height);
        }
      };

  StatusBar() {
    super(new BorderLayout());
    status.setName("status");
    modelNotice.setName("modelNotice");
    for (JComponent c : new JComponent[] {status, modelNotice}) {
      c.setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 12));
      c.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    }
    add(status, BorderLayout.CENTER);
    add(modelNotice, BorderLayout.EAST);
  }

  /**
   * Asks the server for its model in the background and shows its notice (the bundled mini model: a
   * stronger one can be pulled); nothing when it has none or cannot be reached (the connection
   * banner says that already).
   */
  void showModelNotice(BackgroundTasks tasks, Callable<ModelDescription> model) {
    tasks.submit(
        model,
        m -> {
          modelNotice.setText(m.notice() == null ? "" : m.notice());
          modelNotice.setToolTipText(m.notice());
        },
        e -> {});
  }

  /** Clicking the model notice runs {@code open} (the Models view, where a stronger model is). */
  void onNoticeClicked(Runnable open) {
    modelNotice.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
    modelNotice.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            open.run();
          }
        });
  }

  void say(String text) {
    status.setText(text);
  }

  JLabel statusLine() {
    return status;
  }

  JLabel modelNotice() {
    return modelNotice;
  }
}
