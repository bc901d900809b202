package io.clipsearch.model;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread (Linux {@code nice} {@value #NICE}), for work that
 * must yield to searches: an index job's threads and the image tower's engine threads. On two cores
 * a job and a search take turns; at nice {@value #NICE} the kernel gives a search about ten times
 * the job's share while both run, and the job all of the CPU while none does, so a search stays as
 * fast during an import as without one, and the import slows only while searches run.
 *
 * <p>Linux threads have a nice value each, and a thread inherits its creator's: lowering a thread
 * also lowers every thread it starts after (an ingest job's workers, an ONNX Runtime session's
 * intra-op pool created on it). Lowering is one-way for an unprivileged process, so only threads
 * that do background work for good are lowered. Elsewhere than Linux it does nothing. Thread-safe.
 */
public final class BackgroundPriority {

  /** The nice value of background threads: 10, as {@code nice} uses by default. */
  static final int NICE = 10;

  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final int PRIO_PROCESS = 0; // with a thread id: that one thread on Linux

  private static final Optional<Calls> CALLS = bind();

  private BackgroundPriority() {}

  /**
   * Lowers the calling thread to nice {@value #NICE} (and so the threads it starts from now on).
   *
   * @return whether it was lowered (false where the system does not support it)
   */
  public static boolean lowerCurrentThread() {
    if (CALLS.isEmpty()) {
      return false;
    }
    try {
      int tid = (int) CALLS.get().gettid().invokeExact();
      int rc = (int) CALLS.get().setpriority().invokeExact(PRIO_PROCESS, tid, NICE);
      return rc == 0;
    } catch (Throwable e) {
      log.debug("cannot lower the priority of {}: {}", Thread.currentThread().getName(), e);
      return false;
    }
  }

  /** The current thread's nice value, or empty where unknown: for tests and diagnostics. */
  static Optional<Integer> currentNice() {
    if (CALLS.isEmpty()) {
      return Optional.empty();
    }
    try {
      int tid = (int) CALLS.get().gettid().invokeExact();
      return Optional.of((int) CALLS.get().getpriority().invokeExact(PRIO_PROCESS, tid));
    } catch (Throwable e) {
      return Optional.empty();
    }
  }

  private record Calls(MethodHandle gettid, MethodHandle setpriority, MethodHandle getpriority) {}

  private static Optional<Calls> bind() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.empty();
    }
    try {
      Linker linker = Linker.nativeLinker();
      SymbolLookup libc = linker.defaultLookup();
      MethodHandle gettid = // glibc 2.30 and later
          linker.downcallHandle(
              libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
      MethodHandle setpriority =
          linker.downcallHandle(
              libc.find("setpriority").orElseThrow(),
              FunctionDescriptor.of(
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT));
      MethodHandle getpriority =
          linker.downcallHandle(
              libc.find("getpriority").orElseThrow(),
              FunctionDescriptor.of(
                  ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
      return Optional.of(new Calls(gettid, setpriority, getpriority));
    } catch (RuntimeException | LinkageError e) {
      log.debug("thread priorities unavailable: {}", e.toString());
      return Optional.empty();
    }
  }
}
