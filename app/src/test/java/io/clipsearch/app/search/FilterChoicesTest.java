package io.clipsearch.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.SearchQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FilterChoicesTest {

  @Test
  void buildsTheApiQueryWithAnExclusiveEndDate() {
    FilterChoices f =
        new FilterChoices(
            LocalDate.of(2024, 6, 1),
            LocalDate.of(2024, 6, 30),
            " /photos ",
            "Canon EOS R5",
            "landscape",
            1024,
            "date_desc");
    SearchQuery q = f.toQuery("beach", "trips", 100, 50, true);
    assertEquals("2024-06-01", q.from());
    assertEquals("2024-07-01", q.to());
    assertEquals("/photos", q.folder());
    assertEquals("Canon EOS R5", q.camera());
    assertEquals("landscape", q.shape());
    assertEquals(1024, q.minSize());
    assertEquals("date_desc", q.sort());
    assertEquals(100, q.offset());
    assertEquals(50, q.limit());
    assertNull(q.cutoff());
    assertTrue(f.isFiltering());
  }

  @Test
  void defaultsLeaveFieldsOut() {
    SearchQuery q = FilterChoices.NONE.toQuery("x", "default", 0, 100, false);
    assertNull(q.from());
    assertNull(q.sort());
    assertNull(q.offset());
    assertEquals(Boolean.FALSE, q.cutoff());
    assertFalse(FilterChoices.NONE.isFiltering());
    assertNull(new FilterChoices(null, null, "  ", "", null, null, null).folder());
  }

  @Test
  void ratingAndRejectedPhotos() {
    FilterChoices f =
        new FilterChoices(null, null, null, null, null, null, "relevance", 4, false, null);
    SearchQuery q = f.toQuery("beach", "trips", 0, 50, true);
    assertEquals(4, q.minRating());
    assertNull(q.rejected(), "hidden: the server's default, so browsing stays unfiltered");
    assertTrue(f.isFiltering());
    assertEquals(4, f.withSort("date_desc").minRating());
    FilterChoices shown =
        new FilterChoices(null, null, null, null, null, null, "relevance", null, true, null);
    assertEquals(Boolean.TRUE, shown.toQuery("beach", "trips", 0, 50, true).rejected());
    assertFalse(shown.isFiltering());
    assertNull(FilterChoices.NONE.toQuery("x", "default", 0, 100, true).minRating());
    assertEquals(
        "minimum rating must be 1-5 stars, got 6",
        assertThrows(
                IllegalArgumentException.class,
                () -> new FilterChoices(null, null, null, null, null, null, null, 6, false, null))
            .getMessage());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FilterChoices(
                    LocalDate.of(2024, 2, 1),
                    LocalDate.of(2024, 1, 1),
                    null,
                    null,
                    null,
                    null,
                    null));
    assertEquals("the date range ends (2024-01-01) before it starts (2024-02-01)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FilterChoices.NONE.withShape("round"));
    assertThrows(IllegalArgumentException.class, () -> FilterChoices.NONE.withSort("random"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FilterChoices(null, null, null, null, null, 0, null));
  }

  @Test
  void changingTheSortOrShapeKeepsThePerson() {
    FilterChoices anna =
        new FilterChoices(null, null, null, null, null, null, "relevance", null, false, "Anna");
    assertEquals("Anna", anna.withSort("date_desc").person());
    assertEquals("Anna", anna.withShape("square").person());
    assertEquals("Anna", anna.withSort("date_desc").toQuery("beach", "c", 0, 10, true).person());
  }
}
