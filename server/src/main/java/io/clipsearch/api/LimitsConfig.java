package io.clipsearch.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * {@code clipsearch.limits.*}: bounds on what one request may ask (the upload size limit is
 * Micronaut's {@code micronaut.server.max-request-size}).
 *
 * @param maxQueryLength characters in a query
 * @param maxK results per request
 */
@ConfigurationProperties("clipsearch.limits")
public record LimitsConfig(@Positive int maxQueryLength, @Positive @Max(1000) int maxK) {}
