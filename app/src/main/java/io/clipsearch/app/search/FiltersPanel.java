package io.clipsearch.app.search;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.app.settings.AppSettings;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The filters column: date range, folder, camera, person, shape, minimum size, star rating, sort,
 * rejected photos, weak matches. Builds a {@link FilterChoices} from its fields and hands it to the
 * view-model on every committed change (Enter or leaving a field; at once for lists). Bad input
 * outlines the field in red and keeps the previous filters.
 */
public final class FiltersPanel extends JPanel {

  private static final String[] SHAPES = {"Any shape", "Landscape", "Portrait", "Square"};
  private static final String[] SIZES = {"Any size", "640 px", "1024 px", "2048 px", "3000 px"};
  private static final String[] SORTS = {"Relevance", "Newest first", "Oldest first"};
  private static final String[] RATINGS = {
    "Any rating",
    "\u2605 or more",
    "\u2605\u2605 or more",
    "\u2605\u2605\u2605 or more",
    "\u2605\u2605\u2605\u2605 or more",
    "\u2605\u2605\u2605\u2605\u2605"
  };
  private static final String[] SORT_KEYS = {"relevance", "date_desc", "date_asc"};

  private final SearchViewModel model;
  private final JTextField from = field("fromDate", "yyyy-mm-dd");
  private final JTextField to = field("toDate", "yyyy-mm-dd");
  private final JTextField folder = field("folder", "any folder");
  private final JTextField camera = field("camera", "e.g. Canon EOS R5");
  private final JTextField person = field("person", "a name from People");
  private final JLabel dateProblem = new JLabel(" ");
  private List<String> cameras = List.of();
  private final JComboBox<String> shape = new JComboBox<>(SHAPES);
  private final JComboBox<String> minSize = new JComboBox<>(SIZES);
  private final JComboBox<String> sort = new JComboBox<>(SORTS);
  private final JComboBox<String> rating = new JComboBox<>(RATINGS);
  private final JCheckBox rejected = new JCheckBox("Show rejected photos");
  private final JCheckBox weak = new JCheckBox("Include weak matches");

