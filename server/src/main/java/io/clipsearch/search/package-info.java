/**
 * Search, engine-neutral: the read side of an index and the one road of a query.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.search.SearchBackend}: an engine's read side, as Lucene's {@code
 *       SearcherManager}; it opens every {@link io.clipsearch.search.SearchSession}.
 *   <li>{@link io.clipsearch.search.SearchSession}: every read of an index, as Lucene's {@code
 *       IndexSearcher}, over one point-in-time view where the engine has one: filtered kNN ({@code
 *       nearest}), BM25 ({@code keywords}), the background sample, a ranked page's documents,
 *       look-ups by id or path, file states for ingest, listings. Ranked results are {@link
 *       io.clipsearch.search.ScoredImage}s carrying the session's handle on the document.
 *   <li>{@link io.clipsearch.search.SearchRequest}: one search (query text and/or image, filters,
 *       sort, page, mode, cutoff), validated once when built.
 *   <li>{@link io.clipsearch.search.HybridSearch}: runs a request in one session: {@link
 *       io.clipsearch.search.QueryParser} (the query language) and {@link
 *       io.clipsearch.search.QueryVectorBuilder} (the query's unit vector), kNN and BM25, {@link
 *       io.clipsearch.search.RankFusion} via {@link io.clipsearch.search.FusionPolicy}, {@link
 *       io.clipsearch.search.RelevanceCutoff}, then the page. Out comes a {@link
 *       io.clipsearch.search.SearchResponse} of {@link io.clipsearch.search.SearchHit}s.
 *   <li>{@link io.clipsearch.search.SearchSettings}: its tuning, calibrated per model.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * HybridSearch search = new HybridSearch(backend, model, SearchSettings.DEFAULTS);
 * SearchResponse r = search.search(SearchRequest.of("osprey at sunset").withPage(0, 20));
 *
 * try (SearchSession session = backend.session()) {  // a read of its own
 *   Optional<ImageDoc> doc = session.findById(r.hits().getFirst().id());
 * }
 * }</pre>
 *
 * <p>The engines are in {@code io.clipsearch.lucene} and {@code io.clipsearch.solr}. Imports no
 * engine; knows nothing of HTTP.
 */
package io.clipsearch.search;
