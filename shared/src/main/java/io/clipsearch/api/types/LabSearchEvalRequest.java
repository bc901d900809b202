package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A search evaluation of a collection ({@code POST /api/lab/search-eval}): judged queries run
 * through the served search pipeline in each mode, scored as {@code clipsearch lab search-eval}
 * scores them.
 *
 * @param collection the collection (null: the server's default)
 * @param queries 1 to {@value #MAX_QUERIES} judged queries
 * @param labels file name (with or without extension) to labels, for collections whose files do not
 *     sit in label folders (null: none)
 * @param modes the modes to compare, of {@code vector}, {@code keyword}, {@code hybrid} (null: all
 *     three)
 */
@Serdeable
public record LabSearchEvalRequest(
    @Nullable String collection,
    @NotNull @NotEmpty @Size(max = MAX_QUERIES) List<@NotNull @Valid Query> queries,
    @Nullable Map<String, List<String>> labels,
    @Nullable @Size(min = 1, max = 3) List<@NotBlank String> modes) {
  public static final int MAX_QUERIES = 1000;

  /**
   * One judged query.
   *
   * @param query the query as a person types it (query language included)
   * @param relevant what answers it: label folder names, labels, file names or image ids
   */
  @Serdeable
  public record Query(
      @NotBlank @Size(max = 1000) String query,
      @NotNull @NotEmpty @Size(max = 100_000) List<@NotBlank String> relevant) {}
}
