package io.clipsearch.api;

import io.clipsearch.api.types.SearchQuery;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds the query string of {@code GET /api/search} and {@code POST /api/search/image} into the
 * {@link SearchQuery} that {@code POST /api/search} reads from its JSON body: one request type, one
 * set of constraints (validated by the controller's {@code @Valid}, so a bad value gets the same
 * 400 body whichever way it is sent). A query parameter has the name of the JSON field.
 *
 * <p>Why a binder of our own rather than Micronaut's {@code @RequestBean} or a {@code {?query*}}
 * template: the record lives in the shared module, which cannot carry {@code @QueryValue}, and
 * Micronaut converts any text but {@code true}, {@code yes}, {@code y} or {@code on} to {@code
 * false}, so {@code hybrid=maybe} would be read as {@code false}. Here the booleans are {@code
 * true} or {@code false} in any case, the numbers must parse, and anything else is a 400 naming the
 * parameter ({@link IllegalArgumentException}). Stateless and thread-safe.
 */
@Singleton
final class SearchQueryBinder implements TypedRequestArgumentBinder<SearchQuery> {

  private static final Argument<SearchQuery> TYPE = Argument.of(SearchQuery.class);

  @Override
  public Argument<SearchQuery> argumentType() {
    return TYPE;
  }

  /**
   * @throws IllegalArgumentException if a number does not parse or a boolean is not true or false
   */
  @Override
  public BindingResult<SearchQuery> bind(
      ArgumentConversionContext<SearchQuery> context, HttpRequest<?> request) {
    ConvertibleMultiValues<String> p = request.getParameters();
    SearchQuery query =
        new SearchQuery(
            p.get("q"),
            p.get("collection"),
            p.get("from"),
            p.get("to"),
            p.get("folder"),
            p.get("camera"),
            p.get("shape"),
            integer(p, "minSize"),
            p.get("sort"),
            integer(p, "offset"),
            integer(p, "limit"),
            bool(p, "hybrid"),
            number(p, "minScore"),
            bool(p, "cutoff"),
            integer(p, "minRating"),
            p.get("label"),
            bool(p, "rejected"),
            p.get("person"));
    return () -> Optional.of(query);
  }

  private static Integer integer(ConvertibleMultiValues<String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
    }
  }

  private static Double number(ConvertibleMultiValues<String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      double number = Double.parseDouble(value);
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below, as NaN and infinities are
    }
    throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
  }

  private static Boolean bool(ConvertibleMultiValues<String> p, String name) {
    String value = p.get(name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    };
  }
}
