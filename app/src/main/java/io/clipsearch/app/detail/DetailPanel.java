package io.clipsearch.app.detail;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.keys.KeyBindings;
import io.clipsearch.app.paint.Painting;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * One result large: the photo (EXIF orientation applied) with its credit under it when the server
 * knows one (kiosk and desktop alike: CC-BY photos must name their author), its metadata and score;
 * previous/next with the arrow keys, Esc or Back returns to the grid. File actions (copy path, open
 * folder) only where allowed (not in kiosk mode). It loads nothing itself: it shows what its {@link
 * DetailViewModel} holds and forwards the keys and buttons to it. EDT only.
 */
public final class DetailPanel extends JPanel {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
          .withLocale(Locale.getDefault())
          .withZone(ZoneId.systemDefault());

  private final DetailViewModel model;
  private final BackgroundTasks tasks;
  private final Runnable back;
  private final Consumer<SearchResultHit> moreLike;
  private final Consumer<Integer> selected;
  private final boolean fileActions;

  private final ImageView image = new ImageView();
  private final JLabel credit = new JLabel();
  private final JLabel title = new JLabel();
  private final JPanel meta = new JPanel(new GridBagLayout());
  private final JButton previous = new JButton("\u2190 Previous");
  private final JButton next = new JButton("Next \u2192");
  private final JButton copyPath = new JButton("Copy path");
  private final JButton openFolder = new JButton("Open folder");
  private final float fontScale;
  private boolean kiosk;

