package io.clipsearch.app.people;

import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.viewmodel.CollectionScopedViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The People tab's state, without Swing components: the persons of the current collection (loaded
 * when the tab is shown and the data went stale; hidden ones only when asked for), how many faces
 * wait in no person, and a message in plain words. A change (name, merge, a face split off, hide or
 * show, delete) is sent to the server on a worker; the persons load again when it answers, so what
 * is shown is always the server's.
 *
 * <p>Confined to the UI thread; {@link BackgroundTasks} delivers results there. Listeners run after
 * every change.
 */
public final class PeopleViewModel extends CollectionScopedViewModel {

  /** Where loading stands. */
  public enum PeopleLoad {
    IDLE,
    LOADING,
    DONE,
    FAILED
  }

  private final PeopleClient server;
  private final BackgroundTasks tasks;

  private PeopleLoad status = PeopleLoad.IDLE;
  private List<PersonInfo> people = List.of();
  private int unassigned;
  private boolean showHidden;
  private String error;
  private BackgroundTasks.Task loading;

  public PeopleViewModel(PeopleClient server, BackgroundTasks tasks) {
    this.server = Objects.requireNonNull(server, "server");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
  }

  @Override
  protected void collectionChanged() {
    cancel();
    people = List.of();
    unassigned = 0;
    status = PeopleLoad.IDLE;
  }

  @Override
  protected void load() {
    cancel();
    String c = collection();
    status = PeopleLoad.LOADING;
    error = null;
    changed();
    boolean hidden = showHidden;
    loading = tasks.submit(() -> server.people(c, hidden), this::loaded, this::failed);
  }

  private void loaded(PeopleList list) {
    loading = null;
    people = list.people();
    unassigned = list.unassignedFaces();
    status = PeopleLoad.DONE;
    changed();
  }

  /** Names a person (blank: unnamed again), then loads the persons again. */
  public void name(int id, String name) {
    send(id, new PersonChange(name == null ? "" : name, null, null, null));
  }

  /** Moves every face of person {@code from} into person {@code into}, then loads again. */
  public void merge(int into, int from) {
    send(into, new PersonChange(null, null, from, null));
  }

  /**
   * Takes a wrong face off person {@code id} (its {@code <image id>-<n>}): it never joins that
   * person again. A person left without faces is gone.
   */
  public void split(int id, String faceId) {
    send(id, new PersonChange(null, null, null, faceId));
  }

  /** Hides a person from the list (its faces still join it), or shows it again. */
  public void hide(int id, boolean hidden) {
    send(id, new PersonChange(null, hidden, null, null));
  }

  /**
   * Deletes a person and the descriptors and crops of its faces on the server (the photos stay),
   * then loads again. Ask first: it cannot be undone.
   */
  public void delete(int id) {
    String c = collection();
    tasks.submit(
        () -> {
          server.delete(c, id);
          return id;
        },
        done -> refresh(),
        this::changeFailed);
  }

  /** Whether hidden persons are listed too. */
  public boolean showsHidden() {
    return showHidden;
  }

  /** Lists hidden persons too, or not, loading again. */
  public void setShowHidden(boolean show) {
    if (show != showHidden) {
      showHidden = show;
      refresh();
    }
  }

  private void send(int id, PersonChange change) {
    String c = collection();
    tasks.submit(() -> server.change(c, id, change), done -> refresh(), this::changeFailed);
  }

  /**
   * A change the server refused or could not make. A 404 there says the person is gone (its last
   * face split off answers so, and another window may have deleted it): the list is stale, not the
   * collection empty.
   */
  private void changeFailed(Throwable e) {
    if (e instanceof ApiException api && api.status() == 404) {
      refresh();
    } else {
      failed(e);
    }
  }

  private void failed(Throwable e) {
    loading = null;
    status = PeopleLoad.FAILED;
    error = loadFailure(e, "people");
    setStale(true);
    changed();
  }

  public PeopleLoad status() {
    return status;
  }

  /** The persons, most faces first. */
  public List<PersonInfo> people() {
    return people;
  }

  /** What the tab says above the persons, in plain words. */
  public String message() {
    return switch (status) {
      case IDLE -> " ";
      case LOADING -> "Loading people…";
      case FAILED -> error;
      case DONE -> {
        if (people.isEmpty()) {
          yield "No person found in “"
              + collection()
              + "” yet: faces seen in two photos or more become a person.";
        }
        yield String.format(
            Locale.ROOT,
            "%d %s · %d %s in no person yet · type a name and press Enter; merge a person into"
                + " another; right-click a wrong face · faces stay on this computer",
            people.size(),
            people.size() == 1 ? "person" : "people",
            unassigned,
            unassigned == 1 ? "face" : "faces");
      }
    };
  }

  private void cancel() {
    if (loading != null) {
      loading.cancel();
      loading = null;
    }
  }
}
