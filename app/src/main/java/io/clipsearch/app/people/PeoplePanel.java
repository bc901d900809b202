package io.clipsearch.app.people;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.FaceInfo;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Image;
import java.io.ByteArrayInputStream;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;

/**
 * The "People" tab: a line that says what is shown, then a row per person with its face crops, a
 * name field (Enter names it) and "Merge into" another person. Lays out and forwards; the state is
 * the {@link PeopleViewModel}'s, crops load on workers. EDT only.
 */
public final class PeoplePanel extends JPanel {

  /** Crop side on screen, pixels. */
  static final int FACE = 64;

  private final PeopleViewModel model;
  private final Function<String, byte[]> bytes;
  private final BackgroundTasks tasks;
  private final JLabel message = new JLabel(" ");
  private final JPanel rows = new JPanel();

  /**
   * @param bytes fetches a server-relative URL (a face's crop); called on workers
   */
  public PeoplePanel(PeopleViewModel model, Function<String, byte[]> bytes, BackgroundTasks tasks) {
    super(new BorderLayout());
    this.model = model;
    this.bytes = bytes;
    this.tasks = tasks;
    setName("people");
    message.setName("peopleMessage");
    message.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    message.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
    JPanel top = new JPanel(new BorderLayout());
    top.add(rows, BorderLayout.NORTH);
    add(message, BorderLayout.NORTH);
    add(new JScrollPane(top), BorderLayout.CENTER);
    model.addListener(this::update);
    update();
  }

  public PeopleViewModel model() {
    return model;
  }

  /** The line above the persons (tests). */
  public String message() {
    return message.getText();
  }

  private void update() {
    message.setText(model.message());
    rows.removeAll();
    for (PersonInfo p : model.people()) {
      rows.add(row(p));
    }
    rows.add(Box.createVerticalGlue());
    rows.revalidate();
    rows.repaint();
  }

  private JPanel row(PersonInfo p) {
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
    row.setName("person-" + p.id());
    JTextField name = new JTextField(p.name() == null ? "" : p.name(), 14);
    name.setName("personName-" + p.id());
    name.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Who is this?");
    name.addActionListener(e -> model.name(p.id(), name.getText()));
    row.add(name);
    for (FaceInfo f : p.faces()) {
      row.add(face(f));
    }
    if (p.faceCount() > p.faces().size()) {
      row.add(new JLabel("+" + (p.faceCount() - p.faces().size())));
    }
    JComboBox<Target> into = new JComboBox<>();
    into.setName("mergeInto-" + p.id());
    for (PersonInfo other : model.people()) {
      if (other.id() != p.id()) {
        into.addItem(new Target(other));
      }
    }
    JButton merge = new JButton("Merge into");
    merge.setName("merge-" + p.id());
    merge.setEnabled(into.getItemCount() > 0);
    merge.setToolTipText("This person's faces join the chosen person");
    merge.addActionListener(
        e -> {
          if (into.getSelectedItem() instanceof Target t) {
            model.merge(t.person().id(), p.id());
          }
        });
    row.add(merge);
    row.add(into);
    return row;
  }

  private JLabel face(FaceInfo f) {
    JLabel label = new JLabel();
    label.setName("face-" + f.id());
    label.setPreferredSize(new Dimension(FACE, FACE));
    tasks.submit(
        () -> {
          Image image = ImageIO.read(new ByteArrayInputStream(bytes.apply(f.cropUrl())));
          return image == null ? null : image.getScaledInstance(FACE, FACE, Image.SCALE_SMOOTH);
        },
        image -> {
          if (image != null) {
            label.setIcon(new ImageIcon(image));
          }
        },
        e -> label.setToolTipText("No crop: " + e.getMessage()));
    return label;
  }

  /** A person in the "Merge into" list, shown by name or number. */
  private record Target(PersonInfo person) {
    @Override
    public String toString() {
      return person.name() != null ? person.name() : "Person " + person.id();
    }
  }
}
