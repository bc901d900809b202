package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.search.QueryTerm.Like;
import io.clipsearch.search.QueryTerm.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every syntax case of the query language and every error message. */
class QueryParserTest {

  final QueryParser parser = new QueryParser();

  List<QueryTerm> parse(String q) {
    return parser.parse(q).terms();
  }

  String error(String q) {
    return assertThrows(IllegalArgumentException.class, () -> parser.parse(q)).getMessage();
  }

  @Test
  void bareWordsFormOnePrompt() {
    assertEquals(List.of(new Text("beach sunset", 1)), parse("  beach   sunset "));
  }

  @Test
  void minusSubtractsAndEndsTheRun() {
    assertEquals(
        List.of(new Text("beach sunset", 1), new Text("people", -1)),
        parse("beach sunset -people"));
    assertEquals(
        List.of(new Text("beach", 1), new Text("people", -1), new Text("sunset", 1)),
        parse("beach -people sunset"));
  }

  @Test
  void plusAddsASeparatePrompt() {
    assertEquals(List.of(new Text("dog", 1), new Text("snow", 1)), parse("dog +snow"));
  }

  @Test
  void weightsAndQuotedPhrases() {
    assertEquals(
        List.of(new Text("red car", 2), new Text("snow", 1)), parse("2:\"red car\" +snow"));
    assertEquals(List.of(new Text("dog", 0.5), new Text("cat", 1)), parse("0.5:dog cat"));
    assertEquals(
        List.of(new Text("beach", 1), new Text("people", -0.5)), parse("beach -0.5:people"));
    assertEquals(
        List.of(new Text("beach", 1), new Text("people", 1.5)), parse("beach +1.5:people"));
    assertEquals(List.of(new Text("red car", -1), new Text("road", 1)), parse("-\"red car\" road"));
    assertEquals(List.of(new Text("a b", 1), new Text("c", 1)), parse("\" a b \" c"));
    assertEquals(List.of(new Text("12:30", 1)), parse("\"12:30\""));
  }

  @Test
  void likeTakesAnImageId() {
    assertEquals(List.of(new Like("3fa9c2", 1)), parse("like:3fa9c2"));
    assertEquals(List.of(new Like("ab", 1), new Text("people", -1)), parse("LIKE:ab -people"));
    assertEquals(List.of(new Text("beach", 1), new Like("ab", -2)), parse("beach -2:like:ab"));
  }

  @Test
  void aQueryWithAnyTextPartIsATextQuery() {
    assertEquals(Modality.TEXT, parser.parse("beach").modality());
    assertEquals(Modality.TEXT, parser.parse("like:abc +snow").modality());
    assertEquals(Modality.TEXT, parser.parse("like:abc -people").modality());
    assertEquals(Modality.IMAGE, parser.parse("like:abc").modality());
  }

  @Test
  void examplesAreThePositiveLikeParts() {
    assertEquals(
        List.of("abc", "def"), parser.parse("like:abc beach like:def -like:ghi").exampleIds());
    assertEquals(List.of(), parser.parse("beach -like:ghi").exampleIds());
    assertEquals(Modality.IMAGE, parser.parse("like:abc -like:def").modality());
  }

  @Test
  void positiveTextJoinsPositivePrompts() {
    assertEquals(
        "beach sunset snow", parser.parse("beach sunset -people +snow like:x").positiveText());
  }