  /**
   * @param localFiles whether folders can be chosen with a file chooser (embedded mode)
   */
  public FiltersPanel(SearchViewModel model, boolean localFiles) {
    super(new GridBagLayout());
    this.model = model;
    setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
    shape.setName("shape");
    sort.setName("sort");
    minSize.setName("minSize");
    weak.setName("weakMatches");
    rating.setName("minRating");
    rating.setToolTipText("Star rating from Lightroom, darktable or digiKam (XMP)");
    rejected.setName("showRejected");
    rejected.setToolTipText("Photos rated as rejected in XMP are hidden unless this is on");
    weak.setToolTipText("Also show results below the query's confidence threshold (dimmed)");

    JLabel title = new JLabel("Filters");
    title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    int row = 0;
    add(title, c(row++, 8));
    add(caption("Date from"), c(row++, 2));
    add(from, c(row++, 6));
    add(caption("to (inclusive)"), c(row++, 2));
    add(to, c(row++, 2));
    dateProblem.setName("dateProblem");
    dateProblem.setForeground(new Color(0xc62828));
    dateProblem.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    add(dateProblem, c(row++, 4));
    add(caption("Folder"), c(row++, 2));
    if (localFiles) {
      JButton browse = new JButton("\u2026");
      browse.setToolTipText("Choose a folder");
      browse.addActionListener(e -> chooseFolder());
      folder.putClientProperty(FlatClientProperties.TEXT_FIELD_TRAILING_COMPONENT, browse);
    }
    add(folder, c(row++, 6));
    add(caption("Camera"), c(row++, 2));
    JButton pickCamera = new JButton("\u25BE");
    pickCamera.setName("pickCamera");
    pickCamera.setToolTipText("Pick one of the collection's cameras");
    pickCamera.addActionListener(e -> cameraMenu().show(camera, 0, camera.getHeight()));
    camera.putClientProperty(FlatClientProperties.TEXT_FIELD_TRAILING_COMPONENT, pickCamera);
    add(camera, c(row++, 6));
    add(caption("Person"), c(row++, 2));
    add(person, c(row++, 6));
    add(caption("Shape"), c(row++, 2));
    add(shape, c(row++, 6));
    add(caption("Shorter side at least"), c(row++, 2));
    add(minSize, c(row++, 6));
    add(caption("Rating"), c(row++, 2));
    add(rating, c(row++, 4));
    add(rejected, c(row++, 6));
    add(caption("Sort by"), c(row++, 2));
    add(sort, c(row++, 10));
    add(weak, c(row++, 6));
    JButton reset = new JButton("Reset filters");
    reset.setName("resetFilters");
    reset.addActionListener(e -> reset());
    add(reset, c(row++, 6));
    GridBagConstraints filler = c(row, 0);
    filler.weighty = 1;
    add(new JLabel(), filler);

    for (JTextField f : new JTextField[] {from, to, folder, camera, person}) {
      f.addActionListener(e -> apply());
      f.addFocusListener(
          new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
              apply();
            }
          });
    }
    shape.addActionListener(e -> apply());
    minSize.addActionListener(e -> apply());
    sort.addActionListener(e -> apply());
    rating.addActionListener(e -> apply());
    rejected.addActionListener(e -> apply());
    weak.addActionListener(e -> model.setShowAll(weak.isSelected()));
  }

  /** Sets the folder filter (the folder chooser) and applies it. */
  private void setFolder(String path) {
    folder.setText(path);
    apply();
  }

  private void setShowWeak(boolean show) {
    weak.setSelected(show);
    model.setShowAll(show);
  }

  private void reset() {
    for (JTextField f : new JTextField[] {from, to, folder, camera, person}) {
      f.setText("");
      f.putClientProperty(FlatClientProperties.OUTLINE, null);
    }
    shape.setSelectedIndex(0);
    minSize.setSelectedIndex(0);
    sort.setSelectedIndex(0);
    rating.setSelectedIndex(0);
    rejected.setSelected(false);
    setShowWeak(false);
    apply();
  }

  /**
   * The collection's cameras, for the camera list (loaded by the window when collections change).
   */
  public void setCameras(List<String> names) {
    cameras = List.copyOf(names);
  }

  /** The names the camera list offers. */
  public List<String> cameras() {
    return cameras;
  }

  /** The camera list: one click filters by that camera. */
  JPopupMenu cameraMenu() {
    JPopupMenu menu = new JPopupMenu();
    if (cameras.isEmpty()) {
      JMenuItem none = new JMenuItem("No camera names in this collection's photos");
      none.setEnabled(false);
      menu.add(none);
    }
    for (String name : cameras) {
      JMenuItem item = new JMenuItem(name);
      item.addActionListener(e -> setCamera(name));
      menu.add(item);
    }
    return menu;
  }

  /** Filters by {@code name} (the camera list). */
  private void setCamera(String name) {
    camera.setText(name);
    apply();
  }

  private void apply() {
    LocalDate start = date(from);
    LocalDate end = date(to);
    // an unreadable date is left out and said so; the other filters still apply
    boolean bad = start == Invalid.DATE || end == Invalid.DATE;
    dateProblem.setText(
        bad ? "<html>Not a date: use 2024-06-01. Searching without it.</html>" : " ");
    start = start == Invalid.DATE ? null : start;
    end = end == Invalid.DATE ? null : end;
    String s =
        switch (shape.getSelectedIndex()) {
          case 1 -> "landscape";
          case 2 -> "portrait";
          case 3 -> "square";
          default -> null;
        };
    Integer size =
        minSize.getSelectedIndex() == 0
            ? null
            : Integer.valueOf(((String) minSize.getSelectedItem()).replace(" px", ""));
    try {
      model.setFilters(
          new FilterChoices(
              start,
              end,
              folder.getText(),
              camera.getText(),
              s,
              size,
              SORT_KEYS[sort.getSelectedIndex()],
              rating.getSelectedIndex() == 0 ? null : rating.getSelectedIndex(),
              rejected.isSelected(),
              person.getText()));
      to.putClientProperty(FlatClientProperties.OUTLINE, null);
      to.setToolTipText(null);
    } catch (IllegalArgumentException e) {
      to.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
      to.setToolTipText(e.getMessage());
    }
  }

  /** Sentinel for an unparsable date (null means "not set"). */
  private static final class Invalid {
    static final LocalDate DATE = LocalDate.MIN;
  }

  private static LocalDate date(JTextField f) {
    String t = f.getText().strip();
    if (t.isEmpty()) {
      f.putClientProperty(FlatClientProperties.OUTLINE, null);
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(t);
      f.putClientProperty(FlatClientProperties.OUTLINE, null);
      f.setToolTipText(null);
      return d;
    } catch (DateTimeParseException e) {
      f.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
      f.setToolTipText("a date like 2024-06-01");
      return Invalid.DATE;
    }
  }

  private void chooseFolder() {
    JFileChooser chooser =
        new JFileChooser(
            folder.getText().isBlank()
                ? AppSettings.picturesDir(System.getenv()).toString()
                : folder.getText());
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (chooser.showOpenDialog(SwingUtilities.windowForComponent(this))
        == JFileChooser.APPROVE_OPTION) {
      setFolder(chooser.getSelectedFile().getAbsolutePath());
    }
  }

  private static JTextField field(String name, String placeholder) {
    JTextField f = new JTextField(12);
    f.setName(name);
    f.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, placeholder);
    return f;
  }

  private static JLabel caption(String text) {
    JLabel l = new JLabel(text);
    l.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    return l;
  }

  private static GridBagConstraints c(int row, int bottom) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = row;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.anchor = GridBagConstraints.NORTHWEST;
    c.insets = new Insets(0, 0, bottom, 0);
    return c;
  }
}
