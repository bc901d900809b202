/**
 * Benchmarks run from the command line ({@code clipsearch bench}, {@code bench-index}, {@code
 * bench-http}, {@code bench-solr}, {@code bench-vectors}): figures for this machine, never
 * assertions in tests. The figures themselves are recorded in docs/BENCHMARKS.md.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.bench.ModelBenchmark}: a model's load time, images/s and text latency
 *       per engine, as a {@link io.clipsearch.bench.BenchResult}.
 *   <li>{@link io.clipsearch.bench.SearchBenchmark}: the vector index per vector format, on {@link
 *       io.clipsearch.bench.BenchInputs} that are {@link io.clipsearch.bench.SyntheticInputs}
 *       (clustered {@link io.clipsearch.bench.SyntheticVectors}), {@link
 *       io.clipsearch.bench.FileInputs} ({@code .npy}, {@code .fvecs}) or {@link
 *       io.clipsearch.bench.CollectionInputs}; recall against {@link
 *       io.clipsearch.bench.ExactNeighbours}, cached by {@link
 *       io.clipsearch.bench.GroundTruthCache}; rows printed by {@link
 *       io.clipsearch.bench.BenchTable}.
 *   <li>{@link io.clipsearch.bench.HttpSearchBenchmark} and {@link
 *       io.clipsearch.bench.SearchDuringIngest}: latency as a client of the real server sees it.
 *   <li>{@link io.clipsearch.bench.BackendBenchmark}: the SolrCloud backend against the embedded
 *       one.
 *   <li>File formats other ANN tools share: {@link io.clipsearch.bench.NpyFile}, {@link
 *       io.clipsearch.bench.VecsFile}, read by extension through {@link
 *       io.clipsearch.bench.VectorFiles} and written by {@link
 *       io.clipsearch.bench.BenchVectorFiles}.
 * </ol>
 *
 * <p>A search benchmark is inputs plus settings:
 *
 * <pre>{@code
 * BenchInputs inputs = SyntheticInputs.generate(...); // or FileInputs.load(...)
 * List<SearchBenchmark.Row> rows = new SearchBenchmark(settings, log).run(inputs);
 * }</pre>
 */
package io.clipsearch.bench;
