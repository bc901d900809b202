package io.clipsearch.app.places;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The "Places" tab: a line that says what the map shows, zoom buttons, and the {@link PlacesMap}.
 * Lays out and forwards; the state is the {@link PlacesViewModel}'s. EDT only.
 */
public final class PlacesPanel extends JPanel {

  private final PlacesViewModel model;
  private final PlacesMap map;
  private final JLabel message = new JLabel(" ");

  /**
   * @param open told the area of a clicked dot or cluster
   */
  public PlacesPanel(PlacesViewModel model, WorldOutline outline, Consumer<PlaceCluster> open) {
    super(new BorderLayout());
    this.model = model;
    this.map = new PlacesMap(model, outline, open);
    setName("places");
    message.setName("placesMessage");
    message.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    JButton in = new JButton("+");
    in.setName("zoomIn");
    in.setToolTipText("Zoom in");
    in.addActionListener(e -> map.zoomAt(2, map.getWidth() / 2.0, map.getHeight() / 2.0));
    JButton out = new JButton("\u2212");
    out.setName("zoomOut");
    out.setToolTipText("Zoom out");
    out.addActionListener(e -> map.zoomAt(0.5, map.getWidth() / 2.0, map.getHeight() / 2.0));
    JButton world = new JButton("Whole world");
    world.setName("wholeWorld");
    world.addActionListener(e -> model.setView(GeoView.WORLD));
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    buttons.add(in);
    buttons.add(out);
    buttons.add(world);
    JPanel top = new JPanel(new BorderLayout(8, 0));
    top.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    top.add(message, BorderLayout.CENTER);
    top.add(buttons, BorderLayout.EAST);
    add(top, BorderLayout.NORTH);
    add(map, BorderLayout.CENTER);
    model.addListener(this::update);
    update();
  }

  private void update() {
    message.setText(model.message());
    map.repaint();
  }

  public PlacesViewModel model() {
    return model;
  }

  /** The map (tests). */
  public PlacesMap map() {
    return map;
  }

  /** The line above the map (tests). */
  public String message() {
    return message.getText();
  }
}
