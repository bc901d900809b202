package io.clipsearch.app.search;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.icons.FlatSearchIcon;
import io.clipsearch.app.detail.ImageDecoding;
import io.clipsearch.app.keys.KeyBindings;
import io.clipsearch.app.places.GeoArea;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Image;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The search field: forwards edits to {@link SearchViewModel#setText} (which debounces), Enter to
 * {@link SearchViewModel#submit}, Esc clears; a history popup (Down arrow or the clock button) and
 * a syntax help popup. A view only: no state of its own beyond the text.
 */
public final class SearchBar extends JPanel {

  static final String HELP =
      """
      <html><body style='width:340px'>
      <b>Search syntax</b><br>
      <code>osprey at sunset</code> &nbsp;words form one prompt<br>
      <code>beach -people</code> &nbsp;subtract a prompt<br>
      <code>forest +fog</code> &nbsp;add another prompt<br>
      <code>2:"red car" street</code> &nbsp;weight a prompt<br>
      <code>like:&lt;id&gt;</code> &nbsp;images like an indexed one (Ctrl+L on a result)<br>
      <code>person:Anna</code> &nbsp;her photos, newest first (names from People)<br>
      <code>person:Anna beach -person:Ben</code> &nbsp;with her, without him<br>
      <code>IMG_2041</code>, <code>EOS R5</code> &nbsp;file, folder and camera names match too<br><br>
      Drop an image file on the results, or paste one (Ctrl+Shift+V), to search by example.
      </body></html>""";

  private final SearchViewModel model;
  private final JTextField field = new JTextField();

  /** Never taller than the field: a taller chip made the whole toolbar jump when it appeared. */
  private final JButton exampleChip =
      new JButton() {
        @Override
        public Dimension getPreferredSize() {
          Dimension d = super.getPreferredSize();
          return new Dimension(d.width, Math.min(d.height, field.getPreferredSize().height));
        }
      };

  private byte[] shownExample;
  private boolean adjusting;

  /**
   * @param syntax whether the query syntax is explained (placeholder and help); not in kiosk mode,
   *     where visitors just type words
   */
  public SearchBar(SearchViewModel model, float fontScale, boolean syntax) {
    super(new BorderLayout(6, 0));
    this.model = model;
    setOpaque(false);
    field.setName("searchField");
    field.putClientProperty(
        FlatClientProperties.PLACEHOLDER_TEXT,
        syntax ? "Search photos: words, -not, 2:\"weighted\"" : "Type what you are looking for");
    field.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
    field.putClientProperty(FlatClientProperties.TEXT_FIELD_LEADING_ICON, new FlatSearchIcon());
    field.setFont(field.getFont().deriveFont(field.getFont().getSize2D() * fontScale));
    field
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                changed();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                changed();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                changed();
              }
            });
    field.addActionListener(e -> model.submit());
    KeyBindings.bind(
        field,
        JComponent.WHEN_FOCUSED,
        KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
        "clear",
        this::clear);
    KeyBindings.bind(
        field,
        JComponent.WHEN_FOCUSED,
        KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0),
        "history",
        this::showHistory);

    JButton history = new JButton("\u25BE");
    history.setToolTipText("Recent searches (Down arrow)");
    history.setFocusable(false);
    history.addActionListener(e -> showHistory());
    history.putClientProperty(
        FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
    JButton help = new JButton("?");
    help.setName("syntaxHelp");
    help.setToolTipText(HELP);
    help.setFocusable(false);
    help.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_HELP);
    help.addActionListener(
        e -> {
          JPopupMenu popup = new JPopupMenu();
          popup.add(new JLabel(HELP)).setFont(getFont());
          ((JComponent) popup.getComponent(0))
              .setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
          popup.show(help, 0, help.getHeight());
        });
    field.putClientProperty(FlatClientProperties.TEXT_FIELD_TRAILING_COMPONENT, history);
    add(field, BorderLayout.CENTER);
    if (syntax) {
      add(help, BorderLayout.EAST);
    }
    exampleChip.setName("exampleChip");
    exampleChip.setToolTipText("Searching by this photo: click to clear");
    exampleChip.setFocusable(false);
    exampleChip.setVisible(false);
    exampleChip.addActionListener(e -> clear());
    add(exampleChip, BorderLayout.WEST);

    model.addListener(
        state -> {
          showExample();
          // "more like this" sets the text from the model: show it without searching again
          if (!field.getText().equals(model.text())) {
            adjusting = true;
            try {
              field.setText(model.text());
            } finally {
              adjusting = false;
            }
          }
        });
  }

  /**
   * The preview of what a search by image or "more like this" starts from, in place of query syntax
   * in the box: a small copy of the example image, "Similar photos", or "Taken here" for the photos
   * of a place on the map.
   */
  private void showExample() {
    byte[] example = model.example();
    boolean like = model.likeId() != null;
    GeoArea place = model.place();
    exampleChip.setVisible(example != null || like || place != null);
    if (example == null) {
      shownExample = null;
      exampleChip.setIcon(null);
      exampleChip.setText(
          like ? "Similar photos  \u00D7" : place != null ? "Taken here (map)  \u00D7" : "");
      exampleChip.setToolTipText(
          place != null
              ? "Photos taken near " + place.describe() + ": click to show all"
              : "Searching by this photo: click to clear");
      return;
    }
    if (!Arrays.equals(example, shownExample)) {
      shownExample = example;
      exampleChip.setText("\u00D7");
      try {
        BufferedImage small = ImageDecoding.readScaled(example, 40);
        // the preview fits inside the field's height, the chip's border included
        int side = Math.max(12, field.getPreferredSize().height - 8);
        double scale = (double) side / Math.max(small.getWidth(), small.getHeight());
        exampleChip.setIcon(
            new ImageIcon(
                small.getScaledInstance(
                    Math.max(1, (int) (small.getWidth() * scale)),
                    Math.max(1, (int) (small.getHeight() * scale)),
                    Image.SCALE_SMOOTH)));
      } catch (IOException e) {
        exampleChip.setIcon(null);
        exampleChip.setText("Image  \u00D7");
      }
    }
  }

  /** The example preview (tests): visible while searching by an image or by a photo. */
  JButton exampleChip() {
    return exampleChip;
  }

  /** The text field (focus target of Ctrl+F). */
  public JTextField field() {
    return field;
  }

  /** Focuses the field and selects its text. */
  public void focusSearch() {
    field.requestFocusInWindow();
    field.selectAll();
  }

  public void clear() {
    model.clear();
    adjusting = true;
    try {
      field.setText("");
    } finally {
      adjusting = false;
    }
  }

  private void changed() {
    if (!adjusting) {
      model.setText(field.getText());
    }
  }

  private void showHistory() {
    var entries = model.history().matching("");
    JPopupMenu popup = new JPopupMenu();
    if (entries.isEmpty()) {
      JMenuItem none = new JMenuItem("No recent searches");
      none.setEnabled(false);
      popup.add(none);
    }
    for (String entry : entries.subList(0, Math.min(15, entries.size()))) {
      JMenuItem item = new JMenuItem(entry);
      item.addActionListener(
          e -> {
            field.setText(entry);
            model.submit();
          });
      popup.add(item);
    }
    popup.show(field, 0, field.getHeight());
  }

  /** A larger variant of {@code f}. */
  static Font scaled(Font f, float s) {
    return f.deriveFont(f.getSize2D() * s);
  }
}
