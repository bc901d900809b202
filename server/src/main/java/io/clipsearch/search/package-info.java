/**
 * Search: the query language ({@link io.clipsearch.search.QueryParser}), query vectors, filters,
 * filtered kNN with exact re-scoring, BM25 + vector rank fusion, the calibrated relevance cutoff,
 * and {@link io.clipsearch.search.SearchService}, the one entry point the API and the CLI call.
 * Sits on {@code index} and {@code model}; knows nothing of HTTP.
 */
package io.clipsearch.search;
