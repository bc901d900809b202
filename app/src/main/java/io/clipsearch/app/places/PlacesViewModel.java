package io.clipsearch.app.places;

import io.clipsearch.api.types.PlaceInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.viewmodel.CollectionScopedViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The places map's state, without Swing components: the positions of the current collection's
 * photos (loaded page by page in one background task, at most {@link #MAX_PLACES}), the part of the
 * world shown, and a message in plain words. Loads when the map is shown and the data went stale
 * (another collection, indexing finished).
 *
 * <p>Confined to the UI thread; {@link BackgroundTasks} delivers results there. Listeners run after
 * every change.
 */
public final class PlacesViewModel extends CollectionScopedViewModel {

  /** Positions asked per request: the server's largest page. */
  public static final int PAGE = 1000;

  /** The most positions loaded: beyond, the map says it shows part of them. */
  public static final int MAX_PLACES = 50_000;

  /** Where loading stands. */
  public enum PlacesLoad {
    IDLE,
    LOADING,
    DONE,
    FAILED
  }

  private final PlaceClient server;
  private final BackgroundTasks tasks;

  private PlacesLoad status = PlacesLoad.IDLE;
  private List<PlaceInfo> places = List.of();
  private int total;
  private String error;
  private GeoView view = GeoView.WORLD;
  private BackgroundTasks.Task loading;

  public PlacesViewModel(PlaceClient server, BackgroundTasks tasks) {
    this.server = Objects.requireNonNull(server, "server");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
  }

  @Override
  protected void collectionChanged() {
    cancel();
    places = List.of();
    total = 0;
    status = PlacesLoad.IDLE;
    view = GeoView.WORLD;
  }

  /** Loads every page of positions, replacing what is shown when done. */
  @Override
  protected void load() {
    cancel();
    String c = collection();
    status = PlacesLoad.LOADING;
    error = null;
    changed();
    loading =
        tasks.submit(
            () -> loadAll(c),
            loaded -> {
              loading = null;
              places = loaded.places();
              total = loaded.total();
              status = PlacesLoad.DONE;
              changed();
            },
            this::failed);
  }

  private PlaceList loadAll(String c) {
    List<PlaceInfo> all = new ArrayList<>();
    int total;
    do {
      PlaceList page = server.places(c, all.size(), Math.min(PAGE, MAX_PLACES - all.size()));
      List<PlaceInfo> got = page.places() == null ? List.of() : page.places();
      all.addAll(got);
      total = page.total();
      if (got.isEmpty()) {
        break; // the collection shrank while paging: what came is what there is
      }
    } while (all.size() < Math.min(total, MAX_PLACES));
    return new PlaceList(c, total, all);
  }

  private void failed(Throwable e) {
    loading = null;
    status = PlacesLoad.FAILED;
    places = List.of();
    error = loadFailure(e, "places");
    setStale(true);
    changed();
  }

  public PlacesLoad status() {
    return status;
  }

  /** The positions loaded (at most {@link #MAX_PLACES}). */
  public List<PlaceInfo> places() {
    return places;
  }

  /** Photos with a position in the collection (may exceed what is loaded). */
  public int total() {
    return total;
  }

  /** What the map says above itself, in plain words. */
  public String message() {
    return switch (status) {
      case IDLE -> " ";
      case LOADING -> "Loading places…";
      case FAILED -> error;
      case DONE -> {
        if (total == 0) {
          yield "No photo in “"
              + collection()
              + "” has a GPS position. Photos from phones and cameras with GPS show up here.";
        }
        String shown =
            places.size() < total
                ? String.format(
                    Locale.ROOT, "%,d of %,d photos with a position shown", places.size(), total)
                : String.format(
                    Locale.ROOT, "%,d %s with a position", total, total == 1 ? "photo" : "photos");
        yield shown + " · click a dot to see its photos · scroll to zoom, drag to move";
      }
    };
  }

  public GeoView view() {
    return view;
  }

  /** Shows another part of the world (zoom, pan, "whole world"). */
  public void setView(GeoView v) {
    if (!v.equals(view)) {
      view = Objects.requireNonNull(v, "view");
      changed();
    }
  }

  private void cancel() {
    if (loading != null) {
      loading.cancel();
      loading = null;
    }
  }
}
