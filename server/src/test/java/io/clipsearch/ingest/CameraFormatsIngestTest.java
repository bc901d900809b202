package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.image.CameraFixtures;
import io.clipsearch.model.image.DecoderLibraries;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.RawFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A folder of mixed formats as a photographer has it: every photo indexed (HEIC, AVIF, DNG with and
 * without a preview, a JPEG saved without its extension), and every file with an image extension or
 * signature that is not indexed listed in the report with its reason.
 */
class CameraFormatsIngestTest extends TinyModelIngestTestBase {

  @Override
  int photoCount() {
    return 1;
  }

  @Test
  void everyPhotoIsIndexedAndEveryOtherImageFileIsReported() throws Exception {
    assumeTrue(
        DecoderLibraries.all().stream().allMatch(DecoderLibraries.Library::present),
        "libheif or LibRaw missing: skipped");
    Path jpeg;
    try (Stream<Path> files = Files.list(photos)) {
      jpeg = files.findFirst().orElseThrow();
    }
    byte[] jpegBytes = Files.readAllBytes(jpeg);
    var scene = new ImageDecoder().decode(ImageSource.of(jpeg));
    CameraFixtures.heifEncode(jpeg, photos.resolve("phone.heic"), false);
    CameraFixtures.heifEncode(jpeg, photos.resolve("web.avif"), true);
    Files.write(photos.resolve("camera.dng"), RawFileWriter.write(scene, jpegBytes, 1));
    Files.write(photos.resolve("scanned.DNG"), RawFileWriter.write(scene, null, 1));
    Files.write(photos.resolve("no-extension"), jpegBytes);
    byte[] heic = Files.readAllBytes(photos.resolve("phone.heic"));
    Files.write(photos.resolve("cut.heic"), Arrays.copyOf(heic, heic.length / 2));
    Files.writeString(photos.resolve("fake.nef"), "not a raw file");
    Files.writeString(photos.resolve("notes.txt"), "shot list");
    Files.writeString(photos.resolve("camera.xmp"), XmpReaderTest.LIGHTROOM);

    IngestReport report = ingestOnce();
    List<String> ids = new ArrayList<>();
    try (VectorIndex index = openIndex()) {
      IndexReads.forEach(index, doc -> ids.add(doc.id()));
    }
    assertEquals(6, report.counts().embedded(), "the JPEG, HEIC, AVIF, two DNGs, no-extension");
    Map<String, SkipReason> skipped =
        report.skipped().stream()
            .collect(Collectors.toMap(s -> s.path().getFileName().toString(), SkippedFile::reason));
    assertEquals(
        Map.of("cut.heic", SkipReason.CORRUPT, "fake.nef", SkipReason.NOT_AN_IMAGE), skipped);
    ThumbnailStore thumbs = new ThumbnailStore(layout.thumbsDir());
    assertEquals(6, ids.size());
    for (String id : ids) {
      assertTrue(thumbs.find(id).isPresent(), "a thumbnail for " + id);
    }
  }

  @Test
  void aRawWithAJpegOfTheSameNameIsOnePhotoAndRemovingTheJpegKeepsIt() throws Exception {
    assumeTrue(DecoderLibraries.libRaw().present(), "LibRaw missing: skipped");
    Path jpeg;
    try (Stream<Path> files = Files.list(photos)) {
      jpeg = files.findFirst().orElseThrow();
    }
    var scene = new ImageDecoder().decode(ImageSource.of(jpeg));
    Path pairedJpeg = Files.move(jpeg, photos.resolve("IMG_1.JPG"));
    Files.write(photos.resolve("IMG_1.CR2.dng.txt"), new byte[] {1}); // not a companion: other name
    Files.write(photos.resolve("IMG_1.DNG"), RawFileWriter.write(scene, null, 1));
    Files.write(photos.resolve("IMG_2.dng"), RawFileWriter.write(scene, null, 3)); // other bytes

    assertEquals(2, ingestOnce().counts().embedded(), "IMG_1 (through its JPEG) and IMG_2");
    assertEquals(List.of("IMG_1.JPG", "IMG_2.dng"), indexedNames());

    Files.delete(pairedJpeg);
    IngestReport second = ingestOnce();
    assertEquals(1, second.counts().embedded(), "the RAW alone now: it is the photo");
    assertEquals(List.of("IMG_1.DNG", "IMG_2.dng"), indexedNames());
  }

  private List<String> indexedNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (VectorIndex index = openIndex()) {
      IndexReads.forEach(index, doc -> names.add(doc.path().getFileName().toString()));
    }
    return names.stream().sorted().toList();
  }
}
