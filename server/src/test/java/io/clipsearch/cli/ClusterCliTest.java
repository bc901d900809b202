package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.testing.SharedFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusters}, {@code map}, {@code duplicates} and {@code tags} on 12 sample photos and the
 * tiny-clip model.
 */
class ClusterCliTest {

  @Test
  void clustersMapAndDuplicates(@TempDir Path dir) throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    List<Path> jpegs = SharedFixtures.sampleJpegs().subList(0, 12);
    for (Path jpeg : jpegs) {
      Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
    }
    Files.copy(jpegs.getFirst(), photos.resolve("copy.jpg"));
    String model = SharedFixtures.tinyClip().toString();
    String data = dir.resolve("data").toString();
    CliRun index =
        CliRun.of(
            "index", photos.toString(), "--model", model, "--data", data, "--collection", "c");
    assertEquals(0, index.exitCode(), index.err());
    // the tag vocabulary was embedded once, and kept for every later command of this model
    List<Path> cached = cachedClassVectors(dir.resolve("data"));
    assertEquals(1, cached.size(), cached.toString());
    FileTime embeddedAt = Files.getLastModifiedTime(cached.getFirst());

    CliRun clusters =
        CliRun.of("clusters", "--model", model, "--data", data, "--collection", "c", "--k", "3");
    assertEquals(0, clusters.exitCode(), clusters.err());
    assertTrue(clusters.lines()[0].startsWith("3 clusters of 13 documents"), clusters.out());
    assertEquals(2 + 3, clusters.lines().length, clusters.out());

    Path png = dir.resolve("map.png");
    CliRun map =
        CliRun.of(
            "map",
            "--model",
            model,
            "--data",
            data,
            "--collection",
            "c",
            "--png",
            png.toString(),
            "--size",
            "400");
    assertEquals(0, map.exitCode(), map.err());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(400, image.getWidth());
    assertEquals(400, image.getHeight());
    assertTrue(Files.isDirectory(dir.resolve("data/c/clusters")), "results persisted");

    CliRun duplicates =
        CliRun.of(
            "duplicates",
            "--model",
            model,
            "--data",
            data,
            "--collection",
            "c",
            "--threshold",
            "0.9999");
    assertEquals(0, duplicates.exitCode(), duplicates.err());
    assertTrue(duplicates.out().startsWith("1 groups"), duplicates.out());
    assertTrue(duplicates.out().contains("copy.jpg"), duplicates.out());

    CliRun tags = CliRun.of("tags", "--model", model, "--data", data, "--collection", "c");
    assertEquals(0, tags.exitCode(), tags.err());
    assertTrue(tags.out().startsWith("re-tagged 13 images of collection c"), tags.out());
    assertEquals(cached, cachedClassVectors(dir.resolve("data")));
    assertEquals(
        embeddedAt, Files.getLastModifiedTime(cached.getFirst()), "read, not written again");
    CliRun missing = CliRun.of("tags", "--model", model, "--data", data, "--collection", "nope");
    assertTrue(
        missing.exitCode() != 0 && missing.err().contains("no collection 'nope'"), missing.err());

    // search as people type it: -word without --, JSON lines, like: with the 12-character id
    // printed
    CliRun json =
        CliRun.of(
            "search",
            "--model",
            model,
            "--data",
            data,
            "--collection",
            "c",
            "--all",
            "--rejected",
            "-k",
            "3",
            "--json",
            "a",
            "photo",
            "-people");
    assertEquals(0, json.exitCode(), json.err());
    assertEquals(3, json.lines().length, json.out());
    assertTrue(json.lines()[0].startsWith("{\"id\":\""), json.out());
    String shortId = json.lines()[0].substring(7, 19);
    CliRun like =
        CliRun.of(
            "search",
            "--model",
            model,
            "--data",
            data,
            "--collection",
            "c",
            "--all",
            "-k",
            "1",
            "like:" + shortId);
    assertEquals(0, like.exitCode(), like.err());
    assertTrue(like.lines()[1].contains(shortId), like.out());
    CliRun unknown =
        CliRun.of(
            "search", "--model", model, "--data", data, "--collection", "c", "like:0000000000");
    assertEquals(ErrorReporter.EXIT_USER_ERROR, unknown.exitCode());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
  }

  static List<Path> cachedClassVectors(Path data) throws IOException {
    try (Stream<Path> files = Files.list(CollectionLayout.classVectorsDir(data))) {
      return files.sorted().toList();
    }
  }
}
