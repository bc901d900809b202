package io.clipsearch.model.image;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;
import java.util.Optional;

/**
 * Finds a distribution's shared library by its soname, trying the names in order, so that one build
 * runs against whichever major version the machine has (Debian 12 ships {@code libraw.so.20}, later
 * releases {@code libraw.so.23}).
 *
 * <p>A library found is loaded once, for the life of the process ({@link Arena#global()}): decoders
 * hold on to its symbols. Thread-safe.
 */
record NativeLibrary(String soname, SymbolLookup symbols) {

  /** The first of {@code sonames} the dynamic loader finds, or empty when none is installed. */
  static Optional<NativeLibrary> find(List<String> sonames) {
    for (String soname : sonames) {
      try {
        return Optional.of(
            new NativeLibrary(soname, SymbolLookup.libraryLookup(soname, Arena.global())));
      } catch (IllegalArgumentException notInstalled) {
        // the loader did not find this name: try the next one
      }
    }
    return Optional.empty();
  }

  /** Binds what a decoder calls from a library; throws when a function is missing. */
  @FunctionalInterface
  interface Binding<T> {
    T bind(NativeLibrary library) throws Throwable;
  }

  /**
   * The library bound by {@code binding}, or empty when none of {@code sonames} is installed or the
   * one found lacks a function we call (an older version than ours).
   */
  static <T> Optional<T> load(List<String> sonames, Binding<T> binding) {
    return find(sonames)
        .flatMap(
            library -> {
              try {
                return Optional.of(binding.bind(library));
              } catch (Throwable unusable) {
                return Optional.empty();
              }
            });
  }
}
