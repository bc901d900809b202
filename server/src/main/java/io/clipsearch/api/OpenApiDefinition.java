package io.clipsearch.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header; the annotation processor writes {@code
 * META-INF/swagger/clipsearch-<version>.yml}, served at {@code /swagger/}.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "clipsearch",
            version = "0.1",
            description = "Multimodal image-text search with CLIP embeddings",
            license = @License(name = "see README")))
@SecurityScheme(name = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer")
final class OpenApiDefinition {

  /** The bearer-token scheme, required by every {@link Mutating} operation. */
  static final String BEARER = "bearer";

  private OpenApiDefinition() {}
}
