package io.clipsearch.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code clipsearch.auth.*}: the bearer token that guards the API.
 *
 * @param token the token ({@code CLIPSEARCH_AUTH_TOKEN}); when empty, one is generated at start
 *     and written to {@code <data dir>/server-token}, readable only by its owner
 * @param protectReads whether searches, images and embeddings need the token too
 */
@ConfigurationProperties("clipsearch.auth")
public record AuthConfig(@Nullable String token, boolean protectReads) {}
