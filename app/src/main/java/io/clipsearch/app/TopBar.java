package io.clipsearch.app;

import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JPanel;
import javax.swing.JSlider;

/**
 * The main window's top line: the collection to search, the search bar, the thumbnail size, search
 * by image, the Models view and the theme switch. The collection box and the size are forwarded to
 * the search and the results grid; the size and the theme are remembered in the settings. EDT only.
 */
final class TopBar extends JPanel {

  private final SearchViewModel search;
  private final JComboBox<String> collectionBox = new JComboBox<>();
  private boolean adjustingCollections;

  /**
   * @param chooseExample opens the file chooser of "Search by image…"
   * @param openModels opens the Models view
   */
  TopBar(
      SearchViewModel search,
      SearchBar searchBar,
      ResultsPanel results,
      AppSettings settings,
      Runnable chooseExample,
      Runnable openModels) {
    super(new BorderLayout(10, 0));
    this.search = search;
    setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
    collectionBox.setName("collection");
    collectionBox.setToolTipText("Collection to search");
    collectionBox.addActionListener(
        e -> {
          if (!adjustingCollections && collectionBox.getSelectedItem() != null) {
            search.setCollection((String) collectionBox.getSelectedItem());
          }
        });
    JButton byImage = new JButton("Search by image…");
    byImage.setToolTipText(
        "Choose an image file to find similar photos (or drop one on the results)");
    byImage.addActionListener(e -> chooseExample.run());
    JButton models = new JButton("Models…");
    models.setName("openModels");
    models.setToolTipText("The models to search with: download a stronger one, switch to it");
    models.addActionListener(e -> openModels.run());
    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    right.add(thumbnailSize(results, settings));
    right.add(byImage);
    right.add(models);
    right.add(themeSwitch(settings));
    add(collectionBox, BorderLayout.WEST);
    add(searchBar, BorderLayout.CENTER);
    add(right, BorderLayout.EAST);
    // the collection searched, until the server's list comes (seconds on a first start): not empty
    setCollections(List.of());
  }

  /** The collection box (tests). */
  JComboBox<String> collectionBox() {
    return collectionBox;
  }

  /** The thumbnail size control: small to large cells, remembered in the settings. */
  private static JSlider thumbnailSize(ResultsPanel results, AppSettings settings) {
    JSlider slider = new JSlider(120, 320, settings.thumbnailSize());
    slider.setName("thumbnailSize");
    slider.setToolTipText("Thumbnail size");
    slider.setPreferredSize(new Dimension(110, slider.getPreferredSize().height));
    slider.addChangeListener(
        e -> {
          results.setCellSize(slider.getValue());
          settings.setThumbnailSize(slider.getValue());
        });
    results.setCellSize(slider.getValue());
    return slider;
  }

  private static JButton themeSwitch(AppSettings settings) {
    JButton theme = new JButton("dark".equals(settings.theme()) ? "Light theme" : "Dark theme");
    theme.addActionListener(
        e -> {
          String next = "dark".equals(settings.theme()) ? "light" : "dark";
          settings.setTheme(next);
          Theme.switchTo(next);
          theme.setText("dark".equals(next) ? "Light theme" : "Dark theme");
        });
    return theme;
  }

  /** Lists the collections, keeping the one searched selected (listed even if not among them). */
  void setCollections(List<CollectionInfo> collections) {
    adjustingCollections = true;
    try {
      String current = search.collection();
      collectionBox.removeAllItems();
      boolean found = false;
      for (CollectionInfo c : collections) {
        collectionBox.addItem(c.name());
        found |= c.name().equals(current);
      }
      if (!found) {
        collectionBox.addItem(current);
      }
      collectionBox.setSelectedItem(current);
    } finally {
      adjustingCollections = false;
    }
  }
}
