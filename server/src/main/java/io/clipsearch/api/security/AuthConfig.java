package io.clipsearch.api.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code clipsearch.auth.*}: the bearer tokens that guard the API, and whether reads need one.
 *
 * @param token the full token ({@code CLIPSEARCH_AUTH_TOKEN}); when empty, the one in {@code <data
 *     dir>/server-token}, written there (owner-only) at the first start
 * @param readToken a token that may search and view but change nothing ({@code
 *     CLIPSEARCH_AUTH_READ_TOKEN}), for kiosks and shared screens; when empty, the one in {@code
 *     <data dir>/server-read-token} if that file exists ({@code clipsearch token --read-only}
 *     creates it), else none
 * @param protectReads whether searches, images, embeddings and every other {@code /api} read need a
 *     token: {@code true}, {@code false}, or unset (null) to follow the bind address: open on
 *     loopback only, protected on any other address ({@link ReadAccess})
 */
@ConfigurationProperties("clipsearch.auth")
public record AuthConfig(
    @Nullable String token, @Nullable String readToken, @Nullable Boolean protectReads) {}
