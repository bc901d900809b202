package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.people.PeopleViewModel;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "People" tab end to end (on Xvfb): embedded server with tiny-clip and the real face nets,
 * five Caltech-101 faces photos of two men (three and two) indexed; the tab shows the two persons
 * with their crops, one is named in place (type, Enter), {@code person:Anna} in the search box
 * finds exactly her three photos, and the other is merged into her. Screenshot
 * target/screenshots/people.png.
 */
class PeopleUiTest {

  private static final String FACES = "datasets/caltech101/%s/faces/image_%04d.jpg";

  @TempDir Path temp;

  @Test
  void personsAreNamedAndMergedInPlaceAndFoundByName() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    Path photos = Files.createDirectories(temp.resolve("photos"));
    copy(shared, 366, photos.resolve("anna-1.jpg"));
    copy(shared, 370, photos.resolve("anna-2.jpg"));
    copy(shared, 373, photos.resolve("anna-3.jpg"));
    copy(shared, 56, photos.resolve("carl-1.jpg"));
    copy(shared, 57, photos.resolve("carl-2.jpg"));
    // the embedded server runs from app/: its face nets are the checkout's
    System.setProperty(
        "clipsearch.faces.models", Path.of("..", "models", "faces").toAbsolutePath().toString());
    try {
      EmbeddedAppUiTest.Launched app =
          EmbeddedAppUiTest.launch(
              shared, temp.resolve("data"), AppSettings.load(temp.resolve("config")));
      MainWindow window = app.window();
      EmbeddedAppUiTest.index(window, photos, 5);

      onEdt(() -> window.tabs().setSelectedComponent(window.peoplePanel()));
      PeopleViewModel people = call(() -> window.peoplePanel().model());
      await(
          "the people",
          Duration.ofSeconds(60),
          () -> people.status() == PeopleViewModel.PeopleLoad.DONE);
      List<PersonInfo> found = call(people::people);
      assertEquals(List.of(3, 2), found.stream().map(PersonInfo::faceCount).toList());
      assertTrue(call(people::message).startsWith("2 people · 0 faces in no person"));
      Thread.sleep(1500); // crops arrive asynchronously
      screenshot(window, "people");

      int anna = found.get(0).id();
      int carl = found.get(1).id();
      onEdt(
          () -> EmbeddedAppUiTest.typeAndEnter(window.peoplePanel(), "personName-" + anna, "Anna"));
      await(
          "the name",
          Duration.ofSeconds(30),
          () ->
              people.status() == PeopleViewModel.PeopleLoad.DONE
                  && "Anna".equals(people.people().getFirst().name()));

      onEdt(
          () -> {
            window.tabs().setSelectedIndex(0);
            EmbeddedAppUiTest.setChecked(window, "weakMatches", true);
            window.searchBar().field().setText("person:Anna face");
          });
      await(
          "her photos",
          Duration.ofSeconds(60),
          () ->
              window.searchModel().state().status() == SearchState.SearchPhase.DONE
                  && "person:Anna face".equals(window.searchModel().state().query())
                  && !window.searchModel().state().browsing());
      List<String> hers =
          call(() -> window.searchModel().state().hits()).stream()
              .map(SearchResultHit::path)
              .map(p -> Path.of(p).getFileName().toString())
              .sorted()
              .toList();
      assertEquals(List.of("anna-1.jpg", "anna-2.jpg", "anna-3.jpg"), hers);

      // the person filter beside the camera does the same for a query without person:
      onEdt(
          () -> {
            EmbeddedAppUiTest.typeAndEnter(window, "person", "Anna");
            window.searchBar().field().setText("face");
          });
      await(
          "her photos by the filter",
          Duration.ofSeconds(60),
          () ->
              window.searchModel().state().status() == SearchState.SearchPhase.DONE
                  && "face".equals(window.searchModel().state().query())
                  && window.searchModel().state().hits().size() == 3);
      assertTrue(
          call(() -> window.searchModel().state().hits()).stream()
              .allMatch(h -> Path.of(h.path()).getFileName().toString().startsWith("anna-")));
      screenshot(window, "people-filter");

      onEdt(() -> window.tabs().setSelectedComponent(window.peoplePanel()));
      onEdt(() -> EmbeddedAppUiTest.button(window.peoplePanel(), "merge-" + carl).doClick());
      await(
          "the merge",
          Duration.ofSeconds(30),
          () ->
              people.status() == PeopleViewModel.PeopleLoad.DONE
                  && people.people().size() == 1
                  && people.people().getFirst().faceCount() == 5);
      assertEquals("Anna", call(() -> people.people().getFirst().name()));

      app.app().close();
      assertTrue(app.closed().await(60, TimeUnit.SECONDS), "the app closes and stops its server");
    } finally {
      System.clearProperty("clipsearch.faces.models");
    }
  }

  private static void copy(Path shared, int number, Path to) throws Exception {
    Path train = shared.resolve(String.format(FACES, "train", number));
    Files.copy(
        Files.exists(train) ? train : shared.resolve(String.format(FACES, "test", number)), to);
  }
}
