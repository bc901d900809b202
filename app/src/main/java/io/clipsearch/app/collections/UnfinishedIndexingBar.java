package io.clipsearch.app.collections;

import io.clipsearch.app.settings.AppSettings;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A notice under the top bar after the app was closed in the middle of indexing: how many photos
 * were never indexed, with "Index now" and "Dismiss". It stays until "Dismiss" is clicked or an
 * indexing runs to its end (the status line, where it was, is overwritten by the first search). EDT
 * only.
 */
public final class UnfinishedIndexingBar extends JPanel {

  private final JLabel text = new JLabel();

  public UnfinishedIndexingBar(AppSettings settings, CollectionsViewModel collections) {
    super(new BorderLayout(8, 0));
    setName("unfinishedIndexing");
    setBackground(new Color(0xfff3cd));
    setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 8));
    text.setName("unfinishedIndexingText");
    text.setForeground(new Color(0x4d3800));
    JButton indexNow = new JButton("Index now");
    indexNow.setName("indexNow");
    JButton dismiss = new JButton("Dismiss");
    dismiss.setName("dismissUnfinished");
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    buttons.setOpaque(false);
    buttons.add(indexNow);
    buttons.add(dismiss);
    add(text, BorderLayout.CENTER);
    add(buttons, BorderLayout.EAST);
    setVisible(false);

    settings
        .unfinishedIndexing()
        .ifPresent(
            u -> {
              text.setText(u.notice());
              setVisible(true);
              indexNow.addActionListener(e -> collections.startIndexing(u.collection()));
            });
    dismiss.addActionListener(
        e -> {
          setVisible(false);
          settings.setUnfinishedIndexing(null, 0);
        });
    collections.onIndexed(
        () -> {
          if (collections.finishedAll()) {
            setVisible(false);
          }
        });
  }

  /** The notice's words (tests). */
  public String text() {
    return text.getText();
  }
}
