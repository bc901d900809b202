package io.clipsearch.model.hub;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Draws download progress as one line per file: name, bar, percentage, MB done of total, speed and
 * time left, e.g. {@code visual/model.onnx [#########---------------] 38% 133.6/351.6 MB 11.2 MB/s
 * ETA 0:19}.
 *
 * <p>On a terminal the line is redrawn in place with a carriage return, at most every 100 ms; to a
 * log or pipe a plain line is written every 5 s instead, so logs stay short. Either way the
 * finished state of every file is written. Speed counts only bytes moved since the file's first
 * report, so a resumed download does not look fast.
 *
 * <p>Thread-safe (methods are synchronized), though it draws one file at a time: it expects the
 * reports of one file to end before the next file's begin, as {@link ModelDownloader} makes them.
 */
public final class ConsoleProgressBar implements ProgressListener {

  private static final int BAR_WIDTH = 24;
  private static final long TERMINAL_REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_LINE_NANOS = 5_000_000_000L;
  private static final double KB = 1e3;
  private static final double MB = 1e6;

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoClock;

  private String file; // null between files
  private long startNanos;
  private long startBytes;
  private long lastDrawNanos;
  private int lastLineLength;

  /**
   * @param out where to draw
   * @param terminal true to redraw in place (a console), false for periodic plain lines
   */
  public ConsoleProgressBar(PrintStream out, boolean terminal) {
    this(out, terminal, System::nanoTime);
  }

  ConsoleProgressBar(PrintStream out, boolean terminal, LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** A bar on standard error, redrawn in place when standard error is an interactive terminal. */
  public static ConsoleProgressBar onStandardError() {
    Console console = System.console();
    return new ConsoleProgressBar(System.err, console != null && console.isTerminal());
  }

  @Override
  public synchronized void onProgress(String file, long bytesDone, long bytesTotal) {
    long now = nanoClock.getAsLong();
    boolean first = !file.equals(this.file);
    if (first) {
      this.file = file;
      startNanos = now;
      startBytes = bytesDone;
      lastLineLength = 0;
    }
    boolean finished = bytesDone >= bytesTotal;
    long interval = terminal ? TERMINAL_REDRAW_NANOS : PLAIN_LINE_NANOS;
    if (!first && !finished && now - lastDrawNanos < interval) {
      return;
    }
    lastDrawNanos = now;
    String line = render(file, bytesDone, bytesTotal, now - startNanos);
    if (terminal) {
      // Pad over the tail of a longer previous line, since \r does not clear it.
      out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
      lastLineLength = line.length();
      if (finished) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
    if (finished) {
      this.file = null;
    }
  }

  private String render(String file, long done, long total, long elapsedNanos) {
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    StringBuilder line =
        new StringBuilder()
            .append(file)
            .append(" [")
            .append("#".repeat(filled))
            .append("-".repeat(BAR_WIDTH - filled))
            .append(String.format(Locale.ROOT, "] %3d%% ", (int) (fraction * 100)));
    // Small files (configs, tokenizers) in kB: "0.0/0.0 MB" says nothing.
    double unit = total < MB ? KB : MB;
    line.append(
        String.format(
            Locale.ROOT, "%.1f/%.1f %s", done / unit, total / unit, unit == MB ? "MB" : "kB"));
    long moved = done - startBytes;
    if (moved > 0 && elapsedNanos > 0) {
      double bytesPerSecond = moved / (elapsedNanos / 1e9);
      line.append(String.format(Locale.ROOT, " %.1f MB/s", bytesPerSecond / MB));
      if (done < total) {
        line.append(" ETA ").append(duration((long) ((total - done) / bytesPerSecond)));
      }
    }
    return line.toString();
  }

  private static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
