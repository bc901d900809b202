/**
 * Search, engine-neutral: the query language ({@link io.clipsearch.search.QueryParser}), query
 * vectors, filters, BM25 + vector rank fusion, the calibrated relevance cutoff, and {@link
 * io.clipsearch.search.SearchService}, the one entry point the API and the CLI call. What a search
 * needs of an engine is {@link io.clipsearch.search.SearchBackend}; the Lucene implementation is
 * in {@code io.clipsearch.lucene}. Knows nothing of HTTP.
 */
package io.clipsearch.search;
