package io.clipsearch.app.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The People tab's state against a fake server, every task run at once: what each change sends,
 * that the persons load again after it, and that a person gone (404) reloads rather than failing.
 */
class PeopleViewModelTest {

  /** Records the calls; answers with {@link #persons}; refuses changes with {@link #refusal}. */
  static final class FakeServer implements PeopleClient {
    final List<String> calls = new ArrayList<>();
    List<PersonInfo> persons = List.of(person(1, "Anna", false), person(2, null, true));
    RuntimeException refusal;

    @Override
    public PeopleList people(String collection, boolean withHidden) {
      calls.add("people hidden=" + withHidden);
      return new PeopleList(persons.stream().filter(p -> withHidden || !p.hidden()).toList(), 0);
    }

    @Override
    public PersonInfo change(String collection, int id, PersonChange change) {
      calls.add("change " + id + " " + change);
      if (refusal != null) {
        throw refusal;
      }
      return persons.getFirst();
    }

    @Override
    public void delete(String collection, int id) {
      calls.add("delete " + id);
    }
  }

  static PersonInfo person(int id, String name, boolean hidden) {
    return new PersonInfo(id, name, hidden, 2, 2, List.of());
  }

  final FakeServer server = new FakeServer();
  final PeopleViewModel model =
      new PeopleViewModel(server, new BackgroundTasks(Runnable::run, Runnable::run));

  @Test
  void showHiddenListsHiddenPersonsToo() {
    model.refresh();
    assertEquals(List.of(1), model.people().stream().map(PersonInfo::id).toList());

    model.setShowHidden(true);

    assertTrue(model.showsHidden());
    assertEquals(List.of(1, 2), model.people().stream().map(PersonInfo::id).toList());
    assertEquals(List.of("people hidden=false", "people hidden=true"), server.calls);
  }

  @Test
  void splitHideAndDeleteAreSentThenThePersonsLoadAgain() {
    model.split(1, "ab12-0");
    model.hide(2, false);
    model.delete(1);

    assertEquals(
        List.of(
            "change 1 " + new PersonChange(null, null, null, "ab12-0"),
            "people hidden=false",
            "change 2 " + new PersonChange(null, false, null, null),
            "people hidden=false",
            "delete 1",
            "people hidden=false"),
        server.calls);
    assertEquals(PeopleViewModel.PeopleLoad.DONE, model.status());
  }

  @Test
  void aPersonGoneAfterAChangeReloadsInsteadOfFailing() {
    // the server answers 404 when the face split off was the person's last
    server.refusal = new ApiException(new ApiError(404, "Not Found", "person 1 has no faces left"));
    server.persons = List.of(person(2, null, false));

    model.split(1, "ab12-0");

    assertEquals(PeopleViewModel.PeopleLoad.DONE, model.status());
    assertEquals(List.of(2), model.people().stream().map(PersonInfo::id).toList());
  }
}
