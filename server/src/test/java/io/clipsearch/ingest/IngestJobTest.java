package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.ingest.IngestProgress.Phase;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The ingest pipeline end to end: real photos, the tiny-clip model, a Lucene index on disk. No part
 * of it is mocked; what a run did is read from its report's counters and from the index.
 */
class IngestJobTest extends TinyModelIngestTestBase {

  private static final int PHOTOS = 12;

  private final List<IngestProgress> events = new ArrayList<>();

  @Override
  int photoCount() {
    return PHOTOS;
  }

  private IngestReport ingest(IngestOptions options) throws IOException {
    try (VectorIndex index = openIndex()) {
      return new IngestJob(
              model,
              index,
              IndexReads.backend(index),
              new ThumbnailStore(layout.thumbsDir()),
              List.of(photos),
              options,
              events::add)
          .run();
    }
  }

  private IngestReport ingest() throws IOException {
    return ingest(IngestOptions.defaults());
  }

  private Map<Path, ImageDoc> indexed() throws IOException {
    try (VectorIndex index = openIndex()) {
      List<ImageDoc> docs =
          index.search(
              s -> {
                MatchAllDocsQuery all = new MatchAllDocsQuery();
                List<ImageDoc> out = new ArrayList<>();
                for (ScoreDoc sd : s.search(all, Math.max(1, s.count(all))).scoreDocs) {
                  out.add(VectorIndex.load(s, sd.doc));
                }
                return out;
              });
      Map<Path, List<ImageDoc>> byPath =
          docs.stream().collect(Collectors.groupingBy(ImageDoc::path));
      byPath.forEach(
          (path, list) -> assertEquals(1, list.size(), path + " is indexed more than once"));
      return byPath.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getFirst()));
    }
  }

  @Test
  void firstRunIndexesEverythingAndAnUnchangedRerunEmbedsNothing() throws IOException {
    IngestReport first = ingest();

    assertEquals(Phase.DONE, first.counts().phase());
    assertEquals(PHOTOS, first.counts().embedded());
    assertEquals(PHOTOS, first.counts().seen());
    assertTrue(first.skipped().isEmpty(), first.skipped().toString());
    Map<Path, ImageDoc> docs = indexed();
    assertEquals(PHOTOS, docs.size());
    for (ImageDoc doc : docs.values()) {
      assertEquals(IngestJob.sha256(Files.readAllBytes(doc.path())), doc.id());
      assertEquals(Files.size(doc.path()), doc.size());
    }

    // same size and modification time: never opened (garbage bytes would fail if it were read)
    Path touched = docs.keySet().iterator().next();
    java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(touched);
    Files.write(touched, new byte[(int) Files.size(touched)]);
    Files.setLastModifiedTime(touched, mtime);
    events.clear();
    IngestReport second = ingest();

    assertEquals(0, second.counts().embedded());
    assertEquals(0, second.counts().failed(), "a file unchanged by size and mtime was read");
    assertEquals(PHOTOS, second.counts().unchanged());
    assertEquals(0, second.counts().deleted());
    assertEquals(Phase.DONE, events.getLast().phase());
    assertEquals(PHOTOS, indexed().size());
  }

  @Test
  void touchedFilesAreReadOnceAndTheEtaReachesZero() throws IOException {
    ingest();
    List<Path> files = new ArrayList<>(indexed().keySet());
    for (Path f : files) { // same bytes, new mtime: read and hashed again, found, not embedded
      Files.setLastModifiedTime(
          f,
          java.nio.file.attribute.FileTime.fromMillis(
              Files.getLastModifiedTime(f).toMillis() + 60_000));
    }
    Photos.copy(photos.resolve("new"), 1, PHOTOS); // one new photo, embedded
    events.clear();

    IngestReport report = ingest();

    assertEquals(1, report.counts().embedded());
    assertEquals(PHOTOS, report.counts().unchanged());
    IngestProgress committing =
        events.stream().filter(e -> e.phase() == Phase.COMMITTING).findFirst().orElseThrow();
    assertEquals(
        0.0, committing.etaSeconds().orElseThrow(), "nothing is left to read when committing");
  }

  @Test
  void thumbnailsHaveALongSideOf320() throws IOException {
    ingest();

    ThumbnailStore thumbs = new ThumbnailStore(layout.thumbsDir());
    for (ImageDoc doc : indexed().values()) {
      Path thumb = thumbs.find(doc.id()).orElseThrow();
      assertEquals(doc.id().substring(0, 2), thumb.getParent().getFileName().toString());
      Mat m = Imgcodecs.imread(thumb.toString());
      try {
        int longSide = Math.max(m.cols(), m.rows());
        assertEquals(
            Math.min(ThumbnailStore.LONG_SIDE, Math.max(doc.width(), doc.height())), longSide);
        // aspect ratio kept, within rounding
        assertEquals((double) doc.width() / doc.height(), (double) m.cols() / m.rows(), 0.02);
      } finally {
        m.release();
      }
    }
    assertTrue(thumbs.find("../../etc/passwd").isEmpty());
  }

  @Test
  void modifiedMovedCopiedAndDeletedFilesAreDetected() throws IOException {
    ingest();
    Map<Path, ImageDoc> before = indexed();
    Path moved = photos.resolve("photo-000.jpg");
    Path movedTo = Files.createDirectories(photos.resolve("sub")).resolve("renamed.jpg");
    Files.move(moved, movedTo);
    Path copiedFrom = photos.resolve("photo-001.jpg");
    Path copy = Files.copy(copiedFrom, photos.resolve("copy.jpg"));
    Path deleted = photos.resolve("photo-002.jpg");
    Files.delete(deleted);
    Path modified = photos.resolve("photo-003.jpg");
    Files.copy(
        Photos.samples().get(100), modified, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(modified, FileTime.fromMillis(System.currentTimeMillis() + 10_000));

    IngestReport report = ingest();

    IngestProgress c = report.counts();
    assertEquals(1, c.embedded(), "only the modified file is embedded");
    assertEquals(1, c.moved());
    assertEquals(1, c.copied());
    assertEquals(2, c.deleted(), "the deleted file and the moved file's old path");
    assertEquals(PHOTOS - 3, c.unchanged());
    Map<Path, ImageDoc> after = indexed();
    assertEquals(PHOTOS, after.size()); // -1 deleted, +1 copy
    assertFalse(after.containsKey(moved));
    assertFalse(after.containsKey(deleted));
    assertArrayEquals(
        before.get(moved).vector(), after.get(movedTo).vector(), "moved: vector re-used");
    assertArrayEquals(
        before.get(copiedFrom).vector(), after.get(copy).vector(), "copy: vector re-used");
    assertEquals(before.get(moved).id(), after.get(movedTo).id());
    assertFalse(Arrays.equals(before.get(modified).vector(), after.get(modified).vector()));
    assertEquals(IngestJob.sha256(Files.readAllBytes(modified)), after.get(modified).id());
  }

  @Test
  void noLinkIsFollowedOutOfTheRootUnlessTold(@TempDir Path elsewhere) throws Exception {
    Path outside = Files.createDirectories(elsewhere.resolve("private"));
    Files.copy(Photos.samples().getFirst(), outside.resolve("secret.jpg"));
    Files.createSymbolicLink(photos.resolve("linked-folder"), outside);
    Files.createSymbolicLink(photos.resolve("linked.jpg"), outside.resolve("secret.jpg"));

    IngestReport report = ingest();

    Map<String, SkipReason> reasons =
        report.skipped().stream()
            .collect(Collectors.toMap(s -> s.path().getFileName().toString(), SkippedFile::reason));
    assertEquals(
        Map.of("linked-folder", SkipReason.SYMLINK, "linked.jpg", SkipReason.SYMLINK), reasons);
    assertEquals(PHOTOS, indexed().size());
    assertTrue(
        indexed().keySet().stream().noneMatch(p -> p.startsWith(photos.resolve("linked-folder"))));

    IngestReport following = ingest(IngestOptions.defaults().withFollowLinksOutOfRoots(true));
    assertEquals(
        2,
        following.counts().embedded() + following.counts().copied(),
        following.counts().toString());
    assertEquals(PHOTOS + 2, indexed().size());
  }

  @Test
  void badFilesAreSkippedWithTheirReasonAndTheRestIsIndexed() throws Exception {
    Path bad = Files.createDirectories(photos.resolve("bad"));
    Files.write(bad.resolve("empty.jpg"), new byte[0]);
    Files.writeString(bad.resolve("notes.jpg"), "this is a text file, not a photo");
    byte[] jpeg = Files.readAllBytes(Photos.samples().getFirst());
    Files.write(bad.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    byte[] corrupt = jpeg.clone();
    Arrays.fill(corrupt, 2, 200, (byte) 0); // headers wiped: starts like a JPEG, then garbage
    Files.write(bad.resolve("corrupt.jpg"), corrupt);
    Files.write(bad.resolve("bomb.png"), pngHeader(50_000, 50_000));
    Files.createSymbolicLink(bad.resolve("dangling.jpg"), bad.resolve("nowhere.jpg"));
    Files.createSymbolicLink(bad.resolve("loop"), photos); // a link back up the tree

    IngestReport report = ingest(IngestOptions.defaults().withFollowLinksOutOfRoots(true));

    Map<String, SkipReason> reasons =
        report.skipped().stream()
            .collect(Collectors.toMap(s -> s.path().getFileName().toString(), SkippedFile::reason));
    assertEquals(SkipReason.EMPTY, reasons.get("empty.jpg"));
    assertEquals(SkipReason.NOT_AN_IMAGE, reasons.get("notes.jpg"));
    assertEquals(SkipReason.CORRUPT, reasons.get("truncated.jpg"));
    assertEquals(SkipReason.CORRUPT, reasons.get("corrupt.jpg"));
    assertEquals(SkipReason.TOO_LARGE, reasons.get("bomb.png"));
    assertEquals(SkipReason.UNREADABLE, reasons.get("dangling.jpg"));
    assertEquals(SkipReason.SYMLINK_LOOP, reasons.get("loop"));
    assertEquals(7, reasons.size(), reasons.toString());
    for (SkippedFile s : report.skipped()) {
      assertTrue(
          s.message().contains(s.path().getFileName().toString())
              || s.reason() == SkipReason.SYMLINK_LOOP
              || s.reason() == SkipReason.UNREADABLE,
          s.toString());
    }
    assertEquals(PHOTOS, report.counts().embedded());
    assertEquals(6, report.counts().failed());
    assertEquals(PHOTOS, indexed().size());

    Path written = report.write(layout.reportsDir());
    String json = Files.readString(written);
    assertTrue(json.contains("\"reason\" : \"TOO_LARGE\""), json);
    assertTrue(json.contains("bomb.png"), json);
  }

  @Test
  void aFileWithoutReadPermissionIsReportedUnreadable() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads any file: test skipped");
    Path locked = photos.resolve("photo-004.jpg");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    IngestReport report = ingest();

    assertEquals(
        List.of(SkipReason.UNREADABLE),
        report.skipped().stream().map(SkippedFile::reason).toList());
    assertEquals(PHOTOS - 1, report.counts().embedded());
  }

  @Test
  void cancellingStopsPromptlyCommitsWhatIsDoneAndTheNextRunFinishes() throws IOException {
    int total = 60;
    Photos.copy(photos.resolve("more"), total - PHOTOS, PHOTOS);
    IngestOptions small = IngestOptions.defaults().withBatchSize(4).withCommitEveryFiles(4);
    AtomicReference<IngestJob> job = new AtomicReference<>();
    IngestReport cancelled;
    try (VectorIndex index = openIndex()) {
      job.set(
          new IngestJob(
              model,
              index,
              IndexReads.backend(index),
              new ThumbnailStore(layout.thumbsDir()),
              List.of(photos),
              small,
              p -> {
                if (p.embedded() >= 4) {
                  job.get().cancel();
                }
              }));
      cancelled = job.get().run();
    }

    assertEquals(Phase.CANCELLED, cancelled.counts().phase());
    long done = cancelled.counts().embedded();
    assertTrue(done >= 4 && done < total, "embedded before the cancel took effect: " + done);
    assertEquals(0, cancelled.counts().deleted());
    assertEquals(done, indexed().size(), "everything embedded was committed");

    IngestReport rest = ingest(small);

    assertEquals(Phase.DONE, rest.counts().phase());
    assertEquals(done, rest.counts().unchanged());
    assertEquals(total - done, rest.counts().embedded());
    assertEquals(total, indexed().size());
  }

  @Test
  void progressIsThrottledAndEndsWithTheFinalCounts() throws IOException {
    IngestOptions slow =
        new IngestOptions(
            2,
            4,
            8,
            100,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            IngestOptions.DEFAULT_MAX_FILES,
            false);

    IngestReport report = ingest(slow);

    // with an hour's interval only the phase changes are sent: scanning, indexing, committing, done
    assertEquals(
        List.of(Phase.SCANNING, Phase.INDEXING, Phase.COMMITTING, Phase.DONE),
        events.stream().map(IngestProgress::phase).toList());
    assertEquals(report.counts(), events.getLast());
    assertTrue(report.counts().filesPerSecond() > 0);
    assertTrue(report.counts().etaSeconds().isEmpty());
  }

  @Test
  void aMissingRootDeletesNothing() throws IOException {
    ingest();
    Path gone = photos.resolveSibling("photos-unplugged");
    Files.move(photos, gone);

    IngestReport report = ingest();

    assertEquals(0, report.counts().deleted());
    assertEquals(SkipReason.UNREADABLE, report.skipped().getFirst().reason());
    assertEquals(PHOTOS, indexed().size());
  }

  /**
   * A 100-byte PNG claiming {@code width x height} pixels: a header and a scrap of pixel data, all
   * a decompression bomb needs to look real.
   */
  private static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(width);
    h.writeInt(height);
    h.write(new byte[] {1, 0, 0, 0, 0}); // 1-bit gray, deflate, adaptive filter, no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[64]);
    deflater.finish();
    byte[] idat = new byte[128];
    int n = deflater.deflate(idat);
    deflater.end();
    chunk(out, "IDAT", Arrays.copyOf(idat, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(typeBytes);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
