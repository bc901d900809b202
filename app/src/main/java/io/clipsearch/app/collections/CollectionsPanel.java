package io.clipsearch.app.collections;

import static io.clipsearch.app.viewmodel.CollectionScopedViewModel.DEFAULT_COLLECTION;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.api.types.SkippedFileInfo;
import io.clipsearch.app.settings.AppSettings;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

/**
 * Collections management: the table of collections, add a folder (creating the collection if
 * needed), index now, cancel, the skipped-files report, and the running job's progress bar
 * (files/s, ETA, errors). A view over {@link CollectionsViewModel}.
 */
public final class CollectionsPanel extends JPanel {

  private final CollectionsViewModel model;
  private final boolean localFiles;
  private final Table table = new Table();
  private final JTable view = new JTable(table);
  private final JProgressBar progress = new JProgressBar(0, 100);
  private final JLabel progressText = new JLabel("No indexing job is running.");
  private final JButton add = new JButton("Add folder…");
  private final JButton remove = new JButton("Remove folder…");
  private final JButton index = new JButton("Index now");
  private final JButton cancel = new JButton("Cancel");
  private final JButton report = new JButton("Skipped files…");
  private final JButton delete = new JButton("Delete index…");

  /**
   * @param localFiles whether folders are picked with a file chooser (embedded mode)
   */
  public CollectionsPanel(CollectionsViewModel model, boolean localFiles) {
    super(new BorderLayout(0, 10));
    this.model = model;
    this.localFiles = localFiles;
    setName("collections");
    setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
    add.setName("addFolder");
    remove.setName("removeFolder");
    index.setName("indexNow");
    cancel.setName("cancelJob");
    report.setName("report");
    progress.setName("progress");
    progressText.setName("progressText");

    JLabel title = new JLabel("Collections");
    title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
    JLabel hint =
        new JLabel(
            "Folders are indexed by the server; photos are never changed or moved. "
                + "Deleting an index keeps the photos.");
    hint.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
    JPanel head = new JPanel(new BorderLayout(0, 4));
    head.add(title, BorderLayout.NORTH);
    head.add(hint, BorderLayout.CENTER);

    view.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    view.setRowHeight(view.getRowHeight() + 8);
    view.setName("collectionsTable");
    int[] widths = {120, 520, 80, 90, 70, 200};
    for (int c = 0; c < widths.length; c++) {
      view.getColumnModel().getColumn(c).setPreferredWidth(widths[c]);
    }
    view.getSelectionModel().addListSelectionListener(e -> updateButtons());
    JScrollPane scroll = new JScrollPane(view);

    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
    for (JButton b : new JButton[] {add, remove, index, cancel, report, delete}) {
      buttons.add(b);
    }
    add.addActionListener(e -> addFolder());
    remove.addActionListener(e -> selected().ifPresent(this::removeFolder));
    index.addActionListener(e -> selected().ifPresent(c -> model.startIndexing(c.name())));
    cancel.addActionListener(e -> model.cancel());
    report.addActionListener(
        e -> {
          if (model.lastJobId() != null) {
            model.report(model.lastJobId(), this::showReport);
          }
        });
    delete.addActionListener(
        e ->
            selected()
                .ifPresent(
                    c -> {
                      int answer =
                          JOptionPane.showConfirmDialog(
                              SwingUtilities.windowForComponent(this),
                              "Delete the index of \""
                                  + c.name()
                                  + "\"? The photos stay where they are.",
                              "Delete index",
                              JOptionPane.OK_CANCEL_OPTION,
                              JOptionPane.WARNING_MESSAGE);
                      if (answer == JOptionPane.OK_OPTION) {
                        model.delete(c.name());
                      }
                    }));

    JPanel job = new JPanel(new BorderLayout(0, 6));
    job.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createTitledBorder("Indexing"),
            BorderFactory.createEmptyBorder(4, 8, 8, 8)));
    progress.setStringPainted(true);
    job.add(progress, BorderLayout.NORTH);
    job.add(progressText, BorderLayout.CENTER);

    JPanel center = new JPanel(new BorderLayout(0, 8));
    center.add(buttons, BorderLayout.NORTH);
    center.add(scroll, BorderLayout.CENTER);
    center.add(job, BorderLayout.SOUTH);
    add(head, BorderLayout.NORTH);
    add(center, BorderLayout.CENTER);

    model.addListener(this::update);
    model.onError(
        m ->
            JOptionPane.showMessageDialog(
                SwingUtilities.windowForComponent(this),
                m,
                "Collections",
                JOptionPane.WARNING_MESSAGE));
    update();
  }

  private void update() {
    String selectedName = selected().map(CollectionInfo::name).orElse(null);
    table.set(model.collections());
    int row = -1;
    for (int i = 0; i < model.collections().size(); i++) {
      if (model.collections().get(i).name().equals(selectedName)) {
        row = i;
      }
    }
    if (row < 0 && !model.collections().isEmpty()) {
      row = 0;
    }
    if (row >= 0) {
      view.setRowSelectionInterval(row, row);
    }
    var s = model.status();
    if (s == null) {
      boolean starting = model.starting() || model.jobId() != null;
      progress.setIndeterminate(starting);
      progress.setValue(0);
      progress.setString(starting ? "starting…" : "idle");
    } else {
      int p = IndexProgress.percent(s);
      progress.setIndeterminate(p < 0);
      progress.setValue(Math.max(0, p));
      progress.setString(p < 0 ? s.phase().toLowerCase(Locale.ROOT) : p + " %");
    }
    progressText.setText(model.message() == null ? "No indexing job is running." : model.message());
    updateButtons();
  }

  private void updateButtons() {
    boolean running = model.jobId() != null;
    index.setEnabled(!running && selected().isPresent());
    cancel.setEnabled(
        running || model.starting()); // a start can take half a minute: cancellable too
    delete.setEnabled(!running && selected().isPresent());
    remove.setEnabled(!running && selected().map(c -> !c.roots().isEmpty()).orElse(false));
    report.setEnabled(model.lastJobId() != null);
  }

  private Optional<CollectionInfo> selected() {
    int row = view.getSelectedRow();
    return row < 0 || row >= model.collections().size()
        ? Optional.empty()
        : Optional.of(model.collections().get(row));
  }

  /** Asks which of the collection's folders to stop indexing. */
  private void removeFolder(CollectionInfo c) {
    if (c.roots().isEmpty()) {
      return;
    }
    Object folder =
        JOptionPane.showInputDialog(
            SwingUtilities.windowForComponent(this),
            "Stop indexing this folder of \""
                + c.name()
                + "\"?\nIts photos leave the index; the files stay.",
            "Remove folder",
            JOptionPane.QUESTION_MESSAGE,
            null,
            c.roots().toArray(),
            c.roots().getFirst());
    if (folder != null) {
      model.removeFolder(c.name(), folder.toString());
    }
  }

  /**
   * Asks for a photo folder and indexes it into the selected collection (else the default
   * collection).
   */
  public void addFolder() {
    String folder;
    if (localFiles) {
      JFileChooser chooser = new JFileChooser(AppSettings.picturesDir(System.getenv()).toFile());
      chooser.setDialogTitle("Add a photo folder");
      chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
      if (chooser.showOpenDialog(SwingUtilities.windowForComponent(this))
          != JFileChooser.APPROVE_OPTION) {
        return;
      }
      folder = chooser.getSelectedFile().getAbsolutePath();
    } else {
      folder =
          JOptionPane.showInputDialog(
              SwingUtilities.windowForComponent(this),
              "Folder on the server (absolute path):",
              "Add folder",
              JOptionPane.QUESTION_MESSAGE);
      if (folder == null || folder.isBlank()) {
        return;
      }
    }
    String name = selected().map(CollectionInfo::name).orElse(DEFAULT_COLLECTION);
    model.addFolder(name, folder.strip());
  }

  private void showReport(JobReport r) {
    // a server that leaves an empty list out of its JSON sends null: nothing was skipped
    List<SkippedFileInfo> skipped = r.skipped() == null ? List.of() : r.skipped();
    String[][] rows =
        skipped.stream()
            .map(s -> new String[] {s.path(), s.reason(), s.message()})
            .toArray(String[][]::new);
    JTable t = new JTable(rows, new String[] {"File", "Reason", "Detail"});
    t.setName("reportTable");
    JScrollPane scroll = new JScrollPane(t);
    scroll.setPreferredSize(new Dimension(760, 300));
    JPanel p = new JPanel(new BorderLayout(0, 8));
    p.add(
        new JLabel(
            skipped.isEmpty() ? "No file was skipped." : skipped.size() + " files were skipped:"),
        BorderLayout.NORTH);
    if (!skipped.isEmpty()) {
      p.add(scroll, BorderLayout.CENTER);
    }
    JOptionPane.showMessageDialog(
        SwingUtilities.windowForComponent(this), p, "Skipped files", JOptionPane.PLAIN_MESSAGE);
  }

  /** The collections as table rows. */
  private static final class Table extends AbstractTableModel {
    private static final String[] COLUMNS = {
      "Name", "Folders", "Images", "Index size", "Format", "Model"
    };
    private List<CollectionInfo> rows = List.of();

    void set(List<CollectionInfo> r) {
      rows = r;
      fireTableDataChanged();
    }

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
      return COLUMNS[c];
    }

    @Override
    public Object getValueAt(int r, int c) {
      CollectionInfo i = rows.get(r);
      return switch (c) {
        case 0 -> i.name();
        case 1 -> String.join(", ", i.roots());
        case 2 -> String.format(Locale.ROOT, "%,d", i.documents());
        case 3 ->
            i.indexBytes() < 1_000_000
                ? String.format(Locale.ROOT, "%.0f KB", i.indexBytes() / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", i.indexBytes() / 1e6);
        case 4 -> i.vectorFormat();
        default -> i.modelId();
      };
    }
  }
}
