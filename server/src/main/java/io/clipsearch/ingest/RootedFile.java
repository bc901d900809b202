package io.clipsearch.ingest;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * A regular file opened for reading under one of a collection's root folders: the one way
 * clipsearch opens a photo (ingest, the image endpoint, its {@code /info}), so a planted link or
 * FIFO is refused the same way everywhere.
 *
 * <p>Strategy: open once, then check what was opened, then read only through that handle. On Linux
 * (x86-64, aarch64) the file is opened with {@code open(O_RDONLY | O_NOFOLLOW | O_NONBLOCK)}: a
 * link as the last component fails, and a FIFO or device swapped in opens without waiting for a
 * writer. The opened descriptor is then checked through {@code /proc/self/fd/N}: it must be a
 * regular file, and its real path (the kernel's, for the very inode opened, so a folder swapped for
 * a link on the way is seen) must lie under the real path of a root. Reads then go through a
 * channel opened on that descriptor's inode, never through the path again.
 *
 * <p>Guarantee: with {@code followLinksOutOfRoots} off, the bytes read are those of a regular file
 * whose path, at the moment it was opened, led to it under a root, whatever links or FIFOs are
 * swapped in concurrently. Limits: a hard link inside a root to a file outside counts as inside
 * (Linux's {@code protected_hardlinks} keeps others from making one to a file they cannot read);
 * elsewhere than Linux the checks are made on the path before and after opening, which a swap in
 * between can defeat, and opening may wait on a FIFO swapped in at that moment. With {@code
 * followLinksOutOfRoots} on, links are followed anywhere; the file must still be regular.
 *
 * <p>Who opens it closes it (try-with-resources). Not thread-safe; the static methods are.
 */
public final class RootedFile implements Closeable {

  private final FileChannel channel;
  private final Path realPath;
  private final BasicFileAttributes attributes;

  private RootedFile(FileChannel channel, Path realPath, BasicFileAttributes attributes) {
    this.channel = channel;
    this.realPath = realPath;
    this.attributes = attributes;
  }

  /**
   * Opens {@code file} for reading.
   *
   * @param roots the folders it must lie under (as configured; their own links are resolved)
   * @param followLinksOutOfRoots follow links anywhere, and accept a real path outside the roots
   * @throws FileSystemException if it is not a regular file, is a link, or lies outside the roots
   *     (the message says which)
   * @throws IOException if it cannot be opened or checked
   */
  public static RootedFile open(Path file, Collection<Path> roots, boolean followLinksOutOfRoots)
      throws IOException {
    Objects.requireNonNull(file, "file");
    // the path's own type first: a FIFO found in place is never opened at all
    BasicFileAttributes seen =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (seen.isSymbolicLink() && !followLinksOutOfRoots) {
      throw refused(file, "a symbolic link (not followed: follow-links-out-of-roots is off)");
    }
    if (!seen.isRegularFile() && !seen.isSymbolicLink()) {
      throw refused(file, "not a regular file");
    }
    RootedFile opened =
        Native.AVAILABLE
            ? Native.open(file, followLinksOutOfRoots)
            : byPath(file, followLinksOutOfRoots);
    try {
      if (!opened.attributes.isRegularFile()) { // the fallback's: the native open checked its own
        throw refused(file, "not a regular file");
      }
      if (!followLinksOutOfRoots && !underAny(opened.realPath, roots)) {
        throw refused(
            file, "its real path " + opened.realPath + " is outside the collection's folders");
      }
      return opened;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** The channel on the opened file; closed with this. */
  public FileChannel channel() {
    return channel;
  }

  /** A stream over the opened file from its current position; closing it closes this. */
  public InputStream stream() {
    return Channels.newInputStream(channel);
  }

  /** Reads the whole file from the start. */
  public byte[] readAllBytes() throws IOException {
    channel.position(0);
    return stream().readAllBytes();
  }

  /** Where the opened file really is (every link resolved), as the kernel saw it when checked. */
  Path realPath() {
    return realPath;
  }

  /** The opened file's type, size and times (not its path's, which may have changed since). */
  public BasicFileAttributes attributes() {
    return attributes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static boolean underAny(Path real, Collection<Path> roots) {
    for (Path root : roots) {
      try {
        if (real.startsWith(root.toRealPath())) {
          return true;
        }
      } catch (IOException e) {
        // a root that is gone contains nothing: try the next
      }
    }
    return false;
  }

  private static FileSystemException refused(Path file, String why) {
    return new FileSystemException(file.toString(), null, why);
  }

  /** Not Linux: checks on the path around the open, racy as the class documentation says. */
  private static RootedFile byPath(Path file, boolean followLinks) throws IOException {
    FileChannel channel =
        followLinks
            ? FileChannel.open(file, StandardOpenOption.READ)
            : FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    try {
      return new RootedFile(
          channel, file.toRealPath(), Files.readAttributes(file, BasicFileAttributes.class));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** {@code open(2)} and {@code close(2)} through the FFM API, where their flags are known. */
  private static final class Native {

    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;

    /** The one flag used here whose value differs between the two architectures. */
    private static final int O_NOFOLLOW =
        switch (System.getProperty("os.arch", "")) {
          case "amd64", "x86_64" -> 0400000;
          case "aarch64" -> 0100000;
          default -> -1;
        };

    static final boolean AVAILABLE =
        O_NOFOLLOW > 0
            && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
            && Files.isDirectory(Path.of("/proc/self/fd"));

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
        CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;

    static {
      Linker linker = Linker.nativeLinker();
      OPEN =
          AVAILABLE
              ? linker.downcallHandle(
                  linker.defaultLookup().find("open").orElseThrow(),
                  FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                  Linker.Option.captureCallState("errno"),
                  Linker.Option.firstVariadicArg(2))
              : null;
      CLOSE =
          AVAILABLE
              ? linker.downcallHandle(
                  linker.defaultLookup().find("close").orElseThrow(),
                  FunctionDescriptor.of(JAVA_INT, JAVA_INT))
              : null;
    }

    private Native() {}

    static RootedFile open(Path file, boolean followLinks) throws IOException {
      int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW);
      int fd;
      int errno;
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment state = arena.allocate(CALL_STATE);
        fd = (int) OPEN.invokeExact(state, arena.allocateFrom(file.toString()), flags, 0);
        errno = (int) ERRNO.get(state, 0L);
      } catch (Throwable t) {
        throw new IOException("open(" + file + ") failed: " + t, t);
      }
      if (fd < 0) {
        throw new FileSystemException(file.toString(), null, describe(errno));
      }
      try {
        // the descriptor's inode, not the path: whatever was swapped in is what gets checked
        Path self = Path.of("/proc/self/fd", Integer.toString(fd));
        BasicFileAttributes attrs = Files.readAttributes(self, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
          throw refused(
              file,
              "not a regular file"); // a FIFO or device swapped in: opened without waiting, never
          // read
        }
        return new RootedFile(
            FileChannel.open(self, StandardOpenOption.READ), Files.readSymbolicLink(self), attrs);
      } finally {
        close(fd);
      }
    }

    private static void close(int fd) {
      try {
        int ignored = (int) CLOSE.invokeExact(fd);
      } catch (Throwable t) {
        throw new IllegalStateException("close(" + fd + ") failed", t);
      }
    }

    private static String describe(int errno) {
      return switch (errno) {
        case 40 -> "a symbolic link (not followed: follow-links-out-of-roots is off)"; // ELOOP
        case 2 -> "no such file"; // ENOENT
        case 13 -> "permission denied"; // EACCES
        default -> "open failed, errno " + errno;
      };
    }
  }
}
