package io.clipsearch.search;

import java.util.Set;

/**
 * The photos of the persons a collection's people named: what a query's {@code person:Anna} narrows
 * a search to. Implemented over the collection's persons ({@code people.People}); search knows
 * nothing else of faces. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PersonDirectory {

  /** A collection without persons: every name has no photos. */
  PersonDirectory NONE = name -> Set.of();

  /**
   * The content ids of the photos of every person named {@code name} (case ignored); none if no
   * person has that name.
   */
  Set<String> photosOf(String name);
}
