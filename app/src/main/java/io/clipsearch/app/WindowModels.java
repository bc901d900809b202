package io.clipsearch.app;

import io.clipsearch.app.clusters.ClusterClient;
import io.clipsearch.app.clusters.ClustersViewModel;
import io.clipsearch.app.collections.CollectionsViewModel;
import io.clipsearch.app.connection.ConnectionMonitor;
import io.clipsearch.app.detail.DetailViewModel;
import io.clipsearch.app.detail.PhotoSource;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.people.PeopleClient;
import io.clipsearch.app.people.PeopleViewModel;
import io.clipsearch.app.places.PlaceClient;
import io.clipsearch.app.places.PlacesViewModel;
import io.clipsearch.app.search.QueryHistory;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;

/**
 * The main window's view models, made for one server and wired to each other: a search, a reconnect
 * or a finished indexing tells the others what they need (search again, refresh, forget an
 * interrupted indexing), and every load that cannot reach the server starts the connection monitor.
 * Views are not its business. EDT only.
 *
 * @param search the search screen
 * @param detail the detail view
 * @param collections the collections screen and indexing
 * @param clusters the clusters and 2-D map
 * @param places the places map
 * @param people the persons found in the photos
 * @param monitor the link to the server
 */
record WindowModels(
    SearchViewModel search,
    DetailViewModel detail,
    CollectionsViewModel collections,
    ClustersViewModel clusters,
    PlacesViewModel places,
    PeopleViewModel people,
    ConnectionMonitor monitor) {

  /**
   * @param photoSide the long side the detail view decodes photos to
   */
  static WindowModels create(
      ClipsearchClient client, BackgroundTasks tasks, AppSettings settings, int photoSide) {
    SearchViewModel search =
        new SearchViewModel(
            SearchClient.of(client), tasks, Delay.swing(), new QueryHistory(settings.history()));
    search.setCollection(settings.lastCollection());
    search.setBrowseWhenEmpty(true);
    WindowModels m =
        new WindowModels(
            search,
            new DetailViewModel(PhotoSource.of(client), tasks, photoSide),
            new CollectionsViewModel(client, tasks),
            new ClustersViewModel(ClusterClient.of(client), tasks, Delay.swing()),
            new PlacesViewModel(PlaceClient.of(client), tasks),
            new PeopleViewModel(PeopleClient.of(client), tasks),
            new ConnectionMonitor(() -> client.model(), tasks, Delay.swing()));
    m.wire(settings);
    return m;
  }

  private void wire(AppSettings settings) {
    search.onConnectionLost(e -> monitor.lost(e.getMessage()));
    clusters.onConnectionLost(e -> monitor.lost(e.getMessage()));
    places.onConnectionLost(e -> monitor.lost(e.getMessage()));
    people.onConnectionLost(e -> monitor.lost(e.getMessage()));
    monitor.onReconnected(search::searchAgain);
    monitor.onReconnected(collections::refresh);
    collections.onIndexed(search::searchAgain);
    // an indexing ran to its end: nothing is left unindexed to warn about at the next start
    collections.onIndexed(
        () -> {
          if (collections.finishedAll()) {
            settings.setUnfinishedIndexing(null, 0);
          }
        });
    search.addListener(
        s -> {
          if (s.status() == SearchState.SearchPhase.DONE) {
            settings.setHistory(search.history().entries());
          }
        });
  }
}
