package io.clipsearch.app.viewmodel;

import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ClientException;
import io.clipsearch.app.net.PlainErrors;
import io.clipsearch.app.net.ServerUnreachableException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a screen that shows one collection and loads it only when shown (the clusters and
 * their map, the places map): which collection, whether what is loaded went stale, the listeners,
 * and who hears that the server cannot be reached.
 *
 * <p>Guarantees: {@link #setCollection} to another collection drops what is shown (through {@link
 * #collectionChanged()}) and marks it stale; {@link #showing()} loads only when stale; listeners
 * run after every change, in the order added. Subclasses load in {@link #load()} and call {@link
 * #changed()} after each change of their own.
 *
 * <p>Confined to the UI thread.
 */
public abstract class CollectionScopedViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(CollectionScopedViewModel.class);

  /** The collection shown before one is chosen: the server's default collection. */
  public static final String DEFAULT_COLLECTION = "default";

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Consumer<ServerUnreachableException> connectionLost = e -> {};
  private String collection = DEFAULT_COLLECTION;
  private boolean stale = true;

  /** Runs {@code listener} after every change. */
  public final void addListener(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Called when a load fails because the server cannot be reached (the connection banner). */
  public final void onConnectionLost(Consumer<ServerUnreachableException> listener) {
    this.connectionLost = Objects.requireNonNull(listener, "listener");
  }

  /** The collection shown. */
  public final String collection() {
    return collection;
  }

  /**
   * The collection to show: what is shown is dropped, loaded again on the next {@link #showing()}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public final void setCollection(String name) {
    if (!Objects.equals(name, collection)) {
      collection = Objects.requireNonNull(name, "name");
      stale = true;
      collectionChanged();
      changed();
    }
  }

  /** The collection's index changed (indexing finished): load again when next shown. */
  public final void invalidate() {
    stale = true;
  }

  /** The screen became visible: loads if nothing is loaded or the data went stale. */
  public final void showing() {
    if (stale) {
      refresh();
    }
  }

  /** Loads now, whether or not what is shown went stale. */
  public final void refresh() {
    stale = false;
    load();
  }

  /** Starts loading the current collection (on a worker); called by {@link #refresh()}. */
  protected abstract void load();

  /**
   * Another collection was chosen: cancel the loads of the previous one and forget what it showed.
   * Listeners run after it.
   */
  protected abstract void collectionChanged();

  /**
   * Whether what is shown must be loaded again at the next {@link #showing()}: true after a failed
   * load, false after a load started by other means than {@link #refresh()}.
   */
  protected final void setStale(boolean stale) {
    this.stale = stale;
  }

  /** Tells the connection banner that the server cannot be reached. */
  protected final void connectionLost(ServerUnreachableException e) {
    connectionLost.accept(e);
  }

  /**
   * What a failed load says, in plain words: nothing indexed yet (404), the server unreachable (the
   * connection banner is told too), the server's own message, or, for anything else (logged), that
   * {@code what} cannot be loaded.
   */
  protected final String loadFailure(Throwable e, String what) {
    if (e instanceof ApiException api && api.status() == 404) {
      return "Nothing is indexed yet: add a photo folder in Collections.";
    }
    if (e instanceof ServerUnreachableException u) {
      connectionLost(u);
      return "The search engine cannot be reached.";
    }
    if (e instanceof ClientException c) {
      return PlainErrors.of(c);
    }
    LOG.warn("loading {} failed", what, e);
    return "The " + what + " cannot be loaded: " + e.getMessage();
  }

  /** Runs the listeners. */
  protected final void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
  }
}
