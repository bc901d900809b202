/**
 * The server's typed configuration: one immutable, constraint-checked record per block of {@code
 * application.yml}, bound by Micronaut at start (environment variables and {@code clipsearch serve}
 * options override the file).
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.api.config.DataConfig} ({@code clipsearch.data}): the data folder, the
 *       default collection, the vector format of new collections.
 *   <li>{@link io.clipsearch.api.config.ModelConfig} ({@code clipsearch.model}): which model,
 *       where, on which engine.
 *   <li>{@link io.clipsearch.api.config.BackendConfig} ({@code clipsearch.backend}): Lucene on disk
 *       or a Solr cluster.
 *   <li>{@link io.clipsearch.api.config.LimitsConfig} ({@code clipsearch.limits}): the bounds of a
 *       request (query length, results per request, ...).
 *   <li>{@link io.clipsearch.api.config.ImageAccessConfig} ({@code clipsearch.images}): whether
 *       photos may be served through links that leave their roots.
 * </ol>
 *
 * <p>The access records ({@code AuthConfig}, {@code HttpAccessConfig}) live in {@code
 * io.clipsearch.api.security} beside the filters that read them. A bean asks for its block by type:
 *
 * <pre>{@code
 * public CollectionService(DataConfig data, CollectionRegistry registry, JobService jobs) {
 *   this.data = data; // data.defaultCollection(): where a request that names none goes
 *   ...
 * }
 * }</pre>
 */
package io.clipsearch.api.config;
