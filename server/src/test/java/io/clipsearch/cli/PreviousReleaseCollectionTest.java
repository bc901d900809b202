package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.TestFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection written by a previous release (9d05885, before the index gained XMP ratings, labels,
 * keywords and sidecar times; made by {@code scripts/make-previous-release-collection}) opens with
 * this version: it is searched as it is, its documents count as unrated, and indexing the same
 * photos from a new folder reuses their vectors (moved, none embedded again).
 */
class PreviousReleaseCollectionTest {

  private static final String FIXTURE = "previous-release-9d05885";

  /** Where the previous release indexed the photos; the folder no longer exists. */
  private static final String OLD_ROOT = "/tmp/clipsearch-previous-release-photos/";

  @TempDir Path tmp;

  @Test
  void itIsSearchedAsItIsAndItsVectorsAreReused() throws Exception {
    Path data = tmp.resolve("data");
    TestFiles.copyTree(fixture().resolve("old"), data.resolve("old"));
    CliRun search = onOld(data, "search", "a", "photo");
    assertEquals(0, search.exitCode(), search.err());
    List<String> hits = search.out().lines().filter(l -> l.contains(OLD_ROOT)).toList();
    assertEquals(3, hits.size(), search.out());

    CliRun rated = onOld(data, "search", "a", "photo", "rating>=1");
    assertEquals(0, rated.exitCode(), rated.err());
    assertTrue(rated.out().lines().noneMatch(l -> l.contains(OLD_ROOT)), "unrated: " + rated.out());

    Path photos = tmp.resolve("photos");
    SharedFixtures.copySampleJpegs(photos, 3);
    CliRun index = onOld(data, "index", photos.toString());
    assertEquals(0, index.exitCode(), index.err());
    assertTrue(index.out().contains(" 0 embedded, 0 unchanged, 3 moved"), index.out());
  }

  /** {@code clipsearch COMMAND} on the collection "old" of {@code data}, with tiny-clip. */
  private static CliRun onOld(Path data, String command, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                command,
                "--data",
                data.toString(),
                "--model",
                SharedFixtures.tinyClip().toString(),
                "--collection",
                "old"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(PreviousReleaseCollectionTest.class.getResource(FIXTURE).toURI());
  }
}
