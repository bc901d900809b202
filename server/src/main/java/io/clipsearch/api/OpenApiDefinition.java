package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
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
@SecurityScheme(name = Mutating.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer")
final class OpenApiDefinition {

  private OpenApiDefinition() {}
}
