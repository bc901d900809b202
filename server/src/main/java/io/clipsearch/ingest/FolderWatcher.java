package io.clipsearch.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which folders under some roots changed, for keeping an index current ({@code --watch}).
 *
 * <p>Every non-hidden folder is registered with a {@link WatchService}, folders created later too.
 * {@link #awaitChanges} waits for events, then for a quiet spell (the debounce: a copy of a
 * thousand photos is one re-scan, not a thousand), and returns the folders to re-scan: those an
 * event happened in, without folders already inside another returned one. A lost event (overflow)
 * returns the roots. Re-scanning a folder is cheap for unchanged files (stat only), so folder
 * granularity is enough.
 *
 * <p>One thread calls {@link #awaitChanges}; {@link #close} may be called from any thread (a
 * shutdown hook) and makes a waiting call return an empty set. The caller closes it.
 */
public final class FolderWatcher implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

  private final List<Path> roots;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();

  /**
   * Watches {@code roots} and every folder below them.
   *
   * @throws IllegalArgumentException if {@code roots} is empty
   * @throws IOException if the watch service cannot start or a root cannot be registered
   */
  public FolderWatcher(List<Path> roots) throws IOException {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("no folders to watch");
    }
    this.roots = List.copyOf(roots);
    this.service = roots.getFirst().getFileSystem().newWatchService();
    for (Path root : this.roots) {
      registerTree(root);
    }
  }

  /**
   * Blocks until something changed and {@code quiet} passed without further events.
   *
   * @return the folders to re-scan; empty once the watcher is closed
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Set<Path> awaitChanges(Duration quiet) throws InterruptedException {
    Set<Path> changed = new TreeSet<>();
    try {
      WatchKey key = service.take();
      while (key != null) {
        collect(key, changed);
        key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ClosedWatchServiceException e) {
      return Set.of();
    }
    return outermost(changed);
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
        changed.addAll(roots);
        continue;
      }
      Path child = folder.resolve((Path) event.context());
      if (child.getFileName().toString().startsWith(".")) {
        continue;
      }
      changed.add(folder);
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
        try {
          registerTree(child);
        } catch (IOException e) {
          log.warn("cannot watch new folder {}: {}", child, e.toString());
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key); // the folder is gone; its parent's event covers it
    }
  }

  private static Set<Path> outermost(Set<Path> changed) {
    Set<Path> out = new TreeSet<>();
    for (Path p : changed) { // sorted: a parent comes before its children
      if (out.stream().noneMatch(p::startsWith)) {
        out.add(p);
      }
    }
    return out;
  }

  private void registerTree(Path top) throws IOException {
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(top) && dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            folders.put(
                dir.register(
                    service,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY),
                dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            log.warn("cannot watch {}: {}", file, e.toString());
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
