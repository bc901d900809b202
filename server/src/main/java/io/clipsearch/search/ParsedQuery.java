package io.clipsearch.search;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A query as {@link QueryParser} understood it: weighted parts, in the order typed, and the filters
 * typed with them. Immutable.
 *
 * <p>A query either has something to look for (a part with a positive weight) or is a {@linkplain
 * #isPersonListing() person listing}: no part at all, a person named ({@code person:Anna}, perhaps
 * with other filters), meaning every photo of that person.
 *
 * @param terms the parts; at least one with a positive weight, or none for a person listing
 * @param filters the XMP filters typed ({@code rating>=4}, {@code label:red}); {@link
 *     SearchFilters#NONE} when none
 * @param persons the names typed as {@code person:Anna} or {@code person:"Anna Berg"}: the photos
 *     must show every one of them
 * @param excludedPersons the names typed as {@code -person:Ben}: the photos must show none of them
 */
public record ParsedQuery(
    List<QueryTerm> terms,
    SearchFilters filters,
    List<String> persons,
    List<String> excludedPersons) {

  /** A query without filters. */
  public ParsedQuery(List<QueryTerm> terms) {
    this(terms, SearchFilters.NONE);
  }

  /** A query naming no person. */
  public ParsedQuery(List<QueryTerm> terms, SearchFilters filters) {
    this(terms, filters, List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException if no part has a positive weight, unless there is no part at
   *     all and a person is named
   */
  public ParsedQuery {
    Objects.requireNonNull(filters, "filters");
    persons = List.copyOf(Objects.requireNonNull(persons, "persons"));
    excludedPersons = List.copyOf(Objects.requireNonNull(excludedPersons, "excludedPersons"));
    terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
    boolean listing = terms.isEmpty() && !persons.isEmpty();
    if (!listing && terms.stream().noneMatch(t -> t.weight() > 0)) {
      throw new IllegalArgumentException("a query needs at least one positive part, got " + terms);
    }
  }

  /**
   * Whether the query only names persons (and perhaps other filters): it asks for every photo of
   * them, newest first, with nothing to rank by.
   */
  public boolean isPersonListing() {
    return terms.isEmpty();
  }

  /**
   * The positive text prompts joined by spaces, for matching file names and folders (BM25); empty
   * if the query has none.
   */
  public String positiveText() {
    return terms.stream()
        .filter(t -> t.weight() > 0)
        .filter(t -> t instanceof QueryTerm.Text)
        .map(t -> ((QueryTerm.Text) t).text())
        .collect(Collectors.joining(" "));
  }

  /**
   * The ids of the positive {@code like:} parts, in the order typed: the images the person gave as
   * examples (a negative {@code -like:} steers away and is no example).
   */
  public List<String> exampleIds() {
    return terms.stream()
        .filter(t -> t.weight() > 0)
        .filter(t -> t instanceof QueryTerm.Like)
        .map(t -> ((QueryTerm.Like) t).imageId())
        .toList();
  }

  /** {@link Modality#TEXT} if any part is a text prompt (whatever its weight), else IMAGE. */
  public Modality modality() {
    return terms.stream().anyMatch(t -> t instanceof QueryTerm.Text)
        ? Modality.TEXT
        : Modality.IMAGE;
  }
}
