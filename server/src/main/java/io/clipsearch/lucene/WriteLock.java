package io.clipsearch.lucene;

import io.clipsearch.index.IndexLockedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Lucene's {@code write.lock} of an index folder, when another writer holds it: which file, and
 * which process holds it. Lucene's lock file is empty and its message names no process, so the
 * holder is looked up in {@code /proc/locks} (Linux: the POSIX lock Java's {@code tryLock} takes
 * there lists the owner's pid and the file's device and inode); elsewhere it stays unknown.
 * Stateless and thread-safe.
 */
final class WriteLock {

  private static final Path PROC_LOCKS = Path.of("/proc/locks");

  private WriteLock() {}

  /** The engine-neutral form of Lucene's failure to lock {@code dir}. */
  static IndexLockedException held(Path dir, LockObtainFailedException e) {
    Path lockFile = dir.resolve(IndexWriter.WRITE_LOCK_NAME);
    return new IndexLockedException(lockFile, holder(lockFile), e);
  }

  /** The pid of the process holding a lock on {@code file}, if the system tells. */
  static OptionalLong holder(Path file) {
    try {
      if (!Files.isReadable(PROC_LOCKS)) {
        return OptionalLong.empty();
      }
      long inode = (Long) Files.getAttribute(file, "unix:ino");
      long dev = (Long) Files.getAttribute(file, "unix:dev");
      return holder(Files.readAllLines(PROC_LOCKS), deviceAndInode(dev, inode));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return OptionalLong.empty(); // no pid is a message without one, not a failure
    }
  }

  /**
   * The pid on the first line of {@code /proc/locks} locking {@code file} ({@code maj:min:inode},
   * as that file writes it); empty when none, or when the lock is an open-file-description lock
   * (its pid is -1: no one process owns it).
   */
  static OptionalLong holder(List<String> procLocks, String file) {
    for (String line : procLocks) {
      // "1: POSIX  ADVISORY  WRITE 14003 fe:00:2252808 0 EOF"; blocked waiters add a "->" field
      String[] f = line.replace("->", "").trim().split("\\s+");
      if (f.length > 5 && f[5].equals(file)) {
        long pid = Long.parseLong(f[4]);
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /**
   * A file's {@code maj:min:inode} as {@code /proc/locks} prints it, from Linux's encoded device
   * number.
   */
  static String deviceAndInode(long dev, long inode) {
    long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    return String.format(Locale.ROOT, "%02x:%02x:%d", major, minor, inode);
  }
}
