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
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The "People" tab: a line that says what is shown and "Show hidden", then a row per person with
 * its face crops, a name field (Enter names it), "Merge into" another person, "Hide" (or "Show")
 * and "Delete…". A face's menu (right-click) has "Not <name>", which splits that face off the
 * person. Deleting asks first, saying that the faces' descriptors are deleted. Lays out and
 * forwards; the state is the {@link PeopleViewModel}'s, crops load on workers. EDT only.
 */
public final class PeoplePanel extends JPanel {

  /** Crop side on screen, pixels. */
  static final int FACE = 64;

  private final PeopleViewModel model;
  private final Function<String, byte[]> bytes;
  private final BackgroundTasks tasks;
  private final JLabel message = new JLabel(" ");
  private final JCheckBox showHidden = new JCheckBox("Show hidden");
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
    showHidden.setName("showHidden");
    showHidden.setToolTipText("Also list the persons you hid");
    showHidden.addActionListener(e -> model.setShowHidden(showHidden.isSelected()));
    rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
    JPanel top = new JPanel(new BorderLayout());
    top.add(rows, BorderLayout.NORTH);
    JPanel head = new JPanel(new BorderLayout());
    head.add(message, BorderLayout.CENTER);
    head.add(showHidden, BorderLayout.EAST);
    add(head, BorderLayout.NORTH);
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
    showHidden.setSelected(model.showsHidden());
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
    if (p.hidden()) { // listed only with "Show hidden": say why it is not in the usual list
      JLabel hidden = new JLabel("hidden");
      hidden.setName("hidden-" + p.id());
      hidden.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
      row.add(hidden);
    }
    for (FaceInfo f : p.faces()) {
      row.add(face(p, f));
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
    JButton hide = new JButton(p.hidden() ? "Show" : "Hide");
    hide.setName("hide-" + p.id());
    hide.setToolTipText(
        p.hidden()
            ? "List this person again"
            : "Leave this person out of the list; new photos of them still join them");
    hide.addActionListener(e -> model.hide(p.id(), !p.hidden()));
    row.add(hide);
    JButton delete = new JButton("Delete…");
    delete.setName("delete-" + p.id());
    delete.setToolTipText("Forget this person and their faces");
    delete.addActionListener(e -> confirmDelete(p));
    row.add(delete);
    return row;
  }

  /** Asks before deleting: the faces' descriptors go too, and that cannot be undone. */
  private void confirmDelete(PersonInfo p) {
    String[] options = {"Delete", "Cancel"};
    int answer =
        JOptionPane.showOptionDialog(
            SwingUtilities.windowForComponent(this),
            "Delete "
                + who(p)
                + "? The descriptors of "
                + (p.faceCount() == 1 ? "the face" : "the " + p.faceCount() + " faces")
                + " found of them are deleted, with their crops: these faces are no longer"
                + " recognized or looked for again. The photos stay.",
            "Delete person",
            JOptionPane.DEFAULT_OPTION,
            JOptionPane.WARNING_MESSAGE,
            null,
            options,
            options[1]);
    if (answer == 0) {
      model.delete(p.id());
    }
  }

  private JLabel face(PersonInfo p, FaceInfo f) {
    JLabel label = new JLabel();
    label.setName("face-" + f.id());
    label.setPreferredSize(new Dimension(FACE, FACE));
    JMenuItem not = new JMenuItem(p.name() != null ? "Not " + p.name() : "Not this person");
    not.setName("notPerson-" + f.id());
    not.addActionListener(e -> model.split(p.id(), f.id()));
    JPopupMenu menu = new JPopupMenu();
    menu.add(not);
    label.setComponentPopupMenu(menu);
    label.setToolTipText("Right-click if this is not " + who(p));
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

  /** A person in plain words: the name, else "this person". */
  private static String who(PersonInfo p) {
    return p.name() != null ? p.name() : "this person";
  }

  /** A person in the "Merge into" list, shown by name or number. */
  private record Target(PersonInfo person) {
    @Override
    public String toString() {
      return person.name() != null ? person.name() : "Person " + person.id();
    }
  }
}
