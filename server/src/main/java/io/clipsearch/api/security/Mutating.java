package io.clipsearch.api.security;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes state (index jobs, collections, deletes, settings): it always
 * requires the full bearer token, whatever {@link ReadAccess} decided for reads; the read-only
 * token gets 403. The OpenAPI document says so too: each such operation requires the {@link
 * #SCHEME} security scheme, which {@code io.clipsearch.api.OpenApiDefinition} declares.
 */
@SecurityRequirement(name = Mutating.SCHEME)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Mutating {

  /** The name of the OpenAPI bearer-token security scheme these operations require. */
  String SCHEME = "bearer";
}
