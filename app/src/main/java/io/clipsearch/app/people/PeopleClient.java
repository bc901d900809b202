package io.clipsearch.app.people;

import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.app.net.ClipsearchClient;

/** The server calls the People tab makes (blocking; called on workers). A fake in tests. */
public interface PeopleClient {

  /** The persons, hidden ones too if {@code withHidden}. */
  PeopleList people(String collection, boolean withHidden);

  PersonInfo change(String collection, int id, PersonChange change);

  /** Deletes a person and its faces' descriptors. */
  void delete(String collection, int id);

  static PeopleClient of(ClipsearchClient client) {
    return new PeopleClient() {
      @Override
      public PeopleList people(String collection, boolean withHidden) {
        return client.people(collection, withHidden);
      }

      @Override
      public PersonInfo change(String collection, int id, PersonChange change) {
        return client.changePerson(collection, id, change);
      }

      @Override
      public void delete(String collection, int id) {
        client.deletePerson(collection, id);
      }
    };
  }
}
