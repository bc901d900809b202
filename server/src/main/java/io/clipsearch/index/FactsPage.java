package io.clipsearch.index;

import java.util.List;

/**
 * One page of a listing of documents, without their vectors, and how many the whole listing holds.
 *
 * @param facts the page's documents, in the listing's order
 * @param total documents in the whole listing
 */
public record FactsPage(List<ImageFacts> facts, long total) {

  public FactsPage {
    facts = List.copyOf(facts);
  }
}
