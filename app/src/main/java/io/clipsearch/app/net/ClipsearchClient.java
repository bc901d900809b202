package io.clipsearch.app.net;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The typed client of the clipsearch REST API ({@code docs/API.md}), used in both embedded and
 * remote mode: one code path, over HTTP.
 *
 * <p>Every call blocks: call it off the EDT. Interrupting the calling thread abandons the request
 * (the stale searches of a fast typist are cancelled this way). Failures are {@link ApiException}
 * (the server's message) or {@link ServerUnreachableException}. A request the server refuses for
 * its token (401) is sent again with the token {@link Credentials#renew} gives (in remote mode, the
 * one the user typed), until it is accepted or renewing gives up.
 *
 * <p>Thread-safe: {@link HttpClient} and the configured {@link ObjectMapper} are.
 */
public final class ClipsearchClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int UNAUTHORIZED = 401;

  private final URI base;
  private final Credentials credentials;
  private final HttpClient http;
  private final ObjectMapper json;

  /**
   * @param base the server, e.g. {@code http://127.0.0.1:8080}
   * @param token the bearer token; null or blank for none (reads on a loopback server)
   * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URI
   */
  public ClipsearchClient(URI base, String token) {
    this(base, Credentials.fixed(token));
  }

  /**
   * @param base the server, e.g. {@code http://127.0.0.1:8080}
   * @param credentials the bearer token, and a new one when the server refuses it
   * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URI
   */
  public ClipsearchClient(URI base, Credentials credentials) {
    Objects.requireNonNull(base, "base");
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("server must be an http(s) URL, got " + base);
    }
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.json = mapper();
  }

  /** The JSON mapper for the API types: ISO instants, unknown fields ignored, nulls left out. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /** The server's base address. */
  public URI base() {
    return base;
  }

  /** {@code GET /api/collections/{name}/cameras}: the cameras to pick from, by name. */
  public List<String> cameras(String collection) {
    return send(
        request("/api/collections/" + ApiUrl.encode(collection) + "/cameras").GET().build(),
        json.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  /**
   * {@code GET /api/collections/{name}/photos}: the query's collection without a query, a page at a
   * time, newest first or as the query sorts by date, with the query's filters ({@code q} is
   * ignored).
   */
  public SearchResults browse(SearchQuery query) {
    ApiUrl url =
        ApiUrl.of("/api/collections")
            .segment(query.collection())
            .path("/photos")
            .param("offset", query.offset())
            .param("limit", query.limit());
    filterParams(url, query);
    return send(request(url.toString()).GET().build(), SearchResults.class);
  }

  /** {@code GET /api/collections/{name}/places}: a page of the photos' GPS positions. */
  public PlaceList places(String collection, int offset, int limit) {
    ApiUrl url =
        ApiUrl.of("/api/collections")
            .segment(collection)
            .path("/places")
            .param("offset", offset)
            .param("limit", limit);
    return send(request(url.toString()).GET().build(), PlaceList.class);
  }

  /**
   * {@code GET /api/collections/{name}/places/photos}: the photos taken inside {@code bbox} ({@code
   * west,south,east,north}), newest first, a page at a time.
   */
  public SearchResults photosIn(String collection, String bbox, int offset, int limit) {
    ApiUrl url =
        ApiUrl.of("/api/collections")
            .segment(collection)
            .path("/places/photos")
            .param("bbox", bbox)
            .param("offset", offset)
            .param("limit", limit);
    return send(request(url.toString()).GET().build(), SearchResults.class);
  }

  /**
   * {@code GET /api/collections/{name}/people?hidden=}: the persons, each with its first faces;
   * hidden ones too if {@code withHidden}.
   */
  public PeopleList people(String collection, boolean withHidden) {
    ApiUrl url =
        ApiUrl.of("/api/collections")
            .segment(collection)
            .path("/people")
            .param("hidden", withHidden);
    return send(request(url.toString()).GET().build(), PeopleList.class);
  }

  /** {@code POST /api/collections/{name}/people/{id}}: names, hides, merges or splits (token). */
  public PersonInfo changePerson(String collection, int id, PersonChange change) {
    String url = ApiUrl.of("/api/collections").segment(collection).path("/people/" + id).toString();
    return send(jsonPost(url, change), PersonInfo.class);
  }

  /**
   * {@code DELETE /api/collections/{name}/people/{id}} (token): the person and its faces'
   * descriptors and crops; the photos stay.
   */
  public void deletePerson(String collection, int id) {
    String url = ApiUrl.of("/api/collections").segment(collection).path("/people/" + id).toString();
    sendDiscarding(request(url).DELETE().build());
  }

  /** {@code POST /api/search}. */
  public SearchResults search(SearchQuery query) {
    return send(jsonPost("/api/search", query), SearchResults.class);
  }

  /**
   * {@code POST /api/search/image}: search by example; the query's text, filters, sort and paging
   * travel as URL parameters.
   */
  public SearchResults searchByImage(byte[] image, SearchQuery query) {
    ApiUrl url =
        ApiUrl.of("/api/search/image")
            .param("q", query.q())
            .param("collection", query.collection());
    filterParams(url, query);
    url.param("offset", query.offset())
        .param("limit", query.limit())
        .param("hybrid", query.hybrid())
        .param("minScore", query.minScore())
        .param("cutoff", query.cutoff());
    HttpRequest request =
        request(url.toString())
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(image))
            .build();
    return send(request, SearchResults.class);
  }

  /** The query's filters and sort, the same for browsing and for search by example. */
  private static void filterParams(ApiUrl url, SearchQuery query) {
    url.param("from", query.from())
        .param("to", query.to())
        .param("folder", query.folder())
        .param("camera", query.camera())
        .param("shape", query.shape())
        .param("minSize", query.minSize())
        .param("sort", query.sort())
        .param("minRating", query.minRating())
        .param("label", query.label())
        .param("rejected", query.rejected())
        .param("person", query.person());
  }

  /**
   * The bytes behind a relative URL of the API (a hit's {@code thumbnailUrl} or {@code imageUrl}).
   */
  public byte[] bytes(String relativeUrl) {
    HttpResponse<byte[]> response =
        exchange(request(relativeUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 400) {
      throw error(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /**
   * The relative URL of an image's thumbnail ({@code GET /api/images/{id}/thumbnail}), for {@link
   * #bytes}: what a map point, which carries no URL of its own, is shown with.
   */
  public static String thumbnailUrl(String imageId, String collection) {
    return imageUrl(imageId, "/thumbnail", collection);
  }

  /** {@code /api/images/{id}{tail}?collection=}. */
  private static String imageUrl(String imageId, String tail, String collection) {
    return ApiUrl.of("/api/images")
        .segment(imageId)
        .path(tail)
        .param("collection", collection)
        .toString();
  }

  /** {@code GET /api/images/{id}/info}. */
  public ImageDetails info(String id, String collection) {
    return send(request(imageUrl(id, "/info", collection)).GET().build(), ImageDetails.class);
  }

  /** {@code GET /api/collections}. */
  public List<CollectionInfo> collections() {
    return send(
        request("/api/collections").GET().build(),
        json.getTypeFactory().constructCollectionType(List.class, CollectionInfo.class));
  }

  /** {@code POST /api/collections}: creates a collection, or adds roots to an existing one. */
  public CollectionInfo createCollection(CreateCollectionRequest body) {
    return send(jsonPost("/api/collections", body), CollectionInfo.class);
  }

  /**
   * {@code DELETE /api/collections/{name}/roots?path=}: stops indexing a folder; its images leave
   * the index (the photos stay).
   */
  public CollectionInfo removeFolder(String collection, String folder) {
    return send(
        request(
                ApiUrl.of("/api/collections")
                    .segment(collection)
                    .path("/roots")
                    .param("path", folder)
                    .toString())
            .DELETE()
            .build(),
        CollectionInfo.class);
  }

  /** {@code DELETE /api/collections/{name}}: its index, never the photos. */
  public void deleteCollection(String name) {
    sendDiscarding(request("/api/collections/" + ApiUrl.encode(name)).DELETE().build());
  }

  /** {@code POST /api/collections/{name}/jobs}: starts indexing. */
  public JobInfo startJob(String collection) {
    return send(
        request("/api/collections/" + ApiUrl.encode(collection) + "/jobs")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        JobInfo.class);
  }

  /** {@code GET /api/models}: the catalog, the bundled model and the folders, with their states. */
  public ModelList models() {
    return send(request("/api/models").GET().build(), ModelList.class);
  }

  /**
   * {@code POST /api/models/{name}/pull} (token): starts a pull, or returns the running one's
   * status.
   */
  public PullStatus pull(String model) {
    return send(
        request(modelUrl(model, "/pull")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        PullStatus.class);
  }

  /** {@code GET /api/models/{name}/pull}. */
  public PullStatus pullStatus(String model) {
    return send(request(modelUrl(model, "/pull")).GET().build(), PullStatus.class);
  }

  /** {@code DELETE /api/models/{name}/pull} (token): stops it; the next pull resumes. */
  public PullStatus cancelPull(String model) {
    return send(request(modelUrl(model, "/pull")).DELETE().build(), PullStatus.class);
  }

  /** {@code POST /api/models/{name}/activate} (token): switches the library in the background. */
  public ActivationStatus activate(String model) {
    return send(
        request(modelUrl(model, "/activate")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        ActivationStatus.class);
  }

  /** {@code GET /api/models/activation}: the latest switch. */
  public ActivationStatus activation() {
    return send(request("/api/models/activation").GET().build(), ActivationStatus.class);
  }

  /** {@code DELETE /api/models/activation} (token): stops the switch; the old model stays. */
  public ActivationStatus cancelActivation() {
    return send(request("/api/models/activation").DELETE().build(), ActivationStatus.class);
  }

  private static String modelUrl(String model, String tail) {
    return "/api/models/" + ApiUrl.encode(model) + tail;
  }

  /** {@code GET /api/jobs/{id}}. */
  public JobInfo job(String id) {
    return send(request("/api/jobs/" + ApiUrl.encode(id)).GET().build(), JobInfo.class);
  }

  /** {@code DELETE /api/jobs/{id}}: cancels; the job commits what it has written. */
  public void cancelJob(String id) {
    sendDiscarding(request("/api/jobs/" + ApiUrl.encode(id)).DELETE().build());
  }

  /** {@code GET /api/jobs/{id}/report}. */
  public JobReport report(String id) {
    return send(
        request("/api/jobs/" + ApiUrl.encode(id) + "/report").GET().build(), JobReport.class);
  }

  /**
   * {@code GET /api/collections/{name}/clusters}: the current clusters (computed on first call).
   *
   * @param k null keeps the server's current choice; 0 clusters with an automatic k
   */
  public ClusterList clusters(String collection, Integer k) {
    return send(request(clustersUrl(collection, k)).GET().build(), ClusterList.class);
  }

  /** {@code POST /api/collections/{name}/clusters}: re-fits from scratch (needs the token). */
  public ClusterList recomputeClusters(String collection, Integer k) {
    return send(
        request(clustersUrl(collection, k)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        ClusterList.class);
  }

  private static String clustersUrl(String collection, Integer k) {
    return ApiUrl.of("/api/collections")
        .segment(collection)
        .path("/clusters")
        .param("k", k)
        .toString();
  }

  /**
   * {@code GET /api/collections/{name}/map}: at most {@code limit} points inside the box.
   *
   * @param bbox {@code minX, minY, maxX, maxY} in map coordinates [0, 1]; null for the whole map
   * @param method {@code auto}, {@code umap}, {@code pca}; null for the server's default
   */
  public CollectionMapView map(String collection, double[] bbox, int limit, String method) {
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 numbers, got " + bbox.length);
    }
    ApiUrl url =
        ApiUrl.of("/api/collections")
            .segment(collection)
            .path("/map")
            .param(
                "bbox",
                bbox == null
                    ? null
                    : String.format(
                        Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", bbox[0], bbox[1], bbox[2], bbox[3]))
            .param("limit", limit)
            .param("method", method);
    return send(request(url.toString()).GET().build(), CollectionMapView.class);
  }

  /** {@code GET /api/model}. */
  public ModelDescription model() {
    return send(request("/api/model").GET().build(), ModelDescription.class);
  }

  /**
   * Follows {@code GET /api/jobs/{id}/events}: calls {@code listener} with each {@code progress}
   * event, on the calling thread, and returns when the job ends (the stream closes) or the thread
   * is interrupted.
   */
  public void followJob(String id, Consumer<IngestStatus> listener) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/jobs/" + ApiUrl.encode(id) + "/events"))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() >= 400) {
        throw error(response.statusCode(), String.join("\n", lines.toList()));
      }
      SseParser parser = new SseParser();
      var it = lines.iterator();
      while (it.hasNext() && !Thread.currentThread().isInterrupted()) {
        Optional<SseParser.Event> event = parser.feed(it.next());
        if (event.isPresent() && "progress".equals(event.get().name())) {
          listener.accept(read(event.get().data(), json.constructType(IngestStatus.class)));
        }
      }
    } catch (UncheckedIOException e) {
      throw new ServerUnreachableException(base, e.getCause());
    }
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
  }

  private HttpRequest jsonPost(String path, Object body) {
    try {
      return request(path)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
    }
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    return send(request, json.constructType(type));
  }

  private <T> T send(HttpRequest request, JavaType type) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw error(response.statusCode(), response.body());
    }
    return read(response.body(), type);
  }

  private void sendDiscarding(HttpRequest request) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw error(response.statusCode(), response.body());
    }
  }

  /**
   * Sends {@code request} with the token, and again with a renewed one while the server refuses it.
   */
  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    // a refusal's body is dropped, so a streamed body (SSE) is never left open
    HttpResponse.BodyHandler<T> unlessRefused =
        info ->
            info.statusCode() == UNAUTHORIZED
                ? HttpResponse.BodySubscribers.replacing(null)
                : handler.apply(info);
    String token = credentials.token();
    HttpResponse<T> response = sendOnce(withToken(request, token), unlessRefused);
    while (response.statusCode() == UNAUTHORIZED) {
      Optional<String> renewed = credentials.renew(token);
      if (renewed.isEmpty()) {
        throw new ApiException(
            new ApiError(
                UNAUTHORIZED,
                "unauthorized",
                "The server at "
                    + base
                    + " needs its token (on the server, `clipsearch token` prints it)."));
      }
      token = renewed.get();
      response = sendOnce(withToken(request, token), unlessRefused);
    }
    return response;
  }

  private static HttpRequest withToken(HttpRequest request, String token) {
    return token == null
        ? request
        : HttpRequest.newBuilder(request, (name, value) -> true)
            .header("Authorization", "Bearer " + token)
            .build();
  }

  private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(base, new InterruptedIOException("request cancelled"));
    } catch (IOException e) {
      throw new ServerUnreachableException(base, e);
    }
  }

  private <T> T read(String body, JavaType type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ServerUnreachableException(
          base, new IOException("unreadable response: " + e.getOriginalMessage(), e));
    }
  }

  private ApiException error(int status, String body) {
    try {
      ApiError error = json.readValue(body, ApiError.class);
      if (error.message() != null) {
        return new ApiException(error);
      }
      return new ApiException(
          new ApiError(status, "http_" + status, "the server answered HTTP " + status));
    } catch (JsonProcessingException e) {
      // not an ApiError body (a proxy's page): say what came back
      String start = body.length() > 120 ? body.substring(0, 120) + "…" : body;
      return new ApiException(
          new ApiError(
              status,
              "http_" + status,
              "the server answered HTTP " + status + ": " + start.strip()));
    }
  }
}
