package io.clipsearch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Writes one JSON object per line: the output format of {@code tokenize} and {@code embed}. */
final class JsonLines {

  private final ObjectMapper mapper = new ObjectMapper();
  private final PrintWriter out;

  JsonLines(PrintWriter out) {
    this.out = out;
  }

  void write(Object value) {
    try {
      out.println(mapper.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
