package io.clipsearch.api.config;

import io.clipsearch.api.types.SearchLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * {@code clipsearch.limits.*}: bounds on what one request may ask, {@link SearchLimits}' unless
 * configured lower (the upload size limit is Micronaut's {@code
 * micronaut.server.max-request-size}).
 *
 * @param maxQueryLength characters in a query
 * @param maxK results per request (search and browse)
 */
@ConfigurationProperties("clipsearch.limits")
public record LimitsConfig(
    @Bindable(defaultValue = "" + SearchLimits.MAX_QUERY_CHARS)
        @Positive @Max(SearchLimits.MAX_QUERY_CHARS) int maxQueryLength,
    @Bindable(defaultValue = "" + SearchLimits.MAX_RESULTS) @Positive @Max(SearchLimits.MAX_RESULTS) int maxK) {}
