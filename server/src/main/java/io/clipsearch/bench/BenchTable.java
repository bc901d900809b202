package io.clipsearch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link SearchBenchmark}'s rows as an aligned text table or as JSON. Immutable. */
public final class BenchTable {

  private final String description;
  private final List<SearchBenchmark.Row> rows;

  public BenchTable(String description, List<SearchBenchmark.Row> rows) {
    this.description = description;
    this.rows = List.copyOf(rows);
  }

  /** A header line, one line per row, and a legend. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(description).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %-14s %-6s %4s %5s %3s %3s %8s %8s %4s %7s %7s %7s %7s %7s %7s %8s %7s%n",
            "format",
            "queries",
            "filter",
            "k",
            "depth",
            "thr",
            "ovs",
            "build s",
            "merge s",
            "seg",
            "B/vec",
            "srch B",
            "recall",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "QPS",
            "RSS MB"));
    for (SearchBenchmark.Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %-14s %-6s %4d %5d %3d %3d %8s %8s %4d %7.0f %7.0f %7.3f %7.2f %7.2f %7.2f %8.1f %7d%n",
              r.format(),
              r.queryKind(),
              r.filtered() ? "10%" : "none",
              r.k(),
              r.depth(),
              r.threads(),
              r.oversample(),
              seconds(r.buildMillis()),
              seconds(r.mergeMillis()),
              r.segments(),
              r.bytesPerVector(),
              r.searchBytesPerVector(),
              r.recall(),
              r.p50Millis(),
              r.p95Millis(),
              r.p99Millis(),
              r.qps(),
              r.rssMb()));
    }
    b.append(
        "B/vec: index bytes on disk per vector; srch B: the part a graph search reads (graph"
            + " + the vectors it scores); recall: recall@k vs exact, counted on the first k of depth"
            + " results asked; thr: concurrent search threads;"
            + " ovs: candidates per result (at least 100 in all); seg: segments searched;"
            + " build/merge '-': a re-used index, or not merged\n");
    return b.toString();
  }

  /** Milliseconds as seconds; "-" for a step not run (a re-used index). */
  private static String seconds(long millis) {
    return millis < 0 ? "-" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  /** {@code {"inputs": ..., "rows": [...]}}, pretty-printed. */
  public String json() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("inputs", description);
    doc.put("rows", rows);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rows are plain records", e);
    }
  }
}
