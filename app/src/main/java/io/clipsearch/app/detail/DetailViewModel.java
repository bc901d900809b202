package io.clipsearch.app.detail;

import static io.clipsearch.app.viewmodel.CollectionScopedViewModel.DEFAULT_COLLECTION;

import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The detail view's state, without Swing components: which result of which list is shown, and its
 * details and decoded photo (EXIF orientation applied), loaded on a worker; previous/next; a newer
 * selection cancels the older load, so a slow photo never replaces a later one. Why a photo cannot
 * be shown is said in plain words.
 *
 * <p>Confined to the UI thread; {@link BackgroundTasks} delivers results there. Listeners run after
 * every change.
 */
public final class DetailViewModel {

  /** Where the shown photo stands. */
  public enum PhotoLoad {
    EMPTY,
    LOADING,
    SHOWN,
    FAILED
  }

  private final PhotoSource source;
  private final BackgroundTasks tasks;
  private final int maxSide;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private List<SearchResultHit> hits = List.of();
  private String collection = DEFAULT_COLLECTION;
  private int index = -1;
  private PhotoLoad status = PhotoLoad.EMPTY;
  private ImageDetails details;
  private BufferedImage image;
  private String problem;
  private BackgroundTasks.Task loading;

  /**
   * @param maxSide the long side photos are decoded to (the screen's width)
   */
  public DetailViewModel(PhotoSource source, BackgroundTasks tasks, int maxSide) {
    this.source = Objects.requireNonNull(source, "source");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.maxSide = maxSide;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Shows result {@code i} of {@code results} of {@code coll}. */
  public void show(List<SearchResultHit> results, String coll, int i) {
    hits = List.copyOf(results);
    collection = Objects.requireNonNull(coll, "collection");
    go(i);
  }

  /** The previous ({@code -1}) or next ({@code 1}) result; nothing past either end. */
  public void step(int delta) {
    int i = index + delta;
    if (index >= 0 && i >= 0 && i < hits.size()) {
      go(i);
    }
  }

  private void go(int i) {
    if (i < 0 || i >= hits.size()) {
      throw new IndexOutOfBoundsException("result " + i + " of " + hits.size());
    }
    cancel();
    index = i;
    status = PhotoLoad.LOADING;
    details = null;
    image = null;
    problem = null;
    changed();
    SearchResultHit hit = hits.get(i);
    String coll = collection;
    loading =
        tasks.submit(
            () -> {
              ImageDetails d = source.details(hit.id(), coll);
              ImageDecoding.Fetch fetch = ImageDecoding.fetchFor(hit.path(), hit.imageUrl());
              BufferedImage decoded = ImageDecoding.readScaled(source.bytes(fetch.url()), maxSide);
              return new Loaded(
                  d, fetch.upright() ? decoded : ExifOrientation.apply(decoded, d.orientation()));
            },
            loaded -> {
              loading = null;
              details = loaded.details();
              image = loaded.image();
              status = PhotoLoad.SHOWN;
              changed();
            },
            error -> {
              loading = null;
              problem = unavailable(error);
              status = PhotoLoad.FAILED;
              changed();
            });
  }

  private record Loaded(ImageDetails details, BufferedImage image) {}

  /**
   * Why a photo cannot be shown, in plain words: a photo the server no longer finds (its folder
   * renamed or moved since indexing) says so instead of loading forever.
   */
  static String unavailable(Throwable error) {
    if (error instanceof ApiException api && (api.status() == 404 || api.status() == 410)) {
      return "This photo is no longer where it was indexed: its folder may have been renamed or moved. "
          + "Index the collection again to bring it up to date.";
    }
    if (error instanceof ServerUnreachableException) {
      return "The search engine cannot be reached, so this photo cannot be loaded.";
    }
    return "This photo cannot be loaded: " + message(error);
  }

  static String message(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  private void cancel() {
    if (loading != null) {
      loading.cancel();
      loading = null;
    }
  }

  private void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
  }

  public PhotoLoad status() {
    return status;
  }

  /** The results being stepped through. */
  public List<SearchResultHit> hits() {
    return hits;
  }

  /** The index shown, or -1. */
  public int index() {
    return index;
  }

  /** The result shown, or null. */
  public SearchResultHit hit() {
    return index < 0 ? null : hits.get(index);
  }

  public boolean hasPrevious() {
    return index > 0;
  }

  public boolean hasNext() {
    return index >= 0 && index < hits.size() - 1;
  }

  /** The details of the photo shown, or null while loading or after a failure. */
  public ImageDetails details() {
    return details;
  }

  /** The decoded, upright photo, or null while loading or after a failure. */
  public BufferedImage image() {
    return image;
  }

  /** Why the photo cannot be shown ({@link PhotoLoad#FAILED}), else null. */
  public String problem() {
    return problem;
  }
}
