package io.clipsearch.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes state (index jobs, collections, deletes, settings): it always
 * requires the full bearer token, whatever {@link ReadAccess} decided for reads; the read-only
 * token gets 403. The OpenAPI document says so too: each such operation requires the {@code bearer}
 * scheme of {@link OpenApiDefinition}.
 */
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Mutating {}
