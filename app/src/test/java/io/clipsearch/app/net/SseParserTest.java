package io.clipsearch.app.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.IngestStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  @Test
  void dispatchesNamedEventsOnBlankLines() throws Exception {
    SseParser p = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line :
        List.of(
            ": comment",
            "event: progress",
            "data: {\"phase\":\"INDEXING\",",
            "data: \"seen\":3}",
            "",
            "",
            "data:plain",
            "")) {
      p.feed(line).ifPresent(events::add);
    }
    assertEquals(2, events.size());
    assertEquals("progress", events.get(0).name());
    assertEquals("{\"phase\":\"INDEXING\",\n\"seen\":3}", events.get(0).data());
    assertEquals(new SseParser.Event("message", "plain"), events.get(1));
    IngestStatus s = ClipsearchClient.mapper().readValue(events.get(0).data(), IngestStatus.class);
    assertEquals(3, s.seen());
    assertTrue(s.etaSeconds() == null);
  }
}
