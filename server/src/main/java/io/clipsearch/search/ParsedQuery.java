package io.clipsearch.search;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A query as {@link QueryParser} understood it: weighted parts, in the order typed, and the filters
 * typed with them. Immutable.
 *
 * @param terms at least one, at least one of them with a positive weight
 * @param filters the XMP filters typed ({@code rating>=4}, {@code label:red}); {@link
 *     SearchFilters#NONE} when none
 * @param persons the names typed as {@code person:Anna} or {@code person:"Anna Berg"}: the photos
 *     must show every one of them
 */
public record ParsedQuery(List<QueryTerm> terms, SearchFilters filters, List<String> persons) {

  /** A query without filters. */
  public ParsedQuery(List<QueryTerm> terms) {
    this(terms, SearchFilters.NONE);
  }

  /** A query naming no person. */
  public ParsedQuery(List<QueryTerm> terms, SearchFilters filters) {
    this(terms, filters, List.of());
  }

  /**
   * @throws IllegalArgumentException if no part has a positive weight
   */
  public ParsedQuery {
    Objects.requireNonNull(filters, "filters");
    persons = List.copyOf(Objects.requireNonNull(persons, "persons"));
    terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
    if (terms.stream().noneMatch(t -> t.weight() > 0)) {
      throw new IllegalArgumentException("a query needs at least one positive part, got " + terms);
    }
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
