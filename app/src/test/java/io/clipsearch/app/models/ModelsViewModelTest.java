package io.clipsearch.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.ModelEntry;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Models view's state against a fake server: lines in plain words, buttons, polling. */
class ModelsViewModelTest {

  private static final String OFFLINE =
      "Cannot reach huggingface.co: you seem to be offline. To add ViT-B-32 by hand, …";

  /** Answers with whatever the test put in its fields; records the calls. */
  static final class FakeClient implements ModelsClient {
    String state = "ABSENT";
    PullStatus pull;
    ActivationStatus activation;
    final List<String> calls = new ArrayList<>();

    @Override
    public ModelList models() {
      return new ModelList(
          List.of(
              new ModelEntry(
                  "ViT-B-32",
                  "catalog",
                  state,
                  false,
                  "immich-app/ViT-B-32__openai",
                  512,
                  "MIT",
                  610_000_000L,
                  "English",
                  "fast",
                  0,
                  null)),
          "/models",
          "https://huggingface.co",
          "clipsearch-mini",
          null);
    }

    @Override
    public PullStatus pull(String model) {
      calls.add("pull " + model);
      return pull;
    }

    @Override
    public PullStatus pullStatus(String model) {
      return pull;
    }

    @Override
    public PullStatus cancelPull(String model) {
      calls.add("cancel " + model);
      return pull;
    }

    @Override
    public ActivationStatus activate(String model) {
      calls.add("activate " + model);
      return activation;
    }

    @Override
    public ActivationStatus activation() {
      return activation;
    }

    @Override
    public ActivationStatus cancelActivation() {
      calls.add("cancel switch");
      return activation;
    }
  }

  final FakeClient server = new FakeClient();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final ManualDelay clock = new ManualDelay();
  final ModelsViewModel vm =
      new ModelsViewModel(server, new BackgroundTasks(workers::add, Runnable::run), clock);

  void runWorkers() {
    while (!workers.isEmpty()) {
      workers.poll().run();
    }
  }

  void poll() {
    clock.advance(ModelsViewModel.POLL);
    runWorkers();
  }

  static PullStatus pull(String state, long done, String message) {
    return new PullStatus(
        "ViT-B-32", state, "visual/model.onnx", done, 1_000_000, message, List.of());
  }

  @Test
  void offlineSaysSoInTheServersWordsAndPullStaysOffered() {
    vm.refresh();
    runWorkers();
    vm.select("ViT-B-32");
    runWorkers();
    assertEquals("Not downloaded.", vm.pullLine());
    assertTrue(vm.canPull());
    assertFalse(vm.canActivate());

    server.pull = pull("RUNNING", 0, null);
    vm.pull();
    runWorkers();
    assertTrue(vm.pullRunning());
    server.pull = pull("OFFLINE", 0, OFFLINE);
    poll();
    assertEquals(OFFLINE, vm.pullLine());
    assertTrue(vm.canPull(), "once online again, Pull tries again");
  }

  @Test
  void cancelKeepsTheBytesAndTheNextPullResumes() {
    vm.refresh();
    runWorkers();
    vm.select("ViT-B-32");
    server.pull = pull("RUNNING", 400_000, null);
    vm.pull();
    runWorkers();
    assertEquals("Downloading ViT-B-32: 0.4 MB of 1.0 MB (visual/model.onnx)", vm.pullLine());
    vm.cancelPull();
    runWorkers();
    assertEquals(List.of("pull ViT-B-32", "cancel ViT-B-32"), server.calls);
    server.pull = pull("CANCELLED", 400_000, null);
    server.state = "PARTIAL";
    poll();
    assertEquals("Cancelled at 0.4 MB. Pull again to resume where it stopped.", vm.pullLine());
    assertTrue(vm.canPull());
  }

  @Test
  void aSwitchReportsItsReindexAndTellsTheWindowWhenDone() {
    server.state = "VERIFIED";
    vm.refresh();
    runWorkers();
    vm.select("ViT-B-32");
    runWorkers();
    assertTrue(vm.canActivate());
    int[] switched = {0};
    vm.onSwitched(() -> switched[0]++);
    IngestStatus half = new IngestStatus("INDEXING", 5, 10, 5, 0, 0, 0, 0, 0, 2.0, 2.5);
    server.activation = new ActivationStatus("ViT-B-32", "REINDEXING", 0, 2, "trips", half, null);
    vm.activate();
    runWorkers();
    assertEquals(0.25, vm.activationFraction(), 1e-9);
    assertTrue(vm.activationLine().startsWith("Re-indexing trips for ViT-B-32: 5 of 10 photos"));
    assertEquals(0, switched[0]);
    server.activation = new ActivationStatus("ViT-B-32", "ACTIVE", 2, 2, null, half, null);
    server.state = "ACTIVE";
    poll();
    assertEquals("The library now searches with ViT-B-32.", vm.activationLine());
    assertEquals(1, switched[0]);
    assertFalse(vm.activationRunning());
  }
}
