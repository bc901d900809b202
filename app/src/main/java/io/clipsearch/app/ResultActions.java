package io.clipsearch.app;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.results.ResultsPanel;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What the main window's results grid can do with its photos: open one large, "more like this",
 * copy paths to the clipboard, open the folder (only where the server's files are this machine's)
 * and export a selection. The window supplies the parts that change its views. EDT only.
 */
final class ResultActions implements ResultsPanel.Actions {

  private final IntConsumer open;
  private final Consumer<SearchResultHit> moreLike;
  private final Consumer<SearchResultHit> openFolder;
  private final Consumer<List<SearchResultHit>> export;

  /**
   * @param openFolder null where the files are not on this machine (remote server)
   */
  ResultActions(
      IntConsumer open,
      Consumer<SearchResultHit> moreLike,
      Consumer<SearchResultHit> openFolder,
      Consumer<List<SearchResultHit>> export) {
    this.open = open;
    this.moreLike = moreLike;
    this.openFolder = openFolder;
    this.export = export;
  }

  @Override
  public void open(int index) {
    open.accept(index);
  }

  @Override
  public void moreLike(SearchResultHit hit) {
    moreLike.accept(hit);
  }

  @Override
  public Consumer<SearchResultHit> copyPath() {
    return hit -> toClipboard(hit.path());
  }

  @Override
  public Consumer<SearchResultHit> openFolder() {
    return openFolder;
  }

  @Override
  public Consumer<List<SearchResultHit>> copyPaths() {
    return hits ->
        toClipboard(String.join("\n", hits.stream().map(SearchResultHit::path).toList()));
  }

  @Override
  public Consumer<List<SearchResultHit>> export() {
    return export;
  }

  private static void toClipboard(String text) {
    Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
  }
}
