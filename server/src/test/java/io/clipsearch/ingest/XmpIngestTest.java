package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.XmpTags;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.MatchedBy;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SearchSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XMP end to end: real JPEGs with a Lightroom-shaped sidecar ({@code photo-000.xmp}), a
 * darktable-shaped one ({@code photo-001.jpg.xmp}, rejected), XMP embedded in the file ({@code
 * photo-002.jpg}) and a sidecar that is not XMP ({@code photo-003.xmp}); ingested with the
 * tiny-clip model into a Lucene index, then searched with {@link HybridSearch}. Nothing is mocked.
 */
class XmpIngestTest extends TinyModelIngestTestBase {

  /** Lightroom's sample with two stars instead of four. */
  private static final String LIGHTROOM_TWO_STARS =
      XmpReaderTest.LIGHTROOM.replace("xmp:Rating=\"4\"", "xmp:Rating=\"2\"");

  /** Embedded in photo-002.jpg: four stars, a green label, one keyword. */
  private static final String EMBEDDED =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmp:Rating="4" xmp:Label="Green">
         <dc:subject><rdf:Bag><rdf:li>lighthouse</rdf:li></rdf:Bag></dc:subject>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  private Path lightroom;
  private Path darktable;
  private Path embedded;
  private Path notXmp;

  @Override
  int photoCount() {
    return 4;
  }

  @BeforeEach
  void tagPhotos() throws IOException {
    lightroom = photos.resolve("photo-000.jpg");
    darktable = photos.resolve("photo-001.jpg");
    embedded = photos.resolve("photo-002.jpg");
    notXmp = photos.resolve("photo-003.jpg");
    Files.writeString(photos.resolve("photo-000.xmp"), LIGHTROOM_TWO_STARS);
    Files.writeString(photos.resolve("photo-001.jpg.xmp"), XmpReaderTest.DARKTABLE);
    Files.write(embedded, withXmp(Files.readAllBytes(embedded), EMBEDDED));
    Files.writeString(photos.resolve("photo-003.xmp"), "not xmp at all");
  }

