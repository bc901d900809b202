/**
 * The REST server (Micronaut): the only package that knows Micronaut, HTTP and SSE. A request goes
 * controller, service, the plain-Java packages below, and back as an {@code
 * io.clipsearch.api.types} record.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>Controllers ({@code *Controller}) are thin: bind and validate the request, make one service
 *       call, return an API record. They run on {@code TaskExecutors.BLOCKING} whenever they touch
 *       the model or an index; {@code HeavyRequests} bounds the slow ones (lab, clusters). A
 *       search's query string is bound by {@code SearchQueryBinder} into the same {@code
 *       SearchQuery} record a JSON body carries.
 *   <li>Services ({@code *Service}) map between the API's records and the packages below: {@link
 *       io.clipsearch.api.CollectionService} over {@code CollectionRegistry}, {@link
 *       io.clipsearch.api.JobService} over {@code IndexJobs} and its SSE streams, {@link
 *       io.clipsearch.api.ClusterService}, {@link io.clipsearch.api.ImageService}, {@link
 *       io.clipsearch.api.PlaceService}, {@link io.clipsearch.api.LabService}, {@link
 *       io.clipsearch.api.ModelService}, and {@link io.clipsearch.api.SearchService} (the search
 *       road, from {@code SearchController} to {@code io.clipsearch.search.HybridSearch}). Business
 *       rules live below, not here.
 *   <li>Factories turn configuration into the beans of the packages below and close them at
 *       shutdown, in dependency order: {@link io.clipsearch.api.ModelFactory}, {@code
 *       CollectionBeans}.
 *   <li>Sub-packages by role: {@code io.clipsearch.api.config} (the typed configuration records),
 *       {@code io.clipsearch.api.security} (tokens and the host check), {@code
 *       io.clipsearch.api.errors} (one error body for every failure).
 * </ol>
 *
 * <p>A controller method, whole:
 *
 * <pre>{@code
 * @Post("/clusters")
 * @Mutating
 * public ClusterList recompute(String name, @Nullable @QueryValue Integer k) {
 *   return clusters.clusters(name, k, true);
 * }
 * }</pre>
 */
package io.clipsearch.api;
