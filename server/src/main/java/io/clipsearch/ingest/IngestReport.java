package io.clipsearch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one ingest run: its final counters and every file or folder it skipped, with the
 * reason. Immutable.
 *
 * @param roots the folders scanned
 * @param started when the run began
 * @param duration how long it ran
 * @param counts the final counters; {@code counts.phase()} is {@code DONE} or {@code CANCELLED}
 * @param skipped files and folders left out, in the order they were met
 */
public record IngestReport(
    List<Path> roots,
    Instant started,
    Duration duration,
    IngestProgress counts,
    List<SkippedFile> skipped) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  public IngestReport {
    roots = List.copyOf(roots);
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(counts, "counts");
    skipped = List.copyOf(skipped);
  }

  /** Whether files were met and every one of them failed: nothing was indexed or kept. */
  public boolean allFailed() {
    return counts.failed() > 0
        && counts.embedded() + counts.unchanged() + counts.moved() + counts.copied() == 0;
  }

  public boolean cancelled() {
    return counts.phase() == IngestProgress.Phase.CANCELLED;
  }

  /**
   * Writes the report as {@code ingest-<UTC start time>.json} in {@code dir} (created if needed),
   * atomically.
   *
   * @return the file written
   */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("ingest-" + FILE_STAMP.format(started) + ".json");
    Path tmp = Files.createTempFile(dir, ".ingest", ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), toJson());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** The report as a JSON tree: what {@link #write} stores. */
  public ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode rootArray = node.putArray("roots");
    roots.forEach(r -> rootArray.add(r.toString()));
    node.put("started", started.toString());
    node.put("seconds", duration.toMillis() / 1000.0);
    node.put("outcome", counts.phase().name());
    node.put("files", counts.seen());
    node.put("embedded", counts.embedded());
    node.put("unchanged", counts.unchanged());
    node.put("moved", counts.moved());
    node.put("copied", counts.copied());
    node.put("deleted", counts.deleted());
    node.put("failed", counts.failed());
    ArrayNode list = node.putArray("skipped");
    for (SkippedFile s : skipped) {
      list.addObject()
          .put("file", s.path().toString())
          .put("reason", s.reason().name())
          .put("message", s.message());
    }
    return node;
  }
}
