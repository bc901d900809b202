package io.clipsearch.app.models;

import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.ModelEntry;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Models view's state: the server's models, the one selected, its pull (progress, cancel,
 * resume, the verification's result, the offline advice) and the switch of the library to it
 * (re-indexing progress, cancel). A running pull or switch is followed by polling its status every
 * {@link #POLL}; when either ends the list is loaded again, and a switch that ends {@code ACTIVE}
 * tells {@link #onSwitched} listeners (the window searches again and reads the new model's notice).
 *
 * <p>Confined to the UI thread; calls run on {@link BackgroundTasks}; listeners run after each
 * change.
 */
public final class ModelsViewModel {

  /** How often a running pull or switch is asked for its status. */
  static final Duration POLL = Duration.ofMillis(300);

  private final ModelsClient client;
  private final BackgroundTasks tasks;
  private final Delay delay;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> switched = new CopyOnWriteArrayList<>();

  private ModelList list;
  private String selected;
  private PullStatus pull;
  private ActivationStatus activation;
  private String error;
  private boolean followingPull;
  private boolean followingActivation;

  public ModelsViewModel(ModelsClient client, BackgroundTasks tasks, Delay delay) {
    this.client = Objects.requireNonNull(client, "client");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Told when the library has switched to another model. */
  public void onSwitched(Runnable listener) {
    switched.add(listener);
  }

  /** Loads the list again. */
  public void refresh() {
    tasks.submit(
        client::models,
        l -> {
          list = l;
          error = null;
          changed();
        },
        this::failed);
  }

  /** Selects a model by name (null: none); its latest pull shows if it had one. */
  public void select(String name) {
    if (Objects.equals(name, selected)) {
      return;
    }
    selected = name;
    pull = null;
    error = null;
    changed();
    if (name != null && !followingPull) {
      tasks.submit(
          () -> client.pullStatus(name),
          p -> {
            if (name.equals(selected)) {
              pull = p;
              changed();
            }
          },
          e -> {}); // never pulled since the server started: nothing to show
    }
  }

  /** Pulls the selected model: a new pull, or the rest of a cancelled or broken one. */
  public void pull() {
    String name = selected;
    if (name == null) {
      return;
    }
    error = null;
    tasks.submit(
        () -> client.pull(name),
        p -> {
          pull = p;
          changed();
          followPull(name);
        },
        this::failed);
  }

  /** Stops the selected model's pull; the next {@link #pull()} resumes it. */
  public void cancelPull() {
    String name = selected;
    if (name != null && pullRunning()) {
      tasks.submit(() -> client.cancelPull(name), p -> {}, this::failed);
    }
  }

  /** Switches the library to the selected model, re-indexing in the background. */
  public void activate() {
    String name = selected;
    if (name == null) {
      return;
    }
    error = null;
    tasks.submit(
        () -> client.activate(name),
        a -> {
          activation = a;
          changed();
          followActivation();
        },
        this::failed);
  }

  /** Stops the switch; the old model stays. */
  public void cancelActivation() {
    if (activationRunning()) {
      tasks.submit(client::cancelActivation, a -> {}, this::failed);
    }
  }

  public Optional<ModelList> list() {
    return Optional.ofNullable(list);
  }

  /** The selected model's entry, if the list has it. */
  public Optional<ModelEntry> selected() {
    return list == null
        ? Optional.empty()
        : list.models().stream().filter(m -> m.name().equals(selected)).findFirst();
  }

  /** The latest pull of the selected model, or null. */
  public PullStatus pullStatus() {
    return pull;
  }

  /** The latest switch, or null. */
  public ActivationStatus activationStatus() {
    return activation;
  }

  /** The last call's failure, in the server's words, or null. */
  public String error() {
    return error;
  }

  public boolean pullRunning() {
    return pull != null && (pull.state().equals("RUNNING") || pull.state().equals("VERIFYING"));
  }

  public boolean activationRunning() {
    return activation != null
        && List.of("LOADING", "REINDEXING", "SWITCHING").contains(activation.state());
  }

  /** Whether Pull makes sense: a catalog model not complete yet, and no pull running. */
  public boolean canPull() {
    return selected()
            .filter(m -> m.kind().equals("catalog"))
            .filter(m -> m.state().equals("ABSENT") || m.state().equals("PARTIAL"))
            .isPresent()
        && !pullRunning();
  }

  /** Whether "Use for this library" makes sense: a complete model that is not in use. */
  public boolean canActivate() {
    return selected()
            .filter(m -> m.state().equals("PRESENT") || m.state().equals("VERIFIED"))
            .isPresent()
        && !activationRunning()
        && !pullRunning();
  }

  /** One line on the pull, for people: progress, the verification, or what went wrong. */
  public String pullLine() {
    if (pull == null) {
      return selected().map(ModelsViewModel::stateLine).orElse("");
    }
    return switch (pull.state()) {
      case "RUNNING" ->
          pull.bytesTotal() == 0
              ? "Asking the hub for " + pull.model() + "'s files…"
              : String.format(
                  Locale.ROOT,
                  "Downloading %s: %s of %s%s",
                  pull.model(),
                  megabytes(pull.bytesDone()),
                  megabytes(pull.bytesTotal()),
                  pull.file() == null ? "" : " (" + pull.file() + ")");
      case "VERIFYING" -> "Downloaded. Checking that " + pull.model() + " loads and works…";
      case "VERIFIED" ->
          "Downloaded and verified: all "
              + pull.checks().size()
              + " checks passed. Choose \"Use for this library\" to search with it.";
      case "CANCELLED" ->
          "Cancelled at "
              + megabytes(pull.bytesDone())
              + ". Pull again to resume where it stopped.";
      default -> pull.message() == null ? pull.state() : pull.message();
    };
  }

  /** One line on the switch, for people, or empty. */
  public String activationLine() {
    if (activation == null) {
      return "";
    }
    ActivationStatus a = activation;
    String line =
        switch (a.state()) {
          case "LOADING" -> "Loading " + a.model() + " beside the model in use…";
          case "REINDEXING" ->
              String.format(
                  Locale.ROOT,
                  "Re-indexing %s for %s: %d of %d photos (collection %d of %d). Search keeps"
                      + " working with the old model meanwhile.",
                  a.collection() == null ? "" : a.collection(),
                  a.model(),
                  a.progress() == null ? 0 : a.progress().seen(),
                  a.progress() == null ? 0 : a.progress().total(),
                  Math.min(a.collectionsDone() + 1, a.collectionsTotal()),
                  a.collectionsTotal());
          case "SWITCHING" -> "Switching to " + a.model() + "…";
          case "ACTIVE" -> "The library now searches with " + a.model() + ".";
          case "CANCELLED" -> "Switch cancelled: the library keeps its model.";
          default -> "The switch failed: the library keeps its model.";
        };
    return a.message() == null ? line : line + " " + a.message();
  }

  /** Fraction of the running switch's re-index done, 0 to 1. */
  public double activationFraction() {
    ActivationStatus a = activation;
    if (a == null || a.collectionsTotal() == 0) {
      return a != null && a.state().equals("ACTIVE") ? 1 : 0;
    }
    double inCollection =
        a.progress() == null || a.progress().total() == 0
            ? 0
            : (double) a.progress().seen() / a.progress().total();
    return Math.min(1, (a.collectionsDone() + inCollection) / a.collectionsTotal());
  }

  private static String stateLine(ModelEntry m) {
    return switch (m.state()) {
      case "ABSENT" -> "Not downloaded.";
      case "PARTIAL" -> "Partly downloaded (" + megabytes(m.bytesOnDisk()) + "): Pull resumes it.";
      case "PRESENT" -> "Downloaded.";
      case "VERIFIED" -> "Downloaded and verified.";
      case "ACTIVE" -> "In use: searches run on this model.";
      default -> m.state();
    };
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private void followPull(String name) {
    if (followingPull) {
      return;
    }
    followingPull = true;
    delay.schedule(POLL, () -> pollPull(name));
  }

  private void pollPull(String name) {
    tasks.submit(
        () -> client.pullStatus(name),
        p -> {
          if (name.equals(selected)) {
            pull = p;
          }
          boolean running = p.state().equals("RUNNING") || p.state().equals("VERIFYING");
          if (running) {
            delay.schedule(POLL, () -> pollPull(name));
          } else {
            followingPull = false;
            refresh();
          }
          changed();
        },
        e -> {
          followingPull = false;
          failed(e);
        });
  }

  private void followActivation() {
    if (followingActivation) {
      return;
    }
    followingActivation = true;
    delay.schedule(POLL, this::pollActivation);
  }

  private void pollActivation() {
    tasks.submit(
        client::activation,
        a -> {
          activation = a;
          if (activationRunning()) {
            delay.schedule(POLL, this::pollActivation);
          } else {
            followingActivation = false;
            refresh();
            if (a.state().equals("ACTIVE")) {
              switched.forEach(Runnable::run);
            }
          }
          changed();
        },
        e -> {
          followingActivation = false;
          failed(e);
        });
  }

  private void failed(Throwable e) {
    error = e.getMessage();
    changed();
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
