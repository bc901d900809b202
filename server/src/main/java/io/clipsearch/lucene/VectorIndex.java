package io.clipsearch.lucene;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.IndexLockedException;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.IndexStats;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.index.WarmUp;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded {@link ImageIndex}, the write side of a Lucene index on disk bound to one {@link
 * VectorSpace}.
 *
 * <p>One {@link IndexWriter} takes all writes; one {@link SearcherManager} serves near-real-time
 * searchers, refreshed in the background (at most {@link #MAX_STALE_SEC} behind the writer), so
 * queries see images while indexing runs. It reads nothing itself: {@link LuceneSearchBackend}
 * opens a {@link LuceneSearchSession} on one held searcher ({@link #snapshot()}) for every read;
 * {@link #search} runs one piece of work on a searcher for benchmarks and tests. Keeping the index
 * fast is beside it: {@link BackgroundMerge} merges a fragmented index, {@link IndexWarmer} reads
 * its files into the page cache.
 *
 * <p>Durability: nothing is durable until {@link #commit()}; a crash (even {@code kill -9}) loses
 * only what came after the last commit, and Lucene's atomic commits mean the index always opens to
 * a consistent state. Documents are keyed by path ({@link IndexFields#PATH}), so writing an image
 * again replaces it and re-running after a crash makes no duplicates.
 *
 * <p>The model's id and dimension are stored in every commit; opening an index with another space
 * throws {@link IndexMismatchException} rather than mixing vectors.
 *
 * <p>Thread-safe. Close it once; it commits pending writes first.
 */
public final class VectorIndex implements ImageIndex {

  /** Commit-data keys. */
  static final String KEY_MODEL_ID = "clipsearch.model.id";

  static final String KEY_DIMENSION = "clipsearch.model.dimension";
  static final String KEY_SCHEMA = "clipsearch.schema";
  static final String KEY_FORMAT = "clipsearch.vector.format";

  /** Version of {@link IndexFields}' layout; bumped when a change needs re-indexing. */
  static final String SCHEMA_VERSION = "1";

  /**
   * Segments beyond which {@link #mergeInBackground} merges: Lucene's default segments per tier.
   */
  static final int MAX_SEGMENTS = 10;

  /** What {@link #mergeInBackground} merges down to. */
  static final int MERGED_SEGMENTS = 1;

  static final double MAX_STALE_SEC = 1.0;
  static final double MIN_STALE_SEC = 0.05;

  private final Path dir;
  private final VectorSpace space;
  private final VectorFormat format;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
  private final LongAdder acquired = new LongAdder();
  private final IndexWarmer warmer = new IndexWarmer(this);
  private final BackgroundMerge merge = new BackgroundMerge(this);
  private volatile boolean closing;

  private VectorIndex(
      Path dir, VectorSpace space, VectorFormat format, Directory directory, IndexWriter writer)
      throws IOException {
    this.dir = dir;
    this.space = space;
    this.format = format;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.reopener =
        new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SEC, MIN_STALE_SEC);
    reopener.setName("index-refresh-" + dir.getFileName());
    reopener.setDaemon(true);
    reopener.start();
  }

  /**
   * Opens the index in {@code dir}, creating it if there is none.
   *
   * @throws IndexMismatchException if the index there was built for another model, dimension or
   *     schema version
   * @throws IndexLockedException if another writer (another process) holds the index
   * @throws IllegalArgumentException if the vector format cannot hold vectors of this dimension
   * @throws IOException if the folder cannot be read or written
   */
  public static VectorIndex open(Path dir, VectorSpace space, VectorFormat format)
      throws IOException {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(format, "format");
    KnnVectorsFormat knn = KnnFormats.of(format);
    if (space.dimension() > knn.getMaxDimensions(IndexFields.VECTOR)) {
      throw new IllegalArgumentException(
          "dimension "
              + space.dimension()
              + " exceeds the maximum "
              + knn.getMaxDimensions(IndexFields.VECTOR)
              + " of vector format "
              + format);
    }
    if (format == VectorFormat.INT4 && space.dimension() % 2 != 0) {
      throw new IllegalArgumentException(
          "vector format INT4 packs two dimensions per byte and needs an even dimension, got "
              + space.dimension());
    }
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    try {
      if (DirectoryReader.indexExists(directory)) {
        checkIdentity(dir, SegmentInfos.readLatestCommit(directory).getUserData(), space);
      }
      IndexWriterConfig config =
          new IndexWriterConfig(new FileNameAnalyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCodec(codec(knn))
              .setRAMBufferSizeMB(64);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(identity(space, format).entrySet());
      writer.commit(); // a new index records its space at once
      return new VectorIndex(dir, space, format, directory, writer);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw WriteLock.held(dir, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static Codec codec(KnnVectorsFormat knn) {
    // the per-field format name is written into the segment, so readers need no custom codec
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return knn;
      }
    };
  }

  private static Map<String, String> identity(VectorSpace space, VectorFormat format) {
    Map<String, String> data = new HashMap<>();
    data.put(KEY_MODEL_ID, space.modelId());
    data.put(KEY_DIMENSION, Integer.toString(space.dimension()));
    data.put(KEY_SCHEMA, SCHEMA_VERSION);
    data.put(KEY_FORMAT, format.name());
    return data;
  }

  private static void checkIdentity(Path dir, Map<String, String> data, VectorSpace space)
      throws IndexMismatchException {
    String model = data.get(KEY_MODEL_ID);
    String dimension = data.get(KEY_DIMENSION);
    if (model == null || dimension == null) {
      throw new IndexMismatchException(
          dir + " holds a Lucene index that is not a clipsearch index");
    }
    space.checkRecorded(
        "the index at " + dir + " was built with", model, dimension, "index into a new folder");
    if (!SCHEMA_VERSION.equals(data.get(KEY_SCHEMA))) {
      throw new IndexMismatchException(
          "the index at "
              + dir
              + " has schema version "
              + data.get(KEY_SCHEMA)
              + ", this clipsearch writes "
              + SCHEMA_VERSION
              + ": re-index it");
    }
  }

  public Path directory() {
    return dir;
  }

  @Override
  public VectorSpace space() {
    return space;
  }

  @Override
  public VectorFormat format() {
    return format;
  }

  /**
   * Adds the image, or replaces the document of the same path.
   *
   * @throws IllegalArgumentException if the vector's dimension is not the index's
   */
  @Override
  public void upsert(ImageDoc doc) throws IOException {
    space.checkDimension(doc);
    writer.updateDocument(
        new Term(IndexFields.PATH, doc.path().toString()), ImageDocuments.toDocument(doc));
  }

  /** Removes the document of this path, if any. */
  @Override
  public void delete(Path path) throws IOException {
    writer.deleteDocuments(new Term(IndexFields.PATH, path.toString()));
  }

  /** Removes every document at or below {@code folder}, except those at or below {@code keep}. */
  @Override
  public void deleteUnder(Path folder, List<Path> keep) throws IOException {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(IndexFields.FOLDER_TREE, folder.toString())),
                BooleanClause.Occur.MUST);
    for (Path k : keep) {
      query.add(
          new TermQuery(new Term(IndexFields.FOLDER_TREE, k.toString())),
          BooleanClause.Occur.MUST_NOT);
    }
    writer.deleteDocuments(query.build());
  }

  /** Makes every write so far durable, atomically. */
  @Override
  public void commit() throws IOException {
    writer.commit();
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments (rebuilding their HNSW graphs),
   * commits and refreshes. Expensive: for bulk builds and benchmarks that want stable figures.
   */
  public void forceMerge(int maxSegments) throws IOException {
    writer.forceMerge(maxSegments);
    writer.commit();
    refresh();
  }

  /** Makes writes so far visible to searches now, instead of within a second. */
  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Work done on an acquired searcher. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on a current searcher, released afterwards whatever happens. */
  public <T> T search(SearcherFunction<T> work) throws IOException {
    try (Snapshot snapshot = snapshot()) {
      return work.apply(snapshot.searcher());
    }
  }

  /**
   * Acquires a current searcher, held until the snapshot is closed: every read through it sees the
   * same documents. Close it promptly (try-with-resources): a held searcher keeps its segments'
   * files open.
   *
   * @throws IOException if the searcher cannot be refreshed
   */
  public Snapshot snapshot() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    acquired.increment();
    return new Snapshot(searcher);
  }

  /**
   * Searchers acquired since the index was opened, by {@link #search}, {@link #snapshot()} and
   * every read method: how many point-in-time views reads took (one search takes one).
   */
  long searchersAcquired() {
    return acquired.sum();
  }

  /** One acquired searcher, a point-in-time view; closing it releases the searcher once. */
  public final class Snapshot implements Closeable {

    private final IndexSearcher searcher;
    private boolean released;

    private Snapshot(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    /** The held searcher; not to be used after {@link #close()}. */
    public IndexSearcher searcher() {
      return searcher;
    }

    @Override
    public void close() throws IOException {
      if (!released) {
        released = true;
        searchers.release(searcher);
      }
    }
  }

  /** Loads a document of a searcher by its top-level doc id, vector included. */
  public static ImageDoc load(IndexSearcher searcher, int docId) throws IOException {
    Document d = searcher.storedFields().document(docId);
    return ImageDocuments.fromDocument(d, StoredVectors.read(searcher.getIndexReader(), docId));
  }

  /** Live documents, as of the current searcher. */
  @Override
  public long count() throws IOException {
    return search(s -> (long) s.count(new MatchAllDocsQuery()));
  }

  @Override
  public IndexStats stats() throws IOException {
    long bytes = 0;
    for (String file : directory.listAll()) {
      try {
        bytes += directory.fileLength(file);
      } catch (NoSuchFileException e) {
        // a merge removed it between listing and sizing
      }
    }
    return new IndexStats(count(), bytes, format, space);
  }

  @Override
  public Optional<Throwable> writeFailure() {
    return Optional.ofNullable(writer.getTragicException());
  }

  /**
   * Reads the current segments' search files into the page cache, then runs a few searches, on a
   * background thread, once ({@link IndexWarmer}). Searches run meanwhile as they would without it.
   */
  @Override
  public CompletableFuture<WarmUp> warmUp() {
    return warmer.start();
  }

  /** Segments of the current view. */
  int segmentCount() throws IOException {
    return search(s -> s.getIndexReader().leaves().size());
  }

  /** Whether {@link #close()} has begun: background work stops. */
  boolean closing() {
    return closing;
  }

  /**
   * When bulk writes have left more than {@link #MAX_SEGMENTS} segments, merges them down to {@link
   * #MERGED_SEGMENTS} in the background ({@link BackgroundMerge}).
   */
  @Override
  public CompletableFuture<Boolean> mergeInBackground() throws IOException {
    return merge.start(MAX_SEGMENTS);
  }

  /** {@link #mergeInBackground()} when there are more than {@code maxSegments} segments. */
  CompletableFuture<Boolean> mergeInBackground(int maxSegments) throws IOException {
    return merge.start(maxSegments);
  }

  /**
   * Commits pending writes and releases the index. A merge still running is aborted rather than
   * waited for (it may take minutes on a large index): everything is committed first, so the writer
   * is closed by rolling back to that commit, which aborts merges.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    reopener.close();
    try {
      searchers.close();
      writer.commit();
    } finally {
      writer.rollback();
      directory.close();
    }
  }
}
