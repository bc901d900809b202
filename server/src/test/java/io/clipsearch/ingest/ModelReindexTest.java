package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * A re-index for a model switch on the tiny-clip model: cancelled part way it throws and closes
 * what it opened (the next run can open the index again); run again it completes the collection.
 */
class ModelReindexTest extends TinyModelIngestTestBase {

  @Override
  int photoCount() {
    return 12;
  }

  @Test
  void cancelledPartWayThenRunAgainToTheEnd() throws Exception {
    CollectionOpener opener = CollectionOpener.embedded(layout.dataDir(), model);
    opener.define("test", List.of(photos), Optional.empty());
    ModelReindex first =
        new ModelReindex(opener, model, ImageTagger.NONE, IngestOptions.defaults());
    assertThrows(
        CancellationException.class,
        () -> first.run(List.of("test"), (collection, done, p) -> first.cancel()));

    ModelReindex second =
        new ModelReindex(opener, model, ImageTagger.NONE, IngestOptions.defaults());
    IngestProgress[] last = new IngestProgress[1];
    Map<String, OpenCollection> reopened =
        second.run(List.of("test"), (collection, done, p) -> last[0] = p);
    try {
      assertEquals(List.of("test"), List.copyOf(reopened.keySet()));
      assertEquals(12, reopened.get("test").index().count());
      assertEquals(IngestProgress.Phase.DONE, last[0].phase());
      assertEquals(12, last[0].embedded() + last[0].unchanged(), "every photo, once");
    } finally {
      reopened.get("test").close();
    }
  }
}
