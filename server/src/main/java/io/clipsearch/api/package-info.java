/**
 * The REST server (Micronaut): the only package that knows Micronaut, HTTP and SSE.
 *
 * <ul>
 *   <li>Controllers ({@code *Controller}) are thin: bind and validate the request, make one service
 *       call, return an {@code io.clipsearch.api.types} record. They run on {@code
 *       TaskExecutors.BLOCKING} whenever they touch the model or an index.
 *   <li>Services map between the API's records and the plain-Java packages below: {@link
 *       io.clipsearch.api.CollectionService} over {@link
 *       io.clipsearch.collection.CollectionRegistry}, {@link io.clipsearch.api.JobService} over
 *       {@link io.clipsearch.ingest.IndexJobs} (and the SSE progress streams), {@code
 *       SearchService}, {@code ClusterService}, {@code ImageService}, {@code LabApi}. Business
 *       rules live below, not here.
 *   <li>Configuration is typed records ({@code ModelConfig}, {@link io.clipsearch.api.DataConfig},
 *       {@link io.clipsearch.api.BackendConfig}, {@code AuthConfig}, {@code LimitsConfig}, ...);
 *       factories ({@code ModelFactory}, {@code CollectionBeans}) turn them into the beans of the
 *       plain-Java packages and close those at shutdown, in dependency order.
 *   <li>Errors: services throw domain exceptions; one {@code ExceptionHandler} per type maps each
 *       to its status and an {@code ApiError} body ({@code ApiErrorResponseProcessor} does the same
 *       for Micronaut's own errors).
 *   <li>Security: {@code BearerTokenFilter} guards {@code @Mutating} endpoints with the full token,
 *       and reads with the full or read-only token when {@code ReadAccess} says so (bound off
 *       loopback, or configured); {@code HostFilter} refuses unexpected Host headers.
 * </ul>
 */
package io.clipsearch.api;