  /** The JPEG with an XMP APP1 segment right after its SOI marker, as cameras and editors write. */
  static byte[] withXmp(byte[] jpeg, String packet) {
    byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    byte[] body = packet.getBytes(StandardCharsets.UTF_8);
    int length = 2 + header.length + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(header);
    out.writeBytes(body);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private Map<Path, ImageDoc> indexed() throws IOException {
    try (VectorIndex index = openIndex();
        SearchSession session = IndexReads.backend(index).session()) {
      return List.of(lightroom, darktable, embedded, notXmp).stream()
          .collect(Collectors.toMap(p -> p, p -> find(session, p)));
    }
  }

  private static ImageDoc find(SearchSession session, Path path) {
    try {
      return session.findByPath(path).orElseThrow(() -> new AssertionError(path + " not indexed"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every photo a search returns (no cutoff, vector and keyword sides fused), by path. */
  private Map<Path, SearchHit> search(String query, SearchFilters filters)
      throws IOException, ImageDecodeException {
    try (VectorIndex index = openIndex()) {
      HybridSearch search =
          new HybridSearch(
              new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
              model,
              SearchSettings.DEFAULTS);
      return search
          .search(
              SearchRequest.of(query)
                  .withFilters(filters)
                  .withMode(SearchMode.HYBRID)
                  .withCutoff(null, false)
                  .withPage(0, 10))
          .hits()
          .stream()
          .collect(Collectors.toMap(h -> Path.of(h.path()), h -> h));
    }
  }

  /** Rejected photos hidden, as a search does by default. */
  private static final SearchFilters DEFAULT = SearchFilters.NONE.hidingRejected(true);

  @Test
  void sidecarsAndEmbeddedXmpAreIndexedAndANonXmpSidecarIsIgnored() throws IOException {
    IngestReport report = ingestOnce();

    assertEquals(4, report.counts().embedded());
    assertTrue(report.skipped().isEmpty(), report.skipped().toString());
    Map<Path, ImageDoc> docs = indexed();
    assertEquals(
        new XmpTags(
            2,
            "red",
            List.of("osprey", "lake", "Animals", "Birds"),
            "Osprey at sunset",
            "Fishing over the lake"),
        docs.get(lightroom).metadata().xmp());
    assertEquals(
        new XmpTags(-1, "blue", List.of("blurred", "darktable", "format", "cr2"), null, null),
        docs.get(darktable).metadata().xmp());
    assertEquals(
        new XmpTags(4, "green", List.of("lighthouse"), null, null),
        docs.get(embedded).metadata().xmp());
    assertEquals(XmpTags.NONE, docs.get(notXmp).metadata().xmp());
    assertEquals(
        Files.getLastModifiedTime(photos.resolve("photo-000.xmp")).toMillis(),
        docs.get(lightroom).sidecarMtimeMillis());
    assertEquals(0, docs.get(embedded).sidecarMtimeMillis());
  }

  @Test
  void ratingAndLabelFilterAndRejectedPhotosAreHiddenUnlessAsked() throws Exception {
    ingestOnce();

    assertEquals(List.of(embedded), paths(search("a photo rating>=4", DEFAULT)));
    assertEquals(List.of(lightroom), paths(search("a photo label:red", DEFAULT)));
    assertEquals(List.of(lightroom), paths(search("a photo rating:2", DEFAULT)));
    assertEquals(
        List.of(embedded),
        paths(
            search(
                "a photo",
                new SearchFilters(null, null, null, null, null, null, 3, null, "GREEN", true))));
    // hidden by default, shown on request, and asked for by rating:-1
    assertEquals(List.of(lightroom, embedded, notXmp), paths(search("a photo", DEFAULT)));
    assertEquals(
        List.of(lightroom, darktable, embedded, notXmp),
        paths(search("a photo", SearchFilters.NONE)));
    assertEquals(List.of(darktable), paths(search("a photo rating:-1", DEFAULT)));
  }

  @Test
  void aSidecarKeywordTitleOrDescriptionIsANameLikeMatch() throws Exception {
    ingestOnce();

    assertEquals(MatchedBy.KEYWORD, search("osprey", DEFAULT).get(lightroom).matchedBy());
    assertEquals(MatchedBy.KEYWORD, search("birds", DEFAULT).get(lightroom).matchedBy());
    assertEquals(MatchedBy.KEYWORD, search("fishing lake", DEFAULT).get(lightroom).matchedBy());
    assertEquals(MatchedBy.KEYWORD, search("lighthouse", DEFAULT).get(embedded).matchedBy());
    Map<Path, SearchHit> osprey = search("osprey", DEFAULT);
    assertEquals(Optional.empty(), Optional.ofNullable(osprey.get(embedded).matchedBy()));
  }

  @Test
  void anEditedSidecarIsPickedUpWithoutReEmbedding() throws Exception {
    ingestOnce();
    Map<Path, ImageDoc> before = indexed();
    Path sidecar = photos.resolve("photo-000.xmp");
    long mtime = Files.getLastModifiedTime(sidecar).toMillis();
    Files.writeString(
        sidecar,
        XmpReaderTest.LIGHTROOM
            .replace("xmp:Rating=\"4\"", "xmp:Rating=\"5\"")
            .replace("<rdf:li>lake</rdf:li>", "<rdf:li>lake</rdf:li><rdf:li>heron</rdf:li>"));
    Files.setLastModifiedTime(sidecar, FileTime.fromMillis(mtime + 60_000));

    IngestReport again = ingestOnce();

    assertEquals(0, again.counts().embedded());
    assertEquals(4, again.counts().unchanged());
    ImageDoc after = indexed().get(lightroom);
    assertEquals(5, after.metadata().xmp().rating());
    assertTrue(after.metadata().xmp().keywords().contains("heron"));
    assertEquals(mtime + 60_000, after.sidecarMtimeMillis());
    assertArrayEquals(before.get(lightroom).vector(), after.vector());
    assertEquals(List.of(lightroom), paths(search("a photo rating>=5", DEFAULT)));
    assertEquals(MatchedBy.KEYWORD, search("heron", DEFAULT).get(lightroom).matchedBy());

    // a third run opens nothing: the new sidecar mtime is stored (garbage bytes of the same size
    // and mtime would fail if the photo were read)
    for (Path photo : List.of(lightroom, notXmp)) {
      FileTime photoMtime = Files.getLastModifiedTime(photo);
      Files.write(photo, new byte[(int) Files.size(photo)]);
      Files.setLastModifiedTime(photo, photoMtime);
    }
    IngestReport third = ingestOnce();
    assertEquals(0, third.counts().embedded());
    assertEquals(0, third.counts().failed());
    assertEquals(4, third.counts().unchanged());
  }

  /** The hits' paths in file-name order. */
  private static List<Path> paths(Map<Path, SearchHit> hits) {
    return hits.keySet().stream().sorted().toList();
  }
}
