package io.clipsearch.app.people;

import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.app.net.ClipsearchClient;

/** The server calls the People tab makes (blocking; called on workers). A fake in tests. */
public interface PeopleClient {

  PeopleList people(String collection);

  PersonInfo change(String collection, int id, PersonChange change);

  static PeopleClient of(ClipsearchClient client) {
    return new PeopleClient() {
      @Override
      public PeopleList people(String collection) {
        return client.people(collection);
      }

      @Override
      public PersonInfo change(String collection, int id, PersonChange change) {
        return client.changePerson(collection, id, change);
      }
    };
  }
}
