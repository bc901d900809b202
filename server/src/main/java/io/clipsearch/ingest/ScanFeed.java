package io.clipsearch.ingest;

import io.clipsearch.index.FileState;
import io.clipsearch.ingest.FileScanner.Found;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The scan of one ingest run, streamed: walks the roots on a thread of its own and hands each new
 * or changed image file to the workers through a bounded queue as soon as it is found, so reading
 * and embedding start at once and memory stays flat on any folder size. Per file it keeps only a
 * {@link SeenPaths hash of the path}, used at the end to find indexed files that are gone.
 * Unchanged files (same path, size and mtime as indexed, and the same XMP sidecar mtime, 0 for
 * none) are counted and never opened; their states are looked up in the index a chunk at a time
 * ({@link SearchSession#fileStatesOf}).
 *
 * <p>Nested roots are walked once (a root inside another is dropped). A root that is missing or a
 * folder that cannot be listed is reported through {@code onSkipped}, and nothing indexed under it
 * counts as gone: an unmounted disk must not empty the index. The walk stops with an {@link
 * IOException} (see {@link #failure}) after {@code maxFiles} image files, which bounds a runaway
 * root. Threads: {@link #start} once; {@link #next} from any number of workers; {@link #gone} after
 * the walk's thread has ended.
 */
final class ScanFeed {

  /** Files looked up in the index at once. */
  static final int LOOKUP_CHUNK = 512;

  private static final long POLL_MILLIS = 50;
  private static final Found END = new Found(Path.of(""), -1, -1);

  private final SearchBackend index;
  private final List<Path> roots;
  private final FileScanner scanner;
  private final ProgressTracker progress;
  private final int maxFiles;
  private final BooleanSupplier cancelled;
  private final Consumer<SkippedFile> onSkipped;
  private final BlockingQueue<Found> queue;
  private final SeenPaths seen = new SeenPaths();
  private final List<Path> unreadable = Collections.synchronizedList(new ArrayList<>());
  private final List<Found> chunk = new ArrayList<>(LOOKUP_CHUNK);
  private volatile boolean finished;
  private volatile IOException failure;

  /**
   * @param scanner walks each root
   * @param capacity new or changed files found but not yet taken; the walk waits when it is full
   * @param cancelled checked between files; the walk stops when it turns true
   * @param onSkipped receives, on the scan thread, each file or folder that could not be walked
   */
  ScanFeed(
      SearchBackend index,
      List<Path> roots,
      FileScanner scanner,
      ProgressTracker progress,
      int capacity,
      int maxFiles,
      BooleanSupplier cancelled,
      Consumer<SkippedFile> onSkipped) {
    this.index = index;
    this.scanner = scanner;
    this.roots = outermost(roots);
    this.progress = progress;
    this.maxFiles = maxFiles;
    this.cancelled = cancelled;
    this.onSkipped = onSkipped;
    this.queue = new ArrayBlockingQueue<>(capacity + 1); // + the end marker
  }

  /** Starts the walk on its own thread, which ends within one file once cancelled. */
  Thread start() {
    return Thread.ofPlatform().name("ingest-scan").daemon().start(this::walk);
  }

  /**
   * The next new or changed file, waiting for the walk; null when the walk has ended (or was
   * cancelled) and every file found was taken.
   */
  Found next() throws InterruptedException {
    while (true) {
      Found f = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (f == END) {
        queue.put(END); // for the other workers
        return null;
      }
      if (f != null) {
        return f;
      }
      if (cancelled.getAsBoolean()) {
        return null;
      }
    }
  }

  /** Whether the walk has ended (done, cancelled or failed). */
  boolean finished() {
    return finished;
  }

  /** Why the walk stopped early, if it did: a root that could not be read, or the file limit. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Indexed files under the roots that the walk did not find, leaving out those under a root or
   * folder that could not be read. Only after the walk's thread has ended, and only meaningful when
   * the walk ran to its end (not cancelled, no {@link #failure}).
   */
  List<Path> gone() throws IOException {
    List<Path> gone = new ArrayList<>();
    for (Path root : roots) {
      List<FileState> states;
      try (SearchSession session = index.session()) {
        states = session.fileStates(root);
      }
      for (FileState s : states) {
        if (!seen.contains(s.path()) && unreadable.stream().noneMatch(s.path()::startsWith)) {
          gone.add(s.path());
        }
      }
    }
    return gone;
  }

  private void walk() {
    try {
      for (Path root : roots) {
        if (cancelled.getAsBoolean()) {
          break;
        }
        if (!Files.isDirectory(root)) {
          unreadable(new SkippedFile(root, SkipReason.UNREADABLE, "root folder not found"));
          continue;
        }
        scanner.scan(
            root,
            new FileScanner.Visitor() {
              @Override
              public void found(Found file) {
                take(file);
              }

              @Override
              public void problem(SkippedFile s, boolean folder) {
                if (folder) {
                  unreadable(s);
                } else {
                  progress.failed.incrementAndGet();
                  progress.total.incrementAndGet();
                  onSkipped.accept(s);
                }
              }
            },
            cancelled);
      }
      flush();
    } catch (LimitReached e) {
      failure =
          new IOException(
              "more than "
                  + maxFiles
                  + " image files under "
                  + roots
                  + ": stopped there (what was indexed stays); index smaller folders");
    } catch (IOException e) {
      failure = e;
    } catch (LookupFailed e) {
      failure = e.getCause();
    } catch (RuntimeException e) {
      failure = new IOException("the scan failed: " + e, e);
    } finally {
      seen.seal();
      progress.scanEnded();
      finished = true;
      offer(END);
    }
  }

  /** A file the walk found: remembered, counted, and looked up with its chunk. */
  private void take(Found file) {
    if (seen.size() >= maxFiles) {
      throw new LimitReached();
    }
    seen.add(file.path());
    progress.total.incrementAndGet();
    chunk.add(file);
    if (chunk.size() == LOOKUP_CHUNK) {
      flush();
    }
  }

  /** Looks the chunk up in the index; queues what is new or changed. */
  private void flush() {
    if (chunk.isEmpty()) {
      return;
    }
    Map<Path, FileState> known;
    try (SearchSession session = index.session()) {
      known = session.fileStatesOf(chunk.stream().map(Found::path).toList());
    } catch (IOException e) {
      throw new LookupFailed(e);
    }
    for (Found file : chunk) {
      FileState state = known.get(file.path());
      if (state != null
          && state.size() == file.size()
          && state.mtimeMillis() == file.mtimeMillis()
          && state.sidecarMtimeMillis() == PhotoXmp.sidecarMtime(file.path())) {
        progress.unchanged.incrementAndGet();
      } else if (offer(file)) {
        progress.toRead.incrementAndGet();
      }
    }
    chunk.clear();
  }

  /** Puts into the queue, waiting while it is full; gives up (false) on cancellation. */
  private boolean offer(Found file) {
    try {
      while (!queue.offer(file, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean()) {
          return false; // the workers stop on cancellation without waiting for the end marker
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void unreadable(SkippedFile s) {
    unreadable.add(s.path());
    onSkipped.accept(s);
  }

  /** The roots without those inside another root: each folder is walked once. */
  static List<Path> outermost(List<Path> roots) {
    List<Path> sorted =
        roots.stream()
            .map(Path::normalize)
            .distinct()
            .sorted(Comparator.comparingInt(Path::getNameCount))
            .toList();
    List<Path> kept = new ArrayList<>();
    for (Path r : sorted) {
      if (kept.stream().noneMatch(r::startsWith)) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** Thrown out of the walk at the file limit. */
  private static final class LimitReached extends RuntimeException {
    LimitReached() {
      super(null, null, false, false);
    }
  }

  /** Carries an index lookup failure out of the walk. */
  private static final class LookupFailed extends RuntimeException {
    LookupFailed(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
