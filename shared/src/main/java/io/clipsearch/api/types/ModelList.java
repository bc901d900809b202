package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer of {@code GET /api/models}.
 *
 * @param models the catalog first, then the bundled model and the other folders
 * @param modelsDir the folder models are pulled into, where a model can also be placed by hand
 * @param hub the address models are pulled from
 * @param active the name of the model searches use now
 * @param notice a remark for people (such as a configured model overriding the one chosen here), or
 *     null
 */
@Serdeable
public record ModelList(
    List<ModelEntry> models,
    String modelsDir,
    String hub,
    String active,
    @Nullable String notice) {}
