/**
 * The embedded engine: everything that speaks Lucene. {@link io.clipsearch.lucene.VectorIndex} (one
 * index on disk per collection and model: the writer, near-real-time searchers, the commit data
 * that binds it to a model) implements {@code index.ImageIndex}; {@link
 * io.clipsearch.lucene.LuceneSearchBackend} implements {@code search.SearchBackend}, one {@link
 * io.clipsearch.lucene.LuceneSearchSession} on one held searcher ({@code VectorIndex.snapshot()})
 * per search, with {@link io.clipsearch.lucene.VectorSearch} (filtered HNSW kNN, exact re-scoring
 * of quantized formats), {@link io.clipsearch.lucene.TextSearch} (BM25 over names) and {@link
 * io.clipsearch.lucene.FilterQueries}; {@link io.clipsearch.lucene.LuceneKeywordAnalyzer} is the
 * keyword analysis (also handed to the Solr backend, whose configset mirrors it). The SolrCloud
 * engine ({@code io.clipsearch.solr}) is its sibling; nothing above these two packages imports
 * Lucene.
 */
package io.clipsearch.lucene;
