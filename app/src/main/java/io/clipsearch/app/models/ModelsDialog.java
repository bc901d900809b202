package io.clipsearch.app.models;

import io.clipsearch.api.types.ModelEntry;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.table.AbstractTableModel;

/**
 * The Models view: a table of the server's models with their facts (state, download size, license,
 * languages, what each is good at), and for the selected one Pull with a progress bar and Cancel,
 * the verification's result or the offline advice, and "Use for this library" with the re-indexing
 * progress and its own Cancel. Lays out and forwards to a {@link ModelsViewModel}; loads nothing
 * itself. Not modal: search goes on beside it. EDT only.
 */
public final class ModelsDialog extends JDialog {

  private static final String[] COLUMNS = {
    "Model", "State", "Download", "License", "Languages", "Good at"
  };

  private final ModelsViewModel model;
  private final Rows rows = new Rows();
  private final JTable table = new JTable(rows);
  private final JProgressBar pullProgress = new JProgressBar(0, 1000);
  private final JTextArea pullMessage = message("pullMessage");
  private final JButton pull = new JButton("Pull");
  private final JButton cancelPull = new JButton("Cancel");
  private final JProgressBar reindexProgress = new JProgressBar(0, 1000);
  private final JTextArea activationMessage = message("activationMessage");
  private final JButton activate = new JButton("Use for this library");
  private final JButton cancelActivation = new JButton("Cancel");
  private final JTextArea modelsDir = message("modelsDir");
  private boolean adjusting;

  public ModelsDialog(Window owner, ModelsViewModel model) {
    super(owner, "Models", ModalityType.MODELESS);
    this.model = model;
    setName("modelsDialog");
    table.setName("modelsTable");
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setRowHeight(26);
    int[] widths = {200, 130, 80, 190, 210, 470};
    for (int i = 0; i < widths.length; i++) {
      table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
    }
    table
        .getSelectionModel()
        .addListSelectionListener(
            e -> {
              if (!adjusting && !e.getValueIsAdjusting()) {
                int row = table.getSelectedRow();
                model.select(row < 0 ? null : rows.entries.get(row).name());
              }
            });
    pull.setName("pull");
    cancelPull.setName("cancelPull");
    activate.setName("activate");
    cancelActivation.setName("cancelActivation");
    pullProgress.setName("pullProgress");
    reindexProgress.setName("reindexProgress");
    pull.addActionListener(e -> model.pull());
    cancelPull.addActionListener(e -> model.cancelPull());
    activate.addActionListener(e -> model.activate());
    cancelActivation.addActionListener(e -> model.cancelActivation());

    JPanel content = new JPanel(new BorderLayout(0, 10));
    content.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
    JScrollPane scroll = new JScrollPane(table);
    scroll.setPreferredSize(new Dimension(1280, 300));
    content.add(scroll, BorderLayout.CENTER);
    JPanel below = new JPanel();
    below.setLayout(new BoxLayout(below, BoxLayout.Y_AXIS));
    below.add(row(pullProgress, pull, cancelPull));
    below.add(pullMessage);
    below.add(row(reindexProgress, activate, cancelActivation));
    below.add(activationMessage);
    below.add(modelsDir);
    content.add(below, BorderLayout.SOUTH);
    setContentPane(content);
    pack();
    setLocationRelativeTo(owner);
    model.addListener(this::update);
    update();
  }

  /** Shows the dialog and loads the list. */
  public void open() {
    model.refresh();
    setVisible(true);
    toFront();
  }

  /** The models table (tests). */
  public JTable table() {
    return table;
  }

  private void update() {
    adjusting = true;
    try {
      String selected = model.selected().map(ModelEntry::name).orElse(null);
      rows.set(model.list().map(l -> l.models()).orElse(List.of()));
      for (int i = 0; i < rows.entries.size(); i++) {
        if (rows.entries.get(i).name().equals(selected)) {
          table.setRowSelectionInterval(i, i);
        }
      }
    } finally {
      adjusting = false;
    }
    model
        .list()
        .ifPresent(
            l ->
                modelsDir.setText(
                    "Models folder: "
                        + l.modelsDir()
                        + " (a model folder placed there by hand is listed too)"
                        + (l.notice() == null ? "" : ". " + l.notice())));
    var p = model.pullStatus();
    pullProgress.setValue(
        p == null || p.bytesTotal() == 0
            ? 0
            : (int) Math.min(1000, 1000 * p.bytesDone() / p.bytesTotal()));
    pullProgress.setIndeterminate(p != null && p.state().equals("VERIFYING"));
    String error = model.error();
    pullMessage.setText(error != null ? error : model.pullLine());
    pull.setEnabled(model.canPull());
    pull.setText(
        model.selected().filter(m -> m.state().equals("PARTIAL")).isPresent() ? "Resume" : "Pull");
    cancelPull.setEnabled(model.pullRunning());
    reindexProgress.setValue((int) (1000 * model.activationFraction()));
    activationMessage.setText(model.activationLine());
    activate.setEnabled(model.canActivate());
    cancelActivation.setEnabled(model.activationRunning());
  }

  private static JPanel row(JProgressBar bar, JButton... buttons) {
    JPanel row = new JPanel(new BorderLayout(8, 0));
    bar.setStringPainted(false);
    row.add(bar, BorderLayout.CENTER);
    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
    for (JButton b : buttons) {
      right.add(b);
    }
    row.add(right, BorderLayout.EAST);
    row.setBorder(BorderFactory.createEmptyBorder(6, 0, 2, 0));
    return row;
  }

  private static JTextArea message(String name) {
    JTextArea area = new JTextArea(2, 60);
    area.setName(name);
    area.setEditable(false);
    area.setLineWrap(true);
    area.setWrapStyleWord(true);
    area.setOpaque(false);
    area.setFont(UIManager.getFont("Label.font"));
    area.setBorder(BorderFactory.createEmptyBorder(2, 2, 2, 2));
    return area;
  }

  /** The table's rows: the list as the server sent it. */
  private static final class Rows extends AbstractTableModel {
    private List<ModelEntry> entries = List.of();

    void set(List<ModelEntry> models) {
      entries = List.copyOf(models);
      fireTableDataChanged();
    }

    @Override
    public int getRowCount() {
      return entries.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
      return COLUMNS[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
      ModelEntry m = entries.get(row);
      return switch (column) {
        case 0 -> m.name();
        case 1 -> state(m);
        case 2 ->
            m.approxBytes() == null
                ? ""
                : String.format(Locale.ROOT, "%,d MB", m.approxBytes() / 1_000_000);
        case 3 -> m.license() == null ? "" : m.license();
        case 4 -> m.languages() == null ? "" : m.languages();
        default -> m.goodAt() == null ? "" : m.goodAt();
      };
    }

    private static String state(ModelEntry m) {
      if (m.pulling()) {
        return "downloading";
      }
      return switch (m.state()) {
        case "ABSENT" -> "not downloaded";
        case "PARTIAL" -> String.format(Locale.ROOT, "partly (%.0f MB)", m.bytesOnDisk() / 1e6);
        case "PRESENT" -> "downloaded";
        case "VERIFIED" -> "verified";
        case "ACTIVE" -> "in use";
        default -> m.state().toLowerCase(Locale.ROOT);
      };
    }
  }
}
