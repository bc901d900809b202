/**
 * Benchmarks run from the command line ({@code clipsearch bench}): figures for this machine, never
 * assertions in tests.
 */
package io.clipsearch.bench;
