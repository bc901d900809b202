package io.clipsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipsearch.lab.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/** What the {@code lab} commands share: a results JSON file and progress lines on stderr. */
final class LabOutput {

  private LabOutput() {}

  static void writeJson(Object result, Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
  }

  /** Prints a result and flushes: the process may exit right after. */
  static void print(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }

  /** Progress lines for {@code what} ("images"), at most one a second and always the last. */
  static Consumer<Progress> progress(PrintWriter err, String what) {
    long[] last = {0};
    return p -> {
      long now = System.nanoTime();
      if (p.done() == p.total() || now - last[0] >= 1_000_000_000L) {
        last[0] = now;
        err.println(p.line(what));
        err.flush();
      }
    };
  }
}
