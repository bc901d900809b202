package io.clipsearch.search;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.index.FactsPage;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search façade the REST API and the CLI call: query text and/or image in, a page of ranked,
 * marked results out, the same over every {@link SearchBackend}.
 *
 * <p>One search: parse the query ({@link QueryParser}), build its unit vector ({@link
 * QueryVectorBuilder}), then, in one {@link SearchSession} (one point-in-time view of the index),
 * filtered kNN ({@link SearchSession#nearest}), BM25 over names when hybrid ({@link
 * SearchSession#keywords}), fused by reciprocal rank ({@link RankFusion}), each hit marked
 * confident against the per-query calibrated threshold ({@link RelevanceCutoff}, never below the
 * model's calibrated floor, {@link SearchSettings#matchFloor}) or the request's; names that hold
 * every word of the query and the images a {@code like:} names are confident by rule
 * (docs/SEARCH.md, "Confidence"). Confident hits come first, then optionally cut, ordered, paged.
 * Documents are loaded once each, by the session's document numbers and without their vectors: the
 * keyword hits' (to tell what they matched), then those of the page not loaded yet. It ranks {@code
 * max(offset + limit, minCandidates)} documents, or {@link SearchLimits#MAX_RESULTS} when sorting
 * by date (so the newest confident match is found, not the newest of one page). On an engine
 * without a point-in-time view, a document deleted between ranking and loading is left out of the
 * page.
 *
 * <p>A query that only names persons ({@code person:Anna}, perhaps with other filters; {@link
 * ParsedQuery#isPersonListing()}) and no uploaded image has nothing to rank by: it lists every
 * photo of them that passes the filters, newest first (date, then path; {@link
 * SearchSession#newest}), paged like any search, in the same response: no hit has a cosine to a
 * query, so every hit is {@code confident} by rule (the person's photos are what was asked for)
 * with score 0, the threshold is 0 and not calibrated, and {@code confidentCount} = {@code
 * candidates} = the photos listed (docs/SEARCH.md, "Person listings"). {@code sort} does not apply
 * to it.
 *
 * <p>Thread-safe; holds no per-request state. Does not own the backend or the model.
 */
public final class HybridSearch {

  /** Hits returned, marked weak, when none is confident: "no confident matches; closest:". */
  public static final int WEAK_HITS = 5;

  private final SearchBackend backend;
  private final SearchSettings settings;
  private final QueryParser parser = new QueryParser();
  private final PersonDirectory persons;
  private final QueryVectorBuilder vectors;
  private final FusionPolicy fusion;
  private final KeywordAnalyzer analyzer;
  private final TextMatcher matcher;
  private final RelevanceCutoff cutoff;

  /**
   * @throws IllegalArgumentException if a setting is out of range
   */
  public HybridSearch(SearchBackend backend, ClipModel model, SearchSettings settings) {
    this(backend, model, settings, PersonDirectory.NONE);
  }

  /**
   * @param persons where a query's {@code person:} names find their photos
   */
  public HybridSearch(
      SearchBackend backend, ClipModel model, SearchSettings settings, PersonDirectory persons) {
    this.persons = Objects.requireNonNull(persons, "persons");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.vectors = new QueryVectorBuilder(model);
    this.analyzer = backend.keywordAnalyzer();
    this.matcher = new TextMatcher(analyzer);
    this.fusion =
        new FusionPolicy(
            new RankFusion(settings.rrfK()), settings.vectorWeight(), settings.textWeight());
    this.cutoff = new RelevanceCutoff(settings.cutoffZ(), settings.backgroundSample());
  }

  /**
   * Runs one search.
   *
   * @throws IllegalArgumentException if the query is malformed (the message says where)
   * @throws UnknownImageException if a {@code like:} id is not indexed
   * @throws ImageDecodeException if the uploaded image cannot be decoded
   * @throws IOException if the index cannot be read
   */
  public SearchResponse search(SearchRequest request) throws IOException, ImageDecodeException {
    long start = System.nanoTime();
    try (SearchSession session = backend.session()) {
      return search(request, session, start);
    }
  }

  /**
   * The filters narrowed to the photos showing every person the query names (none if one is
   * unknown), without those showing a person it excludes.
   */
  private SearchFilters withPersons(SearchFilters filters, ParsedQuery query) {
    Set<String> excluded = new HashSet<>();
    query.excludedPersons().forEach(name -> excluded.addAll(persons.photosOf(name)));
    return withPersons(filters, query.persons()).excludingIds(excluded);
  }

  /** The filters narrowed to the photos showing every person named (none if one is unknown). */
  private SearchFilters withPersons(SearchFilters filters, List<String> names) {
    if (names.isEmpty()) {
      return filters;
    }
    // the request may already narrow to some photos (the API's person filter): both must hold
    Set<String> ids = filters.ids() == null ? null : new HashSet<>(filters.ids());
    for (String name : names) {
      Set<String> photos = persons.photosOf(name);
      if (ids == null) {
        ids = new HashSet<>(photos);
      } else {
        ids.retainAll(photos);
      }
    }
    return filters.withIds(ids);
  }

  private SearchResponse search(SearchRequest request, SearchSession session, long start)
      throws IOException, ImageDecodeException {
    Optional<ParsedQuery> parsed = Optional.ofNullable(request.query()).map(parser::parse);
    if (request.image() == null && parsed.filter(ParsedQuery::isPersonListing).isPresent()) {
      return personListing(request, parsed.get(), session, start);
    }
    Optional<ImageSource> upload =
        Optional.ofNullable(request.image()).map(b -> ImageSource.of("uploaded image", b));
    Map<String, ImageDoc> liked = new HashMap<>(); // each like: id, resolved once
    float[] query =
        vectors.build(
            parsed,
            upload,
            id -> {
              ImageDoc doc = ImageIds.resolve(session, id);
              liked.put(id, doc);
              return Optional.of(doc.vector());
            });
    List<ImageDoc> examples =
        parsed.map(ParsedQuery::exampleIds).orElse(List.of()).stream().map(liked::get).toList();
    Set<Path> examplePaths = examples.stream().map(ImageDoc::path).collect(Collectors.toSet());
    SearchFilters filters =
        parsed
            .map(p -> withPersons(request.filters().withXmpOf(p.filters()), p))
            .orElse(request.filters());
    String positive = parsed.map(ParsedQuery::positiveText).orElse("");
    String text = analyzer.keywords(positive);
    Set<String> terms = matcher.terms(text);
    int depth =
        request.sort() == SortOrder.RELEVANCE
            ? Math.max(request.offset() + request.limit(), settings.minCandidates())
            : SearchLimits.MAX_RESULTS;

    Modality modality = parsed.map(ParsedQuery::modality).orElse(Modality.IMAGE); // image upload
    List<ScoredImage> byVector =
        request.mode() == SearchMode.KEYWORD
            ? List.of()
            : session.nearest(query, depth, filters, modality);
    List<ScoredImage> byName =
        request.mode() == SearchMode.VECTOR || text.isBlank()
            ? List.of()
            : session.keywords(text, query, depth, filters);
    boolean calibrated = request.minScore() == null;
    double threshold =
        calibrated
            ? Math.max(
                settings.matchFloor(),
                cutoff.threshold(session, query, examples.stream().map(ImageDoc::vector).toList()))
            : request.minScore();

    Map<Path, ScoredImage> found = new HashMap<>();
    byName.forEach(h -> found.put(h.path(), h));
    byVector.forEach(h -> found.put(h.path(), h));
    // the keyword hits' documents, loaded once: for what each matched, and again for the page
    Map<Path, ImageFacts> loaded = new HashMap<>();
    if (!terms.isEmpty()) {
      session.facts(byName).forEach(d -> loaded.put(d.path(), d));
    }
    List<Path> named = new ArrayList<>();
    for (ScoredImage h : byName) {
      ImageFacts d = loaded.get(h.path());
      if (d != null && matcher.match(d, terms).filter(MatchedBy::named).isPresent()) {
        named.add(h.path());
      }
    }
    List<Path> ranked =
        fusion.rank(
            request.mode(),
            IdentifierQuery.matches(positive),
            paths(byVector),
            paths(byName),
            named);
    // confident by rule (docs/SEARCH.md, "Confidence"): a name that holds every word of the query,
    // and the images a like: names (an image is its own best match)
    Set<Path> byRule = new HashSet<>(named);
    byRule.addAll(examplePaths);

    List<Ranked> kept = new ArrayList<>();
    int confident = 0;
    for (Path p : ranked) {
      ScoredImage hit = found.get(p);
      boolean isConfident = byRule.contains(p) || hit.cosine() >= threshold;
      confident += isConfident ? 1 : 0;
      if (isConfident || !request.cutoff()) {
        kept.add(new Ranked(hit, isConfident));
      }
    }
    if (kept.isEmpty()) { // nothing confident: the closest few, marked weak, rather than nothing
      ranked.stream().limit(WEAK_HITS).forEach(p -> kept.add(new Ranked(found.get(p), false)));
    }
    if (request.sort() == SortOrder.RELEVANCE) { // confident first, each part in fused order
      kept.sort(Comparator.comparing(r -> !r.confident));
    } else {
      Comparator<Ranked> byDate = Comparator.comparingLong(r -> r.hit.dateMillis());
      kept.sort(request.sort() == SortOrder.DATE_ASC ? byDate : byDate.reversed());
    }

    int end = Math.min(kept.size(), request.offset() + request.limit());
    List<Ranked> page = kept.subList(Math.min(request.offset(), end), end);
    List<ScoredImage> unloaded =
        page.stream().map(r -> r.hit).filter(h -> !loaded.containsKey(h.path())).toList();
    session.facts(unloaded).forEach(d -> loaded.put(d.path(), d));
    List<SearchHit> hits = new ArrayList<>();
    for (Ranked r : page) {
      ImageFacts doc = loaded.get(r.hit.path());
      if (doc != null) {
        MatchedBy by = matcher.match(doc, terms).orElse(null);
        hits.add(
            new SearchHit(
                doc.id(),
                doc.path().toString(),
                r.hit.cosine(),
                r.confident,
                by,
                doc.size(),
                doc.width(),
                doc.height(),
                Instant.ofEpochMilli(doc.dateMillis())));
      }
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    Optional<NoConfidentReason> why =
        confident > 0
            ? Optional.empty()
            : Optional.of(
                NoConfidentReason.of(
                    ranked.isEmpty(),
                    // hiding rejected photos is the default, not a filter the person chose: an
                    // empty collection stays "empty"
                    !filters.hidingRejected(false).isEmpty(),
                    request.mode() == SearchMode.KEYWORD));
    return new SearchResponse(hits, confident, ranked.size(), threshold, calibrated, took, why);
  }

  /** Every photo of the persons a query names, newest first: nothing is ranked or embedded. */
  private SearchResponse personListing(
      SearchRequest request, ParsedQuery query, SearchSession session, long start)
      throws IOException {
    SearchFilters filters = withPersons(request.filters().withXmpOf(query.filters()), query);
    FactsPage page = session.newest(filters, request.offset(), request.limit());
    List<SearchHit> hits =
        page.facts().stream()
            .map(
                d ->
                    new SearchHit(
                        d.id(),
                        d.path().toString(),
                        0,
                        true,
                        MatchedBy.PERSON,
                        d.size(),
                        d.width(),
                        d.height(),
                        Instant.ofEpochMilli(d.dateMillis())))
            .toList();
    int total = Math.toIntExact(page.total());
    long took = (System.nanoTime() - start) / 1_000_000;
    // a person without photos here is what the filters (the person named) leave: never "empty",
    // which says the collection is
    Optional<NoConfidentReason> why =
        total > 0 ? Optional.empty() : Optional.of(NoConfidentReason.FILTERED);
    return new SearchResponse(hits, total, total, 0, false, took, why);
  }

  private static List<Path> paths(List<ScoredImage> hits) {
    return hits.stream().map(ScoredImage::path).toList();
  }

  private record Ranked(ScoredImage hit, boolean confident) {}
}
