package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.people.PeopleViewModel;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.people.FaceId;
import io.clipsearch.people.FaceStore;
import io.clipsearch.people.People;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "People" tab end to end (on Xvfb): embedded server with tiny-clip and the real face nets,
 * five Caltech-101 faces photos of two men (three and two) indexed; the tab shows the two persons
 * with their crops, one is named in place (type, Enter), {@code person:Anna face} in the search box
 * finds exactly her three photos and {@code person:Anna} alone lists them newest first; a wrong
 * face is split off her ("Not Anna" on the face's menu), the other person hidden and shown again
 * ("Show hidden"), merged into her, and she is deleted after the confirmation: each change checked
 * in the server's {@code people.json} and face store. Screenshots target/screenshots/people*.png.
 */
class PeopleUiTest {

  private static final String FACES = "datasets/caltech101/%s/faces/image_%04d.jpg";

  @TempDir Path temp;

  @Test
  void personsAreNamedSplitHiddenMergedAndDeletedInPlaceAndFoundByName() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    Path photos = Files.createDirectories(temp.resolve("photos"));
    copy(shared, 366, photos.resolve("anna-1.jpg"));
    copy(shared, 370, photos.resolve("anna-2.jpg"));
    copy(shared, 373, photos.resolve("anna-3.jpg"));
    // her photos' dates (no EXIF date in them): person:Anna lists them newest first
    setDate(photos.resolve("anna-1.jpg"), "2020-05-01T10:00:00Z");
    setDate(photos.resolve("anna-2.jpg"), "2022-05-01T10:00:00Z");
    setDate(photos.resolve("anna-3.jpg"), "2021-05-01T10:00:00Z");
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

      // her name alone lists her photos, newest first, with no score to show
      onEdt(() -> window.searchBar().field().setText("person:Anna"));
      await(
          "her photos listed",
          Duration.ofSeconds(60),
          () ->
              window.searchModel().state().status() == SearchState.SearchPhase.DONE
                  && "person:Anna".equals(window.searchModel().state().query()));
      SearchState listing = call(() -> window.searchModel().state());
      assertEquals(
          List.of("anna-2.jpg", "anna-3.jpg", "anna-1.jpg"),
          listing.hits().stream().map(h -> Path.of(h.path()).getFileName().toString()).toList());
      assertTrue(listing.personListing());
      assertTrue(
          listing.summary().startsWith("3 photos of person:Anna, newest first"), listing.summary());
      screenshot(window, "people-listing");

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
      CollectionLayout layout = new CollectionLayout(temp.resolve("data"), "default");

      // "Not Anna" on one of her faces splits it off
      String wrong = found.get(0).faces().getFirst().id();
      onEdt(() -> menuItem(window.peoplePanel(), "face-" + wrong, "notPerson-" + wrong).doClick());
      await(
          "the split",
          Duration.ofSeconds(30),
          () -> people.status() == PeopleViewModel.PeopleLoad.DONE && faceCount(people, anna) == 2);
      assertFalse(stored(layout).get(anna).orElseThrow().faces().contains(FaceId.parse(wrong)));
      assertTrue(call(people::message).startsWith("2 people · 1 face in no person"));

      // Hide takes Carl off the list; "Show hidden" brings him back, marked
      onEdt(() -> EmbeddedAppUiTest.button(window.peoplePanel(), "hide-" + carl).doClick());
      await(
          "the hiding",
          Duration.ofSeconds(30),
          () ->
              people.status() == PeopleViewModel.PeopleLoad.DONE
                  && people.people().stream().noneMatch(p -> p.id() == carl));
      assertTrue(stored(layout).get(carl).orElseThrow().hidden());
      onEdt(() -> EmbeddedAppUiTest.setChecked(window.peoplePanel(), "showHidden", true));
      await(
          "the hidden listed",
          Duration.ofSeconds(30),
          () ->
              people.status() == PeopleViewModel.PeopleLoad.DONE
                  && people.people().stream().anyMatch(p -> p.id() == carl && p.hidden()));
      assertEquals(
          "Show",
          call(() -> EmbeddedAppUiTest.button(window.peoplePanel(), "hide-" + carl).getText()));
      assertEquals(
          "hidden",
          call(() -> EmbeddedAppUiTest.label(window.peoplePanel(), "hidden-" + carl).getText()));
      screenshot(window, "people-hidden");

      onEdt(() -> EmbeddedAppUiTest.button(window.peoplePanel(), "merge-" + carl).doClick());
      await(
          "the merge",
          Duration.ofSeconds(30),
          () ->
              people.status() == PeopleViewModel.PeopleLoad.DONE
                  && people.people().size() == 1
                  && people.people().getFirst().faceCount() == 4);
      assertEquals("Anna", call(() -> people.people().getFirst().name()));

      // Delete asks first, saying the descriptors go; then her faces are gone from the store
      List<FaceId> faces = stored(layout).get(anna).orElseThrow().faces();
      onEdt(
          () ->
              SwingUtilities.invokeLater(
                  () ->
                      EmbeddedAppUiTest.button(window.peoplePanel(), "delete-" + anna).doClick()));
      JDialog confirm = EmbeddedAppUiTest.awaitDialog("Delete person");
      String question = EmbeddedAppUiTest.texts(confirm);
      assertTrue(question.contains("Delete Anna?"), question);
      assertTrue(question.contains("descriptors of the 4 faces"), question);
      onEdt(
          () ->
              SwingUtilities.invokeLater(
                  () -> EmbeddedAppUiTest.buttonWithText(confirm, "Delete").doClick()));
      await(
          "the deletion",
          Duration.ofSeconds(30),
          () -> people.status() == PeopleViewModel.PeopleLoad.DONE && people.people().isEmpty());
      assertTrue(stored(layout).get(anna).isEmpty());
      FaceStore store = new FaceStore(layout.facesDir());
      for (FaceId f : faces) {
        assertTrue(store.crop(f.contentId(), f.n()).isEmpty(), f + "'s crop is deleted");
        assertTrue(
            store.read(f.contentId()).orElseThrow().stream().noneMatch(s -> s.id().equals(f)),
            f + "'s descriptor is deleted");
      }

      app.app().close();
      assertTrue(app.closed().await(60, TimeUnit.SECONDS), "the app closes and stops its server");
    } finally {
      System.clearProperty("clipsearch.faces.models");
    }
  }

  /** The persons as the server stored them, read afresh from its {@code people.json}. */
  private static People stored(CollectionLayout layout) throws Exception {
    return People.open(layout.peopleFile(), new FaceStore(layout.facesDir()));
  }

  private static int faceCount(PeopleViewModel people, int id) {
    return people.people().stream()
        .filter(p -> p.id() == id)
        .mapToInt(PersonInfo::faceCount)
        .findFirst()
        .orElse(-1);
  }

  /** The item {@code item} of the menu the component {@code owner} opens on a right-click. */
  private static JMenuItem menuItem(Container root, String owner, String item) {
    JPopupMenu menu = ((JComponent) EmbeddedAppUiTest.find(root, owner)).getComponentPopupMenu();
    return (JMenuItem) EmbeddedAppUiTest.find(menu, item);
  }

  private static void setDate(Path file, String instant) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
  }

  private static void copy(Path shared, int number, Path to) throws Exception {
    Path train = shared.resolve(String.format(FACES, "train", number));
    Files.copy(
        Files.exists(train) ? train : shared.resolve(String.format(FACES, "test", number)), to);
  }
}
