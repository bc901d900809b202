package io.clipsearch.lucene;

import io.clipsearch.index.WarmUp;
import io.clipsearch.search.KeywordAnalyzer;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The embedded {@link SearchBackend}: the read side of a {@link VectorIndex}, in-process. Each
 * session is a {@link LuceneSearchSession} on one acquired searcher (one point-in-time view, one
 * acquisition): kNN with the filter inside the graph walk and re-scoring of quantized formats
 * ({@link VectorSearch}), BM25 over names and tags ({@link TextSearch}), filters as Lucene queries
 * ({@link FilterQueries}). Thread-safe.
 */
public final class LuceneSearchBackend implements SearchBackend {

  /** Searches a warm-up runs: enough for the JIT to compile the graph walk and re-scoring. */
  static final int WARM_SEARCHES = 20;

  private final VectorIndex index;
  private final VectorSearch vectorSearch;
  private final LuceneKeywordAnalyzer analyzer = new LuceneKeywordAnalyzer();
  private final TextSearch textSearch = new TextSearch(analyzer);
  private CompletableFuture<WarmUp> warming; // guarded by this

  /**
   * @param oversample kNN candidates per result for quantized formats (see {@link VectorSearch})
   */
  public LuceneSearchBackend(VectorIndex index, int oversample) {
    this.index = Objects.requireNonNull(index, "index");
    this.vectorSearch = new VectorSearch(index.format(), oversample);
  }

  /** Acquires one searcher, released when the session closes. */
  @Override
  public SearchSession session() throws IOException {
    return new LuceneSearchSession(index.snapshot(), vectorSearch, textSearch);
  }

  @Override
  public KeywordAnalyzer keywordAnalyzer() {
    return analyzer;
  }

  /**
   * Reads the index's search files into memory ({@link VectorIndex#warmUp}), then runs {@link
   * #WARM_SEARCHES} served-depth searches (the unit queries e<sub>0</sub>, e<sub>1</sub>, ...), so
   * the JIT has compiled the search path before a person's first query.
   */
  @Override
  public synchronized CompletableFuture<WarmUp> warmUp() {
    if (warming == null) {
      warming = index.warmUp().thenApply(this::search);
    }
    return warming;
  }

  private WarmUp search(WarmUp files) {
    long start = System.nanoTime();
    int dimension = index.space().dimension();
    int done = 0;
    try (SearchSession session = session()) {
      for (; done < WARM_SEARCHES && !index.closing(); done++) {
        float[] axis = new float[dimension];
        axis[done % dimension] = 1;
        session.nearest(axis, SearchSettings.DEFAULTS.minCandidates(), SearchFilters.NONE);
      }
    } catch (IOException | AlreadyClosedException e) {
      // closed meanwhile: the warm-up just ends
    }
    return new WarmUp(
        files.files(),
        files.bytes(),
        files.millis() + (System.nanoTime() - start) / 1_000_000,
        done);
  }
}
