package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command on a collection whose index another process holds (its Lucene write lock, taken here as
 * a second clipsearch process would) says so in one line, exit code 2, instead of a stack trace.
 */
class CollectionInUseCliTest {

  @Test
  void aCollectionHeldElsewhereIsOneClearLine(@TempDir Path dir) throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.copy(SharedFixtures.sampleJpegs().getFirst(), photos.resolve("a.jpg"));
    String model = SharedFixtures.tinyClip().toString();
    String data = dir.resolve("data").toString();
    CliRun index =
        CliRun.of(
            "index", photos.toString(), "--model", model, "--data", data, "--collection", "c");
    assertEquals(0, index.exitCode(), index.err());
    List<Path> indexes;
    try (Stream<Path> models = Files.list(dir.resolve("data/c/index"))) {
      indexes = models.toList();
    }
    assertEquals(1, indexes.size(), indexes.toString());

    try (Directory other = FSDirectory.open(indexes.getFirst());
        Lock held = other.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      held.ensureValid();
      CliRun search =
          CliRun.of("search", "a beach", "--model", model, "--data", data, "--collection", "c");
      assertEquals(ErrorReporter.EXIT_USER_ERROR, search.exitCode(), search.err());
      assertEquals(
          "clipsearch: collection 'c' is open in another clipsearch process (pid "
              + ProcessHandle.current().pid()
              + ", lock file "
              + indexes.getFirst().resolve(IndexWriter.WRITE_LOCK_NAME)
              + "): close it or use another data folder",
          search.err().strip());
    }
  }
}
