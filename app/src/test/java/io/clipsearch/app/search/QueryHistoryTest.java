package io.clipsearch.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryHistoryTest {

  @Test
  void newestFirstWithoutDuplicatesOrBlanks() {
    QueryHistory h = new QueryHistory(List.of("b", "a"));
    h.record(" c ");
    h.record("a");
    assertFalse(h.record(""));
    assertFalse(h.record("like:123abc"));
    assertEquals(List.of("a", "c", "b"), h.entries());
    assertEquals(List.of("c"), h.matching("C"));
  }

  @Test
  void keepsAtMostMax() {
    QueryHistory h = new QueryHistory(List.of());
    for (int i = 0; i < QueryHistory.MAX + 10; i++) {
      h.record("q" + i);
    }
    assertEquals(QueryHistory.MAX, h.entries().size());
    assertEquals("q" + (QueryHistory.MAX + 9), h.entries().getFirst());
  }
}