  /**
   * @param model what is shown; the panel follows its changes
   * @param tasks runs "open folder" off the EDT
   * @param selected told the index shown (the grid follows)
   * @param fileActions whether copy-path and open-folder are offered
   */
  public DetailPanel(
      DetailViewModel model,
      BackgroundTasks tasks,
      Runnable back,
      Consumer<SearchResultHit> moreLike,
      Consumer<Integer> selected,
      boolean fileActions,
      float fontScale) {
    super(new BorderLayout());
    this.model = model;
    this.tasks = tasks;
    this.back = back;
    this.moreLike = moreLike;
    this.selected = selected;
    this.fileActions = fileActions;
    this.fontScale = fontScale;
    setName("detail");

    JButton backButton = new JButton("\u2190 Back to results");
    backButton.setName("back");
    backButton.addActionListener(e -> back.run());
    previous.addActionListener(e -> model.step(-1));
    next.addActionListener(e -> model.step(1));
    JButton like = new JButton("More like this");
    like.setName("moreLike");
    like.addActionListener(
        e -> {
          if (model.hit() != null) {
            moreLike.accept(model.hit());
          }
        });
    JButton fullScreen = new JButton("Full screen");
    fullScreen.setName("fullScreen");
    fullScreen.setToolTipText("The photo on the whole screen, with zoom (F)");
    fullScreen.addActionListener(e -> openFullScreen());
    copyPath.addActionListener(e -> copyPath());
    openFolder.addActionListener(e -> openFolder());
    title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    title.setName("detailTitle");

    JPanel bar = new JPanel(new BorderLayout(8, 0));
    bar.setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
    JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
    left.add(backButton);
    left.add(previous);
    left.add(next);
    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    right.add(fullScreen);
    right.add(like);
    if (fileActions) {
      right.add(copyPath);
      right.add(openFolder);
    }
    // the title has a row of its own: beside the buttons it was squeezed out (and the buttons
    // clipped) in a 900-pixel window
    bar.add(left, BorderLayout.WEST);
    bar.add(right, BorderLayout.EAST);
    title.setHorizontalAlignment(SwingConstants.CENTER);
    title.setBorder(BorderFactory.createEmptyBorder(6, 0, 0, 0));
    bar.add(title, BorderLayout.SOUTH);
    for (JComponent c :
        new JComponent[] {
          backButton, previous, next, fullScreen, like, copyPath, openFolder, title
        }) {
      c.setFont(c.getFont().deriveFont(c.getFont().getSize2D() * fontScale));
    }

    credit.setName("credit");
    credit.setHorizontalAlignment(SwingConstants.CENTER);
    credit.setForeground(UIManager.getColor("Label.disabledForeground"));
    credit.setFont(credit.getFont().deriveFont(credit.getFont().getSize2D() * fontScale * 0.85f));
    credit.setBorder(BorderFactory.createEmptyBorder(0, 12, 8, 12));
    credit.setVisible(false);
    JPanel photo = new JPanel(new BorderLayout());
    photo.add(image, BorderLayout.CENTER);
    photo.add(credit, BorderLayout.SOUTH);

    meta.setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
    JScrollPane metaScroll = new JScrollPane(meta);
    metaScroll.setBorder(
        BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Component.borderColor")));
    metaScroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    metaScroll.setPreferredSize(new Dimension((int) (250 * fontScale), 100));
    add(bar, BorderLayout.NORTH);
    add(photo, BorderLayout.CENTER);
    add(metaScroll, BorderLayout.EAST);

    key(KeyEvent.VK_LEFT, "previous", () -> model.step(-1));
    key(KeyEvent.VK_RIGHT, "next", () -> model.step(1));
    key(KeyEvent.VK_ESCAPE, "back", back);
    key(KeyEvent.VK_F, "fullScreen", this::openFullScreen);
    image.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            if (e.getClickCount() == 2) {
              openFullScreen();
            }
          }
        });
    model.addListener(this::update);
  }

  /** The long side photos are decoded to for this screen: its width, at least 1,600 pixels. */
  public static int photoSide() {
    return Math.max(1600, Toolkit.getDefaultToolkit().getScreenSize().width);
  }

  /** Opens the loaded photo full screen with zoom; nothing while it loads. */
  public FullScreenViewer openFullScreen() {
    if (model.image() == null) {
      return null;
    }
    FullScreenViewer viewer =
        new FullScreenViewer(
            SwingUtilities.windowForComponent(this), model.image(), fileName(model.hit().path()));
    viewer.setVisible(true);
    return viewer;
  }

  /**
   * Kiosk mode: visitors see the photo and when, where and with what it was taken; no scores, file
   * names or file facts (size, pixels, modified, EXIF orientation).
   */
  public void setKiosk(boolean k) {
    kiosk = k;
  }

  /** Shows result {@code i} of {@code results} (the view model loads it). */
  public void show(List<SearchResultHit> results, String coll, int i) {
    model.show(results, coll, i);
  }

  public DetailViewModel model() {
    return model;
  }

  /** The index shown, or -1. */
  public int index() {
    return model.index();
  }

  /** The details loaded for the current image, or null while loading. */
  public ImageDetails details() {
    return model.details();
  }

  /** Shows the model's state: title, buttons, photo, metadata; tells the grid the index. */
  private void update() {
    SearchResultHit hit = model.hit();
    if (hit == null) {
      return;
    }
    int i = model.index();
    selected.accept(i);
    previous.setEnabled(model.hasPrevious());
    next.setEnabled(model.hasNext());
    title.setText(
        kiosk
            ? "Photo " + (i + 1) + " of " + model.hits().size()
            : fileName(hit.path()) + "   (" + (i + 1) + " of " + model.hits().size() + ")");
    switch (model.status()) {
      case SHOWN -> image.show(model.image(), null);
      case FAILED -> image.show(null, "This photo cannot be shown.");
      default -> image.show(null, "Loading…");
    }
    String by = model.details() == null ? null : model.details().credit();
    credit.setText(by == null ? "" : by);
    credit.setToolTipText(by); // the whole line, where a narrow window cuts it
    credit.setVisible(by != null);
    fillMeta(hit, model.details(), model.problem());
  }

  /**
   * @param problem why the details cannot be loaded, else null (still loading when d is null)
   */
  private void fillMeta(SearchResultHit hit, ImageDetails d, String problem) {
    meta.removeAll();
    int row = 0;
    if (!kiosk) {
      row =
          line(
              row,
              "Match",
              String.format(
                  Locale.ROOT,
                  "%.3f%s",
                  hit.score(),
                  hit.confident() ? "  (confident)" : "  (weak)"));
      String matched = matchedWords(hit.matchedBy());
      if (matched != null) {
        row = line(row, "Your words matched", matched);
      }
      row = line(row, "File", fileActions ? hit.path() : fileName(hit.path()));
      for (String companion : d == null ? List.<String>of() : d.companions()) { // RAW of a JPEG
        row = line(row, "Also", fileActions ? companion : fileName(companion));
      }
      row = line(row, "Size", SizeText.of(hit.size()));
      row = line(row, "Pixels", hit.width() + " × " + hit.height());
    }
    if (d != null) {
      if (d.taken() != null) {
        row = line(row, "Taken", DATE.format(d.taken()));
      }
      if (!kiosk) {
        row = line(row, "Modified", DATE.format(d.modified()));
      }
      String camera = CameraName.of(d.cameraMake(), d.cameraModel());
      if (!camera.isEmpty()) {
        row = line(row, "Camera", camera);
      }
      if (d.lens() != null) {
        row = line(row, "Lens", d.lens());
      }
      String exposure = ExposureText.of(d.exposure());
      if (exposure != null) {
        row = line(row, "Exposure", exposure);
      }
      if (d.latitude() != null && d.longitude() != null) {
        row =
            line(
                row,
                "Location",
                String.format(Locale.ROOT, "%.5f, %.5f", d.latitude(), d.longitude()));
      }
      if (d.orientation() > 1 && !kiosk) {
        row = line(row, "Orientation", "EXIF " + d.orientation() + " (shown upright)");
      }
    } else {
      row = line(row, "", problem != null ? problem : "Loading details…");
    }
    GridBagConstraints filler = new GridBagConstraints();
    filler.gridy = row * 2;
    filler.weighty = 1;
    meta.add(new JLabel(), filler);
    meta.revalidate();
    meta.repaint();
  }

  private int line(int row, String key, String value) {
    JLabel k = new JLabel(key);
    k.setFont(k.getFont().deriveFont(k.getFont().getSize2D() * fontScale * 0.9f));
    k.setForeground(UIManager.getColor("Label.disabledForeground"));
    JLabel v = new JLabel();
    v.setFont(v.getFont().deriveFont(v.getFont().getSize2D() * fontScale));
    v.setText(
        "<html>"
            + String.join(
                "<br>",
                wrap(value, v.getFontMetrics(v.getFont()), (int) (180 * fontScale)).stream()
                    .map(DetailPanel::escape)
                    .toList())
            + "</html>");
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = row * 2;
    c.anchor = GridBagConstraints.NORTHWEST;
    c.insets = new Insets(row == 0 ? 0 : 8, 0, 0, 0);
    meta.add(k, c);
    c.gridy = row * 2 + 1;
    c.insets = new Insets(0, 0, 0, 0);
    meta.add(v, c);
    return row + 1;
  }

  private void copyPath() {
    if (model.hit() != null) {
      Toolkit.getDefaultToolkit()
          .getSystemClipboard()
          .setContents(new StringSelection(model.hit().path()), null);
    }
  }

  private void openFolder() {
    if (model.hit() == null) {
      return;
    }
    File folder = Path.of(model.hit().path()).getParent().toFile();
    tasks.submit(
        () -> {
          if (!Desktop.isDesktopSupported()
              || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException(
                "this desktop cannot open folders; the path is " + folder);
          }
          Desktop.getDesktop().open(folder);
          return folder;
        },
        f -> {},
        error ->
            JOptionPane.showMessageDialog(
                SwingUtilities.windowForComponent(this),
                DetailViewModel.message(error),
                "Open folder",
                JOptionPane.WARNING_MESSAGE));
  }

  private void key(int code, String name, Runnable r) {
    KeyBindings.bind(
        this, WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, KeyStroke.getKeyStroke(code, 0), name, r);
  }

  private static String matchedWords(String matchedBy) {
    if (matchedBy == null) {
      return null;
    }
    return switch (matchedBy) {
      case "name" -> "the file name";
      case "folder" -> "the folder name";
      case "keyword" -> "your keywords, title or caption";
      case "camera" -> "the camera or lens";
      case "tag" -> "an automatic tag";
      default -> null;
    };
  }

  /** The title line above the photo (tests). */
  String title() {
    return title.getText();
  }

  /** The credit shown under the photo, or null when none is (tests). */
  public String credit() {
    return credit.isVisible() ? credit.getText() : null;
  }

  /** The labels of the details column, names and values (tests). */
  List<JLabel> metaLabels() {
    return Arrays.stream(meta.getComponents())
        .filter(JLabel.class::isInstance)
        .map(JLabel.class::cast)
        .toList();
  }

  /** What the panel says instead of details (tests): a problem, or "Loading details…". */
  String metaText() {
    StringBuilder b = new StringBuilder();
    for (Component c : meta.getComponents()) {
      if (c instanceof JLabel l) {
        b.append(l.getText()).append('\n');
      }
    }
    return b.toString();
  }

  private static String fileName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }

  /**
   * {@code text} in lines at most {@code width} pixels wide, broken after spaces and path or name
   * separators, and anywhere in a run wider than a line. Swing's HTML wraps only at spaces, so a
   * long path or file name was cut at the column's edge.
   */
  static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String piece : text.split("(?<=[\\s/\\\\_.-])")) {
      if (!line.isEmpty() && fm.stringWidth(line + piece) > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      for (char c : piece.toCharArray()) {
        if (!line.isEmpty() && fm.stringWidth(line.toString() + c) > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(c);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Paints the photo fitted to its area, centred. */
  static final class ImageView extends JComponent {
    private BufferedImage image;
    private String message;

    void show(BufferedImage img, String msg) {
      this.image = img;
      this.message = msg;
      repaint();
    }

    BufferedImage image() {
      return image;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = Painting.smooth(graphics);
      try {
        int pad = 12;
        int w = getWidth() - 2 * pad;
        int h = getHeight() - 2 * pad;
        if (image != null) {
          double s = Math.min(1.0 * w / image.getWidth(), 1.0 * h / image.getHeight());
          s = Math.min(s, 4.0);
          int iw = (int) (image.getWidth() * s);
          int ih = (int) (image.getHeight() * s);
          g.drawImage(image, pad + (w - iw) / 2, pad + (h - ih) / 2, iw, ih, null);
        } else if (message != null) {
          g.setColor(UIManager.getColor("Label.disabledForeground"));
          g.setFont(getFont() != null ? getFont() : UIManager.getFont("Label.font"));
          int sw = g.getFontMetrics().stringWidth(message);
          g.drawString(message, Math.max(pad, (getWidth() - sw) / 2), getHeight() / 2);
        }
      } finally {
        g.dispose();
      }
    }
  }

  /** The photo area's width in pixels (tests: small windows). */
  int imageWidth() {
    return image.getWidth();
  }

  /** Whether the photo is shown (tests). */
  boolean hasImage() {
    return image.image() != null;
  }
}
