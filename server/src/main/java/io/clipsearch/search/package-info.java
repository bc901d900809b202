/**
 * Search, engine-neutral: the query language ({@link io.clipsearch.search.QueryParser}), query
 * vectors, filters, BM25 + vector rank fusion, the calibrated relevance cutoff, and {@link
 * io.clipsearch.search.HybridSearch}, the one entry point the API and the CLI call. What a search
 * needs of an engine is {@link io.clipsearch.search.SearchBackend}: one {@link
 * io.clipsearch.search.SearchSession} (one point-in-time view) per search and the engine's {@link
 * io.clipsearch.search.KeywordAnalyzer}; the implementations are in {@code io.clipsearch.lucene}
 * and {@code io.clipsearch.solr}. Imports no engine; knows nothing of HTTP.
 */
package io.clipsearch.search;
