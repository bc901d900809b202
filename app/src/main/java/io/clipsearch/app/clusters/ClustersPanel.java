package io.clipsearch.app.clusters;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.GridBagLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

/**
 * Placeholder for cluster browsing and the map, which need the server's clusters feature (not
 * there yet). Says so plainly; shows no made-up data.
 */
public final class ClustersPanel extends JPanel {

  public ClustersPanel() {
    super(new GridBagLayout());
    setName("clusters");
    JLabel label = new JLabel("<html><div style='text-align:center'>"
        + "Cluster browsing arrives with the clusters feature.<br>"
        + "The map of photo locations comes with it.</div></html>", SwingConstants.CENTER);
    label.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    label.setEnabled(false);
    add(label);
  }
}
