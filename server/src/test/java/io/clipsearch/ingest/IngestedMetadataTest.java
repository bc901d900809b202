package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.ExposureInfo;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A photo's EXIF survives the whole ingest road (read once from disk, decoded once, its metadata
 * parsed from the bytes in memory): date taken with its offset, camera, lens, GPS and orientation
 * are in the index, and its exposure is read from the indexed file for the details.
 */
class IngestedMetadataTest extends TinyModelIngestTestBase {

  @Override
  int photoCount() {
    return 0;
  }

  @Test
  void theIndexedDocumentCarriesDateCameraLensAndPositionAndTheFileItsExposure() throws Exception {
    Path photo = photos.resolve("crafted.jpg");
    Files.createDirectories(photos);
    Files.write(
        photo,
        ExifReaderTest.withExif(
            Files.readAllBytes(Photos.samples().getFirst()),
            ExifReaderTest.exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25)));

    try (VectorIndex index = openIndex()) {
      IngestReport report = ingest(index);
      assertEquals(1, report.counts().embedded(), report.skipped().toString());
      index.refresh();

      PhotoMetadata m = IndexReads.findByPath(index, photo).map(ImageDoc::metadata).orElseThrow();
      assertEquals(Optional.of(Instant.parse("2021-07-14T16:30:05Z")), m.taken());
      assertEquals(Optional.of("Canon"), m.cameraMake());
      assertEquals(Optional.of("EOS R5"), m.cameraModel());
      assertEquals(Optional.of("RF24-70mm F2.8 L IS USM"), m.lens());
      assertEquals(37.5, m.latitude().orElseThrow(), 1e-9);
      assertEquals(-122.25, m.longitude().orElseThrow(), 1e-9);
      assertEquals(3, m.orientation());
    }
    ExposureInfo exposure =
        PhotoHeader.read(new ByteArrayInputStream(Files.readAllBytes(photo)))
            .flatMap(ExposureReader::read)
            .orElseThrow();
    assertEquals(2.8, exposure.fNumber(), 1e-9);
    assertEquals(400, exposure.iso());
  }
}
