package io.clipsearch.app.clusters;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.results.ThumbnailLoader;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * The "Clusters & map" tab: the cluster browser on the left, the zoomable map on the right. Lays
 * out and forwards events; the state is in {@link ClustersViewModel}. An empty collection, no
 * clusters or a server error show as a plain message.
 */
public final class ClustersPanel extends JPanel {

  /** The long side of the representatives and the map's hover thumbnails, in pixels. */
  private static final int THUMBNAIL_PIXELS = 128;

  private final ClustersViewModel model;
  private final ClusterBrowser browser;
  private final ClusterMap map;
  private final JLabel summary = new JLabel(" ");
  private final JLabel message = new JLabel("", SwingConstants.CENTER);
  private final CardLayout leftCards = new CardLayout();
  private final JPanel left = new JPanel(leftCards);
  private final JButton recompute = new JButton("Recompute");
  private final Consumer<String> moreLike;

  /**
   * @param fetch the bytes behind a thumbnail URL (blocking, called on a worker): the
   *     representatives and the map's hover thumbnails
   * @param tasks runs the thumbnail downloads
   * @param cache holds the decoded thumbnails
   * @param moreLike opens a {@code like:<id>} search for an image id
   */
  public ClustersPanel(
      ClustersViewModel model,
      Function<String, byte[]> fetch,
      BackgroundTasks tasks,
      ThumbnailCache cache,
      Consumer<String> moreLike) {
    super(new BorderLayout());
    this.model = model;
    this.moreLike = moreLike;
    setName("clusters");
    ThumbnailLoader thumbnails =
        new ThumbnailLoader(fetch, tasks, cache, THUMBNAIL_PIXELS, this::repaintThumbnails);
    browser = new ClusterBrowser(model, thumbnails, moreLike);
    map = new ClusterMap(model, thumbnails, moreLike);

    JButton refresh = new JButton("Refresh");
    refresh.setToolTipText("Load the clusters and the map again");
    refresh.addActionListener(e -> model.refresh());
    recompute.setToolTipText("Re-cluster from scratch with an automatic number of clusters");
    recompute.addActionListener(e -> model.recompute());
    JButton whole = new JButton("Whole map");
    whole.addActionListener(e -> model.resetViewport());
    summary.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    JPanel header = new JPanel(new BorderLayout(8, 0));
    header.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    buttons.add(refresh);
    buttons.add(recompute);
    buttons.add(whole);
    header.add(summary, BorderLayout.CENTER);
    header.add(buttons, BorderLayout.EAST);

    JScrollPane scroll = new JScrollPane(browser);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    scroll.getVerticalScrollBar().setUnitIncrement(24);
    JPanel messagePanel = new JPanel(new GridBagLayout());
    message.setName("clustersMessage");
    message.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
    message.setForeground(UIManager.getColor("Label.disabledForeground"));
    messagePanel.add(message);
    left.add(scroll, "list");
    left.add(messagePanel, "message");

    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, map);
    split.setResizeWeight(0.0);
    split.setDividerLocation(460);
    split.setContinuousLayout(true);
    add(header, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);

    model.addListener(this::update);
    update();
  }

  /** A thumbnail arrived. */
  private void repaintThumbnails() {
    browser.repaint();
    map.repaint();
  }

  private void update() {
    browser.update();
    ClusterList list = model.clusterList();
    String text =
        switch (model.clustersStatus()) {
          case IDLE -> " ";
          case LOADING ->
              "Computing clusters for “"
                  + model.collection()
                  + "”… (seconds for large collections)";
          case FAILED -> "Clusters unavailable";
          case DONE ->
              list == null
                  ? " "
                  : String.format(
                      Locale.ROOT,
                      "“%s”: %,d photos in %d clusters%s%s",
                      list.collection(),
                      list.documents(),
                      list.k(),
                      list.automaticK() ? " (k chosen automatically)" : "",
                      list.silhouette() == null
                          ? ""
                          : String.format(
                              Locale.ROOT,
                              " · how distinct the groups are: %.0f %%",
                              100 * Math.max(0, list.silhouette())));
        };
    summary.setText(text);
    summary.setToolTipText(text.isBlank() ? null : text); // whole where a narrow window shortens it
    recompute.setEnabled(model.clustersStatus() != ClustersViewModel.ClusterLoad.LOADING);
    String why = model.clustersMessage();
    if (why == null
        && model.clustersStatus() == ClustersViewModel.ClusterLoad.LOADING
        && model.clusters().isEmpty()) {
      why = "Computing clusters…";
    }
    if (why != null) {
      message.setText(
          "<html><div style='text-align:center;width:300px'>"
              + ClusterBrowser.escape(why)
              + "</div></html>");
      leftCards.show(left, "message");
    } else {
      leftCards.show(left, "list");
    }
    map.repaint();
  }

  // accessors for UI tests

  public ClustersViewModel model() {
    return model;
  }

  /** Cluster cards on screen. */
  public int cardCount() {
    return browser.cardCount();
  }
}
