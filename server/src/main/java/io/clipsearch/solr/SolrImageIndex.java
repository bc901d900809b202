package io.clipsearch.solr;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.index.FactsPage;
import io.clipsearch.index.FileState;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.IndexStats;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.search.KeywordAnalyzer;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.util.VectorUtil;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clipsearch collection on SolrCloud: its {@link ImageIndex}, the write side; {@link
 * SolrSearchBackend} opens its sessions, whose requests this class builds. Documents are those of
 * the embedded index (same fields, {@link SolrDocuments}), keyed by path (Solr's uniqueKey), so
 * re-sending an image replaces it on whichever shard owns it.
 *
 * <p>Writes are buffered and sent in bulk ({@link SolrSettings#batchSize()} documents per request,
 * with {@code commitWithin}); {@link #commit()} sends the rest and hard-commits (durable on every
 * replica's transaction log before that already). Reads by key use real-time get, so an image sent
 * is found at once. kNN is Solr's {@code knn} parser with the filters as {@code fq} (pre-filters of
 * the graph search), asking each shard for {@code max(k, 100)} candidates as the embedded search
 * does; BM25 runs on the same {@code text} field with the same analysis. The background sample for
 * the cutoff is the first {@code n} documents in content-hash order (a repeatable, unbiased
 * sample), kept for {@value #SAMPLE_TTL_MS} ms. A search session is a series of requests (Solr
 * keeps no point-in-time view between them); the page's documents come by real-time get without
 * their vectors. Keyword terms are analyzed locally by the {@link KeywordAnalyzer} given, which
 * must match the configset's {@code text} analysis.
 *
 * <p>Failover is SolrJ's: queries go to live replicas of each shard as ZooKeeper reports them,
 * updates to each shard's leader (a new one is elected when a node dies); reads that fail anyway (a
 * node dying mid-response) are retried up to {@value #READ_ATTEMPTS} times. Thread-safe. Does not
 * own the client.
 */
public final class SolrImageIndex implements ImageIndex {

  private static final Logger log = LoggerFactory.getLogger(SolrImageIndex.class);

  /** Characters of ids one real-time get may carry in its URL. */
  private static final int MAX_GET_URL_CHARS = 6_000;

  static final long SAMPLE_TTL_MS = 30_000;
  private static final int PAGE = 500;
  private static final int MIN_CANDIDATES = 100;
  private static final int READ_ATTEMPTS = 4;

  private final CloudSolrClient client;
  private final String collection;
  private final VectorSpace space;
  private final SolrSettings settings;
  private final KeywordAnalyzer analyzer;
  private final List<SolrInputDocument> pending = new ArrayList<>(); // guarded by itself
  private volatile Sample sample;

  private record Sample(long count, long madeAt, float[][] vectors) {}

  private SolrImageIndex(
      CloudSolrClient client,
      String collection,
      VectorSpace space,
      SolrSettings settings,
      KeywordAnalyzer analyzer) {
    this.client = client;
    this.collection = collection;
    this.space = space;
    this.settings = settings;
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /**
   * Opens an existing collection made for {@code space}.
   *
   * @param analyzer analyzes keyword text as the configset's {@code text} field does
   * @throws IllegalArgumentException if there is no such collection
   * @throws IndexMismatchException if it was made for another model
   * @throws IOException if Solr cannot be reached, or its schema, made by an older version, cannot
   *     be brought up to date
   */
  public static SolrImageIndex open(
      CloudSolrClient client,
      String collection,
      VectorSpace space,
      SolrSettings settings,
      KeywordAnalyzer analyzer)
      throws IOException {
    Objects.requireNonNull(client, "client");
    SolrCollections.check(client, collection, space);
    List<String> added = SolrCollections.upgradeSchema(client, collection, space);
    if (!added.isEmpty()) {
      log.info("Solr collection {}: schema brought up to date, added {}", collection, added);
    }
    return new SolrImageIndex(client, collection, space, settings, analyzer);
  }

  /** How keyword text is analyzed, as the configset's {@code text} field does. */
  KeywordAnalyzer keywordAnalyzer() {
    return analyzer;
  }

  @Override
  public VectorSpace space() {
    return space;
  }

  /** Solr 9 stores float32 HNSW vectors only. */
  @Override
  public VectorFormat format() {
    return VectorFormat.FLOAT32;
  }

  @Override
  public void upsert(ImageDoc doc) throws IOException {
    space.checkDimension(doc);
    SolrInputDocument d = SolrDocuments.toSolr(doc);
    synchronized (pending) {
      pending.add(d);
      if (pending.size() >= settings.batchSize()) {
        flush();
      }
    }
  }

  /** Sends the buffered documents; the caller holds the {@code pending} lock. */
  private void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    call(() -> client.add(collection, pending, settings.commitWithinMs()), "send documents");
    pending.clear();
  }

  private void flushPending() throws IOException {
    synchronized (pending) {
      flush();
    }
  }

  @Override
  public void delete(Path path) throws IOException {
    flushPending();
    call(
        () -> client.deleteById(collection, path.toString(), settings.commitWithinMs()),
        "delete " + path);
  }

  @Override
  public void deleteUnder(Path folder, List<Path> keep) throws IOException {
    flushPending();
    StringBuilder q =
        new StringBuilder(SolrFilters.quoted(IndexFields.FOLDER_TREE, folder.toString()));
    for (Path k : keep) {
      q.append(" -").append(SolrFilters.quoted(IndexFields.FOLDER_TREE, k.toString()));
    }
    call(
        () -> client.deleteByQuery(collection, q.toString(), settings.commitWithinMs()),
        "delete under " + folder);
  }

  @Override
  public void commit() throws IOException {
    flushPending();
    call(() -> client.commit(collection, true, true), "commit");
  }

  /** Sends what is buffered and opens new searchers (a soft commit). */
  @Override
  public void refresh() throws IOException {
    flushPending();
    call(() -> client.commit(collection, true, true, true), "refresh");
  }

  /** Pages through the collection in path order with a cursor (each page a fresh view). */
  void forEach(SearchSession.DocumentVisitor visitor) throws IOException {
    scan(new SolrQuery("*:*").setFields("*"), d -> visitor.visit(SolrDocuments.fromSolr(d)));
  }

  Optional<ImageDoc> findByPath(Path path) throws IOException {
    SolrDocument d = read(() -> client.getById(collection, path.toString()), "get " + path);
    return Optional.ofNullable(d).map(SolrDocuments::fromSolr);
  }

  /** By real-time gets that leave the vectors out, in URL-sized chunks. */
  Map<Path, FileState> fileStatesOf(List<Path> paths) throws IOException {
    Map<Path, FileState> states = new HashMap<>();
    for (ImageFacts f : facts(paths)) {
      states.put(
          f.path(),
          new FileState(f.path(), f.id(), f.size(), f.mtimeMillis(), f.sidecarMtimeMillis()));
    }
    return states;
  }

  /**
   * The facts of these paths, in the same order, by real-time gets (URL-sized chunks) that leaves
   * the vectors out; paths not indexed are left out.
   */
  List<ImageFacts> facts(List<Path> paths) throws IOException {
    if (paths.isEmpty()) {
      return List.of();
    }
    ModifiableSolrParams fields =
        new ModifiableSolrParams()
            .set(CommonParams.FL, String.join(",", SolrDocuments.FACT_FIELDS));
    Map<String, ImageFacts> byPath = new HashMap<>();
    for (List<String> ids : urlSizedChunks(paths)) {
      for (SolrDocument d : read(() -> client.getById(collection, ids, fields), "get documents")) {
        byPath.put(path(d).toString(), SolrDocuments.facts(d));
      }
    }
    List<ImageFacts> out = new ArrayList<>(paths.size());
    for (Path p : paths) {
      ImageFacts d = byPath.get(p.toString());
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Ids whose real-time get URL stays well under Solr's 8 KB request line (an ingest scan asks
   * 512).
   */
  private static List<List<String>> urlSizedChunks(List<Path> paths) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    int chars = 0;
    for (Path p : paths) {
      String id = p.toString();
      int encoded = id.length() * 3; // percent-encoding at worst
      if (!chunk.isEmpty() && chars + encoded > MAX_GET_URL_CHARS) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        chars = 0;
      }
      chunk.add(id);
      chars += encoded + 1;
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  Optional<ImageDoc> findById(String id) throws IOException {
    SolrQuery q = new SolrQuery(SolrFilters.quoted(IndexFields.ID, id)).setFields("*").setRows(1);
    SolrDocumentList docs = query(q).getResults();
    return docs.isEmpty() ? Optional.empty() : Optional.of(SolrDocuments.fromSolr(docs.getFirst()));
  }

  List<FileState> fileStates(Path root) throws IOException {
    List<FileState> states = new ArrayList<>();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(SolrFilters.term(IndexFields.FOLDER_TREE, root.toString()))
            .setFields(IndexFields.PATH, IndexFields.ID, IndexFields.SIZE, IndexFields.MTIME);
    scan(
        q,
        d ->
            states.add(
                new FileState(
                    Path.of((String) d.getFirstValue(IndexFields.PATH)),
                    (String) d.getFirstValue(IndexFields.ID),
                    ((Number) d.getFirstValue(IndexFields.SIZE)).longValue(),
                    ((Number) d.getFirstValue(IndexFields.MTIME)).longValue())));
    return states;
  }

  @Override
  public long count() throws IOException {
    return query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
  }

  /** Bytes on disk are the cluster's business (all replicas): reported as 0. */
  @Override
  public IndexStats stats() throws IOException {
    return new IndexStats(count(), 0, format(), space);
  }

  List<ScoredImage> nearest(float[] query, int k, SearchFilters filters) throws IOException {
    if (k < 1 || k > SearchLimits.MAX_RESULTS) {
      throw new IllegalArgumentException("k must be 1-" + SearchLimits.MAX_RESULTS + ", got " + k);
    }
    SolrQuery q =
        new SolrQuery(
                "{!knn f="
                    + IndexFields.VECTOR
                    + " topK="
                    + Math.max(k, MIN_CANDIDATES)
                    + "}"
                    + vectorLiteral(query))
            .setRows(k)
            .setFields(IndexFields.PATH, IndexFields.DATE, "score");
    SolrFilters.toFilterQueries(filters).forEach(q::addFilterQuery);
    List<ScoredImage> out = new ArrayList<>();
    for (SolrDocument d : query(q).getResults()) {
      // Solr scores dot_product as (1 + cos) / 2
      double cosine = 2.0 * ((Number) d.getFirstValue("score")).doubleValue() - 1.0;
      out.add(new ScoredImage(path(d), cosine, cosine, date(d), ScoredImage.NO_DOC));
    }
    return out;
  }

  /** As {@link SearchSession#keywords}. */
  List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException {
    List<String> words =
        List.of(text.strip().split("\\s+")).stream()
            .filter(w -> !w.isEmpty())
            .map(ClientUtils::escapeQueryChars)
            .toList();
    if (words.isEmpty()) {
      return List.of();
    }
    SolrQuery q =
        new SolrQuery("{!lucene df=" + IndexFields.TEXT + " q.op=OR}" + String.join(" ", words))
            .setRows(n)
            .setFields(IndexFields.PATH, IndexFields.DATE, IndexFields.VECTOR, "score");
    SolrFilters.toFilterQueries(filters).forEach(q::addFilterQuery);
    List<ScoredImage> out = new ArrayList<>();
    for (SolrDocument d : query(q).getResults()) {
      double score = ((Number) d.getFirstValue("score")).doubleValue();
      out.add(
          new ScoredImage(
              path(d),
              score,
              VectorUtil.dotProduct(query, SolrDocuments.vector(d)),
              date(d),
              ScoredImage.NO_DOC));
    }
    return out;
  }

  /**
   * As {@link SearchSession#newest}: one sorted query (date descending, then path, over the date's
   * and path's doc values) that returns only the page, vectors left out.
   */
  FactsPage newest(SearchFilters filters, int offset, int limit) throws IOException {
    SolrQuery q =
        new SolrQuery("*:*")
            .setStart(offset)
            .setRows(limit)
            .setFields(SolrDocuments.FACT_FIELDS.toArray(String[]::new))
            .addSort(IndexFields.DATE, SolrQuery.ORDER.desc)
            .addSort(IndexFields.PATH, SolrQuery.ORDER.asc);
    SolrFilters.toFilterQueries(filters).forEach(q::addFilterQuery);
    SolrDocumentList docs = query(q).getResults();
    return new FactsPage(docs.stream().map(SolrDocuments::facts).toList(), docs.getNumFound());
  }

  /** As {@link SearchSession#backgroundScores}. */
  double[] backgroundScores(float[] query, int n) throws IOException {
    float[][] vectors = sample(n);
    double[] scores = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      scores[i] = VectorUtil.dotProduct(query, vectors[i]);
    }
    return scores;
  }

  private float[][] sample(int n) throws IOException {
    Sample s = sample;
    long now = System.currentTimeMillis();
    if (s != null && s.vectors.length == Math.min(n, s.count) && now - s.madeAt < SAMPLE_TTL_MS) {
      return s.vectors;
    }
    SolrQuery q =
        new SolrQuery("*:*")
            .setRows(n)
            .setFields(IndexFields.VECTOR)
            .addSort(IndexFields.ID, SolrQuery.ORDER.asc)
            .addSort(IndexFields.PATH, SolrQuery.ORDER.asc);
    SolrDocumentList docs = query(q).getResults();
    float[][] vectors = docs.stream().map(SolrDocuments::vector).toArray(float[][]::new);
    sample = new Sample(docs.getNumFound(), now, vectors);
    return vectors;
  }

  /** Sends what is buffered and hard-commits; the client stays open (its owner closes it). */
  @Override
  public void close() throws IOException {
    commit();
  }

  private QueryResponse query(SolrQuery q) throws IOException {
    return read(
        () -> {
          QueryResponse r = client.query(collection, q, SolrRequest.METHOD.POST);
          if (r.getResults() == null) {
            // seen from a node shutting down mid-request: a response without its result list
            throw new IOException(
                "Solr collection '" + collection + "': query got an incomplete response");
          }
          return r;
        },
        "query");
  }

  /**
   * A read, retried: a replica that goes down mid-response fails the request with a cut or
   * incomplete response, which SolrJ does not retry itself; the next try goes to a live replica.
   */
  private <T> T read(SolrCall<T> work, String what) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call(work, what);
      } catch (IOException e) {
        if (attempt == READ_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @FunctionalInterface
  private interface DocumentAction {
    void accept(SolrDocument d) throws IOException;
  }

  /** Every result of {@code q}, in path order, a page at a time (cursorMark). */
  private void scan(SolrQuery q, DocumentAction action) throws IOException {
    q.setRows(PAGE).setSort(IndexFields.PATH, SolrQuery.ORDER.asc);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = query(q);
      for (SolrDocument d : r.getResults()) {
        action.accept(d);
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return;
      }
      cursor = next;
    }
  }

  @FunctionalInterface
  private interface SolrCall<T> {
    T run() throws SolrServerException, IOException;
  }

  private <T> T call(SolrCall<T> work, String what) throws IOException {
    try {
      return work.run();
    } catch (SolrServerException | SolrException e) {
      throw new IOException(
          "Solr collection '" + collection + "': " + what + " failed: " + e.getMessage(), e);
    }
  }

  private static String vectorLiteral(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 12).append('[');
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(v[i]);
    }
    return b.append(']').toString();
  }

  private static Path path(SolrDocument d) {
    return Path.of((String) d.getFirstValue(IndexFields.PATH));
  }

  private static long date(SolrDocument d) {
    Object v = d.getFirstValue(IndexFields.DATE);
    return v instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }
}
