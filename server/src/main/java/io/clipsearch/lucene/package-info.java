/**
 * The embedded engine: everything that speaks Lucene. Nothing above this package and its sibling
 * {@code io.clipsearch.solr} imports Lucene.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.lucene.VectorIndex}: the write side ({@code index.ImageIndex}), one
 *       index on disk per collection and model: the {@code IndexWriter}, the near-real-time {@code
 *       SearcherManager}, the commit data that binds it to a model. Beside it, one job each: {@link
 *       io.clipsearch.lucene.BackgroundMerge} (merges a fragmented index) and {@link
 *       io.clipsearch.lucene.IndexWarmer} (reads its files into the page cache).
 *   <li>{@link io.clipsearch.lucene.LuceneSearchBackend}: the read side ({@code
 *       search.SearchBackend}); each session is a {@link io.clipsearch.lucene.LuceneSearchSession}
 *       on one held searcher ({@code VectorIndex.snapshot()}).
 *   <li>What a session runs: {@link io.clipsearch.lucene.VectorSearch} (filtered HNSW kNN, exact
 *       re-scoring of quantized formats), {@link io.clipsearch.lucene.TextSearch} (BM25 over
 *       names), {@link io.clipsearch.lucene.FilterQueries} (filters inside the graph walk), {@link
 *       io.clipsearch.lucene.NewestFirst} (browsing by date).
 *   <li>Formats: {@link io.clipsearch.lucene.ImageDocuments} (documents to and from {@code
 *       ImageDoc}), {@link io.clipsearch.lucene.KnnFormats} (the HNSW codec per vector format),
 *       {@link io.clipsearch.lucene.LuceneKeywordAnalyzer} (the keyword analysis, also handed to
 *       the Solr engine, whose configset mirrors it).
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (VectorIndex index = VectorIndex.open(dir, space, VectorFormat.INT8)) {
 *   LuceneSearchBackend backend = new LuceneSearchBackend(index, oversample);
 *   try (SearchSession session = backend.session()) {   // one searcher, released on close
 *     List<ScoredImage> top = session.nearest(query, 10, SearchFilters.NONE);
 *   }
 * }
 * }</pre>
 */
package io.clipsearch.lucene;