  @Test
  void ratingAndLabelFiltersAreNoPartOfThePrompt() {
    ParsedQuery q = parser.parse("beach rating>=4 sunset label:Red");
    assertEquals(List.of(new Text("beach sunset", 1)), q.terms());
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, 4, null, "red", false), q.filters());
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, 2, 2, null, false),
        parser.parse("dog RATING:2").filters());
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, null, 3, null, false),
        parser.parse("dog rating<=3").filters());
    assertEquals(SearchFilters.NONE, parser.parse("dog").filters());
    // quoted, it is a prompt
    assertEquals(List.of(new Text("rating>=4", 1)), parse("\"rating>=4\""));
  }

  @Test
  void askingForRejectedPhotosShowsThem() {
    SearchFilters hidden = SearchFilters.NONE.hidingRejected(true);
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, -1, -1, null, false),
        hidden.withXmpOf(parser.parse("dog rating:-1").filters()));
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, 4, null, null, true),
        hidden.withXmpOf(parser.parse("dog rating>=4").filters()));
    assertEquals(hidden, hidden.withXmpOf(parser.parse("dog").filters()));
  }

  @Test
  void personFiltersAreNamesBesideThePrompt() {
    ParsedQuery q = parser.parse("person:Anna beach -night person:\"Ben Berg\"");
    assertEquals(List.of("Anna", "Ben Berg"), q.persons());
    assertEquals(List.of(new Text("beach", 1), new Text("night", -1)), q.terms());
    assertEquals(SearchFilters.NONE, q.filters());
    assertEquals(List.of(), parser.parse("beach").persons());
    assertEquals(
        "'+' at position 7 cannot apply to a filter: write it without, e.g. rating>=4 or label:red",
        error("beach +person:Anna"));
  }

  @Test
  void minusPersonLeavesThePersonOut() {
    ParsedQuery q = parser.parse("beach -person:Anna -person:\"Ben Berg\"");
    assertEquals(List.of(), q.persons());
    assertEquals(List.of("Anna", "Ben Berg"), q.excludedPersons());
    assertEquals(List.of(new Text("beach", 1)), q.terms());
    assertEquals(false, q.isPersonListing());
  }

  @Test
  void aPersonAloneListsHerPhotos() {
    ParsedQuery anna = parser.parse("person:Anna");
    assertEquals(true, anna.isPersonListing());
    assertEquals(List.of(), anna.terms());
    assertEquals(List.of("Anna"), anna.persons());
    assertEquals(List.of("Anna Lee"), parser.parse("person:\"Anna Lee\"").persons());

    ParsedQuery filtered = parser.parse("person:Anna -person:Ben rating>=3 label:red");
    assertEquals(true, filtered.isPersonListing());
    assertEquals(List.of("Ben"), filtered.excludedPersons());
    assertEquals(
        new SearchFilters(null, null, null, null, null, null, 3, null, "red", false),
        filtered.filters());
    assertEquals(false, parser.parse("person:Anna beach").isPersonListing());

    // a person listing has no part; a negative part still needs something to look for
    assertEquals(
        "query 'person:Anna -night' has only negative parts: add something to look for, e.g."
            + " 'beach -people'",
        error("person:Anna -night"));
    // excluding a person names nobody to list: it is a filter like the others
    assertEquals(
        "query '-person:Ben' has only filters: add something to look for, e.g. 'beach"
            + " rating>=4'",
        error("-person:Ben"));
  }

  @Test
  void filterErrors() {
    assertEquals(
        "rating 6 at position 5 is out of range: use -1 (rejected) to 5", error("dog rating:6"));
    assertEquals(
        "'-' at position 5 cannot apply to a filter: write it without, e.g. rating>=4 or label:red",
        error("dog -label:red"));
    assertEquals(
        "query 'rating>=4 label:red' has only filters: add something to look for, e.g. 'beach"
            + " rating>=4'",
        error("rating>=4 label:red"));
    assertEquals(
        "rating range is empty: minRating 4 > maxRating 2", error("dog rating>=4 rating<=2"));
  }

  @Test
  void errorsNameThePosition() {
    assertEquals("query is empty", error("   "));
    assertEquals("unclosed quote at position 7", error("beach \"red car"));
    assertEquals("empty phrase at position 1", error("\"  \" dog"));
    assertEquals(
        "bad weight '1.2.3' at position 5: use a number such as 2, 0.5 or -1.5",
        error("dog 1.2.3:cat"));
    assertEquals(
        "weight 0 at position 1 is out of range: use a non-zero number between -10 and 10",
        error("0:dog"));
    assertEquals(
        "weight 11 at position 5 is out of range: use a non-zero number between -10 and 10",
        error("dog 11:cat"));
    assertEquals("'2:' at position 5 has no term after it", error("dog 2: cat"));
    assertEquals("'-' at position 7 has no term after it", error("beach -"));
    assertEquals("'like:' at position 1 needs an image id, e.g. like:3fa9c2", error("like: dog"));
    assertEquals(
        "query '-people -cars' has only negative parts: add something to look for,"
            + " e.g. 'beach -people'",
        error("-people -cars"));
  }

  @Test
  void termCountIsCapped() {
    assertEquals(
        "query has more than 16 parts; combine words into one prompt", error("+a ".repeat(17)));
    assertEquals(16, parse("+a ".repeat(16)).size());
  }
}
