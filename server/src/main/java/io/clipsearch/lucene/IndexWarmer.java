package io.clipsearch.lucene;

import com.sun.management.OperatingSystemMXBean;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.WarmUp;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Reads the files searches page through into the operating system's page cache, one sequential pass
 * each. Lucene maps vector files with random-access advice, so on a cold cache every graph hop and
 * every re-scored candidate of the first searches is a 4 KiB read from disk; one pass of large
 * reads costs far less than those scattered faults (docs/BENCHMARKS.md). First what every search
 * reads: the HNSW graphs, the vectors the graph walk scores (the quantized ones, or the float32
 * ones when they are the search's), the doc values of hits, and compound files of small segments.
 * Then, only when everything fits in the memory budget, the float32 originals of a quantized
 * format, which re-scoring reads a few hundred at a time: on a machine short of memory they stay on
 * disk. One per {@link VectorIndex}, which starts it at most once; thread-safe.
 */
final class IndexWarmer {

  private static final int CHUNK = 1 << 20;

  /** Searches a warm-up runs: enough for the JIT to compile the graph walk and re-scoring. */
  static final int WARM_SEARCHES = 20;

  private final VectorIndex index;
  private final AtomicReference<CompletableFuture<WarmUp>> warming = new AtomicReference<>();

  IndexWarmer(VectorIndex index) {
    this.index = index;
  }

  /**
   * Reads the current segments' search files, then runs {@link #WARM_SEARCHES} searches, on a
   * background thread, the first time it is called; later calls return the same future.
   *
   * @return completes when done, or when the index was closed first
   */
  CompletableFuture<WarmUp> start() {
    CompletableFuture<WarmUp> started = new CompletableFuture<>();
    if (!warming.compareAndSet(null, started)) {
      return warming.get();
    }
    Thread.ofPlatform()
        .daemon()
        .name("index-warmup-" + index.directory().getFileName())
        .start(
            () -> {
              try {
                WarmUp files;
                // held, so a merge cannot delete the files being read
                try (VectorIndex.Snapshot view = index.snapshot()) {
                  List<String> names =
                      filesToWarm(
                          view.searcher().getIndexReader(), index.format(), defaultBudget());
                  files = read(index.directory(), names, index::closing);
                }
                started.complete(search(files));
              } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
              }
            });
    return started;
  }

  /**
   * Runs {@link #WARM_SEARCHES} served-depth searches (the unit queries e<sub>0</sub>,
   * e<sub>1</sub>, ...) in one session, so the JIT has compiled the search path before a person's
   * first query; stops early when the index closes.
   */
  private WarmUp search(WarmUp files) {
    long start = System.nanoTime();
    int dimension = index.space().dimension();
    int done = 0;
    VectorSearch vectors = new VectorSearch(index.format(), SearchSettings.DEFAULTS.oversample());
    TextSearch text = new TextSearch(new LuceneKeywordAnalyzer());
    try (SearchSession session = new LuceneSearchSession(index.snapshot(), vectors, text)) {
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

  /**
   * The files of {@code reader}'s segments to warm, in reading order: those every search reads,
   * then the float32 originals of a quantized format if the total stays within {@code budget}
   * bytes.
   */
  static List<String> filesToWarm(IndexReader reader, VectorFormat format, long budget)
      throws IOException {
    List<String> searched = new ArrayList<>();
    List<String> originals = new ArrayList<>();
    long total = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      if (FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment) {
        for (String file : segment.getSegmentInfo().files()) {
          boolean original = file.endsWith(".vec") && format.quantized();
          if (original || searched(file, format)) {
            (original ? originals : searched).add(file);
            total += segment.directory().fileLength(file);
          }
        }
      }
    }
    if (total <= budget) {
      searched.addAll(originals);
    }
    return searched;
  }

  private static boolean searched(String file, VectorFormat format) {
    return KnnFormats.searchedByGraph(file, format)
        || file.endsWith(".dvd")
        || file.endsWith(".cfs");
  }

  /** A quarter of the machine's physical memory: what warming may fill with originals. */
  static long defaultBudget() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / 4;
    }
    return 0;
  }

  /**
   * Reads each file of {@code files} under {@code dir} to its end, stopping early when {@code stop}
   * says so. The caller holds a searcher over these files, so no merge deletes them meanwhile.
   *
   * @throws IOException if a file cannot be read
   */
  static WarmUp read(Path dir, Collection<String> files, BooleanSupplier stop) throws IOException {
    long start = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    int read = 0;
    long bytes = 0;
    for (String file : files) {
      try (FileChannel channel = FileChannel.open(dir.resolve(file), StandardOpenOption.READ)) {
        for (int n = 0; n >= 0 && !stop.getAsBoolean(); n = channel.read(buffer.clear())) {
          bytes += n;
        }
        read++;
      }
      if (stop.getAsBoolean()) {
        break;
      }
    }
    return new WarmUp(read, bytes, (System.nanoTime() - start) / 1_000_000, 0);
  }
}
