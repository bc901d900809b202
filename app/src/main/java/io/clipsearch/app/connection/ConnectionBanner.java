package io.clipsearch.app.connection;

import java.awt.Color;
import java.net.URI;
import javax.swing.BorderFactory;
import javax.swing.JLabel;

/**
 * The red line under the top bar while the server cannot be reached: says so, and when the next try
 * comes; hidden while connected. Follows a {@link ConnectionMonitor}. EDT only.
 */
public final class ConnectionBanner extends JLabel {

  public ConnectionBanner(ConnectionMonitor monitor, URI server) {
    setName("banner");
    setOpaque(true);
    setBackground(new Color(0xb71c1c));
    setForeground(Color.WHITE);
    setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
    setVisible(false);
    monitor.addListener(
        s -> {
          setVisible(!s.connected());
          setText(
              s.connected()
                  ? ""
                  : "Connection to "
                      + server
                      + " lost — retrying in "
                      + s.retryIn().toSeconds()
                      + " s. Results stay as they were.");
        });
  }
}
