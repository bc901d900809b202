package io.clipsearch.app.detail;

import io.clipsearch.app.keys.KeyBindings;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.KeyStroke;

/**
 * One photo on the whole screen, black around it, with zoom (wheel, + and -, 0 to fit, 1 for 100 %)
 * and panning by dragging; Esc or F closes. A hint line shows the zoom.
 */
public final class FullScreenViewer extends JDialog {

  private final ZoomView view;
  private final JLabel hint = new JLabel(" ", JLabel.CENTER);

  public FullScreenViewer(Window owner, BufferedImage image, String title) {
    super(owner, title, ModalityType.MODELESS);
    setName("fullScreen");
    setUndecorated(true);
    view = new ZoomView(image);
    hint.setForeground(new Color(0xbdbdbd));
    hint.setOpaque(true);
    hint.setBackground(Color.BLACK);
    hint.setBorder(BorderFactory.createEmptyBorder(6, 0, 8, 0));
    getContentPane().setBackground(Color.BLACK);
    add(view, BorderLayout.CENTER);
    add(hint, BorderLayout.SOUTH);
    GraphicsConfiguration gc = owner == null ? null : owner.getGraphicsConfiguration();
    Rectangle screen = gc != null ? gc.getBounds() : new Rectangle(new Dimension(1280, 800));
    setBounds(screen);
    key(KeyEvent.VK_ESCAPE, "close", this::dispose);
    key(KeyEvent.VK_F, "closeF", this::dispose);
    key(KeyEvent.VK_PLUS, "in", () -> zoom(1.25));
    key(KeyEvent.VK_EQUALS, "in2", () -> zoom(1.25));
    // "+" is Shift+= on most layouts: the key pressed is '=' with Shift held
    key(
        KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, InputEvent.SHIFT_DOWN_MASK),
        "in4",
        () -> zoom(1.25));
    key(KeyEvent.VK_ADD, "in3", () -> zoom(1.25));
    key(KeyEvent.VK_MINUS, "out", () -> zoom(0.8));
    key(KeyEvent.VK_SUBTRACT, "out2", () -> zoom(0.8));
    key(
        KeyEvent.VK_0,
        "fit",
        () -> {
          view.fit();
          showZoom();
        });
    key(
        KeyEvent.VK_1,
        "actual",
        () -> {
          view.actualSize();
          showZoom();
        });
    view.addMouseWheelListener(e -> showZoom());
    // the fitted zoom is known once the view has its size: before, it reads as 100 %
    view.addComponentListener(
        new ComponentAdapter() {
          @Override
          public void componentResized(ComponentEvent e) {
            showZoom();
          }
        });
    showZoom();
  }

  /** The zoomable photo (tests and keys). */
  ZoomView view() {
    return view;
  }

  private void zoom(double factor) {
    view.zoomBy(factor);
    showZoom();
  }

  private void showZoom() {
    hint.setText(
        String.format(
            Locale.ROOT,
            "%s  ·  %.0f %%  ·  wheel or + − to zoom, drag to move, 0 fits, Esc closes",
            getTitle(),
            100 * view.zoom()));
  }

  /** The zoom line under the photo (tests). */
  String hint() {
    return hint.getText();
  }

  private void key(int code, String name, Runnable r) {
    key(KeyStroke.getKeyStroke(code, 0), name, r);
  }

  private void key(KeyStroke stroke, String name, Runnable r) {
    KeyBindings.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, stroke, name, r);
  }
}
