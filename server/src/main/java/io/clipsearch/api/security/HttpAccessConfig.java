package io.clipsearch.api.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code clipsearch.http.*}: which names this server answers to.
 *
 * @param allowedHosts host names (without port) accepted in the {@code Host} and {@code Origin}
 *     headers besides loopback names, IP addresses and the bound host; {@code *} accepts any (and
 *     gives up the DNS-rebinding protection)
 */
@ConfigurationProperties("clipsearch.http")
public record HttpAccessConfig(@Nullable List<String> allowedHosts) {}
