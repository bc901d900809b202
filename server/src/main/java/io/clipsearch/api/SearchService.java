package io.clipsearch.api;

import io.clipsearch.api.config.LimitsConfig;
import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.search.NoConfidentReason;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import io.clipsearch.search.Shape;
import io.clipsearch.search.SortOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Turns API search queries into {@link SearchRequest}s on the right collection and the results into
 * API results with image URLs; times every search. The one place that checks the server's
 * configured caps ({@link LimitsConfig}: query length, results per request). Thread-safe,
 * stateless.
 */
@Singleton
public class SearchService {

  private static final int DATE_LENGTH = "2024-06-01".length();

  private final CollectionService collections;
  private final LimitsConfig limits;
  private final Timer latency;

  public SearchService(CollectionService collections, LimitsConfig limits, MeterRegistry metrics) {
    this.collections = collections;
    this.limits = limits;
    this.latency =
        Timer.builder("clipsearch.search.latency")
            .description("search time, query embedding included")
            .publishPercentileHistogram()
            .register(metrics);
  }

  /**
   * Runs a search by text, {@code like:} id, uploaded image, or a mix.
   *
   * @param image encoded bytes to search by, or null
   * @throws IllegalArgumentException if the query or a parameter is invalid, or the image empty
   *     (400)
   * @throws ImageDecodeException if the uploaded image cannot be decoded (400)
   * @throws NotFoundException if the collection does not exist
   */
  public SearchResults search(SearchQuery query, byte[] image) throws ImageDecodeException {
    if (image != null && image.length == 0) {
      throw new IllegalArgumentException("send the image's bytes as the request body");
    }
    int limit = query.limit() == null ? SearchLimits.DEFAULT_LIMIT : query.limit();
    checkConfiguredLimits(query.q(), limit);
    OpenCollection collection = collections.get(query.collection());
    SearchRequest request =
        new SearchRequest(
            query.q(),
            image,
            filters(
                    query.from(),
                    query.to(),
                    query.folder(),
                    query.camera(),
                    query.shape(),
                    query.minSize(),
                    query.minRating(),
                    query.label(),
                    !Boolean.TRUE.equals(query.rejected()))
                .withIds(photosOf(collection, query.person())),
            query.sort() == null ? null : named("sort", SortOrder.class, query.sort()),
            query.offset() == null ? 0 : query.offset(),
            limit,
            query.hybrid() == null || query.hybrid() ? SearchMode.HYBRID : SearchMode.VECTOR,
            query.minScore(),
            query.cutoff() == null || query.cutoff());
    long start = System.nanoTime();
    SearchResponse response;
    try {
      response = collection.search().search(request);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "searching " + collection.name() + " failed: " + e.getMessage(), e);
    } finally {
      latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
    List<SearchResultHit> hits =
        response.hits().stream().map(h -> hit(h, collection.name())).toList();
    return new SearchResults(
        hits,
        response.confidentCount(),
        response.candidates(),
        response.threshold(),
        response.calibrated(),
        response.tookMillis(),
        collection.name(),
        response.noConfident().map(NoConfidentReason::apiName).orElse(null));
  }

  /**
   * The server's own caps ({@code clipsearch.limits}), which may be lower than the API's static
   * ones: they are checked here and only here. The static caps are constraints of {@link
   * SearchQuery} (checked when the request is bound), a search's own invariants are {@link
   * SearchRequest}'s.
   */
  private void checkConfiguredLimits(String q, int limit) {
    if (q != null && q.length() > limits.maxQueryLength()) {
      throw new IllegalArgumentException(
          "query is " + q.length() + " characters, the limit is " + limits.maxQueryLength());
    }
    if (limit > limits.maxK()) {
      throw new IllegalArgumentException(
          "limit must be at most " + limits.maxK() + ", got " + limit);
    }
  }

  /**
   * The photos of the persons named {@code person} in the collection (none if no person has that
   * name), or null when no person is asked for: the API's {@code person} filter.
   */
  static Set<String> photosOf(OpenCollection collection, String person) {
    return person == null || person.isBlank() ? null : collection.people().photosOf(person);
  }

  /**
   * A search's filters as the API names them, checked (browsing takes the same).
   *
   * @param hideRejected leave out photos whose XMP rating is -1 (rejected)
   */
  static SearchFilters filters(
      String from,
      String to,
      String folder,
      String camera,
      String shape,
      Integer minSize,
      Integer minRating,
      String label,
      boolean hideRejected) {
    return new SearchFilters(
        instant("from", from),
        instant("to", to),
        folder,
        camera,
        shape == null ? null : named("shape", Shape.class, shape),
        minSize,
        minRating,
        null,
        label,
        hideRejected);
  }

  /** An enum constant by its name in any case, or a 400 listing the accepted names. */
  static <E extends Enum<E>> E named(String parameter, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      throw new IllegalArgumentException(
          parameter + " must be one of " + names + ", got '" + value + "'");
    }
  }

  private static SearchResultHit hit(SearchHit h, String collection) {
    return new SearchResultHit(
        h.id(),
        h.path(),
        h.score(),
        h.confident(),
        h.textMatch(),
        h.matchedBy() == null ? null : h.matchedBy().apiName(),
        h.size(),
        h.width(),
        h.height(),
        h.date(),
        ImageUrls.thumbnail(h.id(), collection),
        ImageUrls.image(h.id(), collection));
  }

  /** A date ({@code 2024-06-01}, at UTC midnight) or an ISO-8601 instant, or null. */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Instant instant =
          value.length() == DATE_LENGTH
              ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(value);
      instant.toEpochMilli(); // the index stores milliseconds: a date beyond them is malformed
      return instant;
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name
              + " must be a date like 2024-06-01 or an instant like"
              + " 2024-06-01T12:00:00Z, got '"
              + value
              + "'");
    }
  }
}
