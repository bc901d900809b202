package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.IndexFields;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.ChildCli;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety for real: {@code clipsearch index} runs in a child JVM, is killed with SIGKILL after
 * some commits, and a second run must finish the job with no duplicate and no lost file.
 */
class IngestCrashTest {

  private static final int PHOTOS = 150;
  private static final int COMMIT_EVERY = 5;

  /** Kill once this many documents are committed: well into the run, well before its end. */
  private static final int KILL_AFTER = 20;

  private static final Pattern SUMMARY =
      Pattern.compile(
          "indexed: (\\d+) files in [\\d.]+ s: (\\d+) embedded, (\\d+) unchanged, (\\d+) moved, (\\d+) copied");

  @TempDir Path tmp;

  @Test
  void killedMidRunTheNextRunResumesWithoutDuplicates() throws Exception {
    Path photos = tmp.resolve("photos");
    List<Path> files = Photos.copy(photos, PHOTOS, 0);
    Path data = tmp.resolve("data");

    ChildCli firstRun = start(photos, data);
    Process first = firstRun.process();
    List<String> firstOutput = firstRun.output();
    int committedAtKill = awaitCommitted(data, first);
    first.destroyForcibly();
    assertTrue(first.waitFor(2, TimeUnit.MINUTES), "the killed child did not exit");
    assertTrue(
        committedAtKill >= KILL_AFTER && committedAtKill < PHOTOS,
        "killed with " + committedAtKill + " committed; output: " + firstOutput);
    Set<String> survived = indexedPaths(data); // opens cleanly after the kill
    assertTrue(
        survived.size() >= committedAtKill && survived.size() < PHOTOS, "" + survived.size());

    ChildCli secondRun = start(photos, data);
    Process second = secondRun.process();
    List<String> secondOutput = secondRun.output();
    assertTrue(second.waitFor(5, TimeUnit.MINUTES), "second run did not finish");
    assertEquals(0, second.exitValue(), String.join("\n", secondOutput));

    Matcher summary =
        secondOutput.stream()
            .map(SUMMARY::matcher)
            .filter(Matcher::find)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no summary in " + secondOutput));
    assertEquals(PHOTOS, Integer.parseInt(summary.group(1)));
    assertEquals(
        PHOTOS - survived.size(), Integer.parseInt(summary.group(2)), "embedded only the rest");
    assertEquals(
        survived.size(), Integer.parseInt(summary.group(3)), "committed files are unchanged");
    Set<String> all = indexedPaths(data);
    Set<String> expected = new HashSet<>();
    files.forEach(f -> expected.add(realPath(f)));
    assertEquals(expected, all);
  }

  private static String realPath(Path p) {
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ChildCli start(Path photos, Path data) throws IOException {
    return ChildCli.start(
        "index",
        photos.toString(),
        "--model",
        SharedFixtures.tinyClip().toString(),
        "--data",
        data.toString(),
        "--commit-every",
        Integer.toString(COMMIT_EVERY));
  }

  /** Polls the committed index until it holds {@link #KILL_AFTER} documents. */
  private static int awaitCommitted(Path data, Process child) throws Exception {
    AtomicInteger committed = new AtomicInteger();
    Await.until(
        KILL_AFTER + " committed documents",
        Duration.ofMinutes(3),
        () -> {
          committed.set(committedDocs(data));
          if (committed.get() < KILL_AFTER && !child.isAlive()) {
            throw new AssertionError("the child ended before " + KILL_AFTER + " commits");
          }
          return committed.get() >= KILL_AFTER;
        });
    return committed.get();
  }

  /** The documents in the last commit, 0 before the first. */
  private static int committedDocs(Path data) throws IOException {
    Path indexDir = indexDir(data);
    if (indexDir == null) {
      return 0;
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs();
      }
    }
  }

  private static Path indexDir(Path data) throws IOException {
    Path models = data.resolve("default").resolve("index");
    if (!Files.isDirectory(models)) {
      return null;
    }
    try (Stream<Path> s = Files.list(models)) {
      return s.findFirst().orElse(null);
    }
  }

  /** Every live document's path; fails on a duplicate. */
  private static Set<String> indexedPaths(Path data) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir(data));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      Set<String> paths = new HashSet<>();
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live == null || live.get(d)) {
          String path = stored.document(d).get(IndexFields.PATH);
          assertTrue(paths.add(path), "indexed twice: " + path);
        }
      }
      assertEquals(reader.numDocs(), paths.size());
      return paths;
    }
  }
}
