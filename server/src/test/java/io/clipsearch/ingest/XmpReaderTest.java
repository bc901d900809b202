package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.internal.xmp.XMPException;
import io.clipsearch.index.XmpTags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmpReaderTest {

  /** Shaped like Lightroom Classic's sidecar for a RAW ({@code IMG_1.xmp}). */
  static final String LIGHTROOM =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
          xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
         xmp:Rating="4"
         xmp:Label="Red"
         crs:Version="15.0">
         <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Osprey at sunset</rdf:li></rdf:Alt></dc:title>
         <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Fishing over the lake</rdf:li></rdf:Alt></dc:description>
         <dc:subject><rdf:Bag><rdf:li>osprey</rdf:li><rdf:li>lake</rdf:li><rdf:li>Osprey</rdf:li></rdf:Bag></dc:subject>
         <lr:hierarchicalSubject><rdf:Bag><rdf:li>Animals|Birds|Osprey</rdf:li></rdf:Bag></lr:hierarchicalSubject>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  /** Shaped like darktable's sidecar ({@code IMG_1.CR2.xmp}): rejected, a blue label. */
  static final String DARKTABLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
          xmlns:darktable="http://darktable.sf.net/"
         xmp:Rating="-1"
         darktable:xmp_version="5"
         darktable:raw_params="0">
         <darktable:colorlabels><rdf:Seq><rdf:li>3</rdf:li></rdf:Seq></darktable:colorlabels>
         <dc:subject><rdf:Bag><rdf:li>blurred</rdf:li></rdf:Bag></dc:subject>
         <lr:hierarchicalSubject><rdf:Bag><rdf:li>darktable|format|cr2</rdf:li></rdf:Bag></lr:hierarchicalSubject>
         <darktable:history><rdf:Seq/></darktable:history>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  /** Shaped like digiKam's: a numbered colour label and a slash-separated tag list. */
  static final String DIGIKAM =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:digiKam="http://www.digikam.org/ns/1.0/" xmp:Rating="2" digiKam:ColorLabel="4">
         <digiKam:TagsList><rdf:Seq><rdf:li>Places/Iceland</rdf:li></rdf:Seq></digiKam:TagsList>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  @Test
  void lightroomsRatingLabelKeywordsTitleAndDescription() throws Exception {
    XmpTags tags = XmpReader.parse(LIGHTROOM.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        new XmpTags(
            4,
            "red",
            List.of("osprey", "lake", "Animals", "Birds"),
            "Osprey at sunset",
            "Fishing over the lake"),
        tags);
  }

  @Test
  void darktablesRejectAndNumberedLabel() throws Exception {
    XmpTags tags = XmpReader.parse(DARKTABLE.getBytes(StandardCharsets.UTF_8));
    assertEquals(-1, tags.rating());
    assertEquals("blue", tags.label());
    assertEquals(List.of("blurred", "darktable", "format", "cr2"), tags.keywords());
  }

  @Test
  void digiKamsLabelNumberAndTagPaths() throws Exception {
    XmpTags tags = XmpReader.parse(DIGIKAM.getBytes(StandardCharsets.UTF_8));
    assertEquals(new XmpTags(2, "green", List.of("Places", "Iceland"), null, null), tags);
  }

  @Test
  void aSidecarOverridesTheEmbeddedTagsFieldByField() {
    XmpTags embedded = new XmpTags(3, "red", List.of("lake"), "Old title", "A caption");
    XmpTags sidecar = new XmpTags(5, null, List.of("osprey", "Lake"), null, null);
    assertEquals(
        new XmpTags(5, "red", List.of("lake", "osprey"), "Old title", "A caption"),
        embedded.overriddenBy(sidecar));
  }

  @Test
  void notXmpIsAnErrorAndAnOutOfRangeRatingIsIgnored() throws Exception {
    assertThrows(XMPException.class, () -> XmpReader.parse("not xml <".getBytes()));
    String nineStars = LIGHTROOM.replace("xmp:Rating=\"4\"", "xmp:Rating=\"9\"");
    assertEquals(null, XmpReader.parse(nineStars.getBytes(StandardCharsets.UTF_8)).rating());
  }

  @Test
  void theRawSpecificSidecarComesBeforeTheSharedOne(@TempDir Path dir) throws Exception {
    Path raw = Files.createFile(dir.resolve("IMG_1.CR2"));
    assertEquals(Optional.empty(), XmpReader.sidecarOf(raw));
    Path shared = Files.writeString(dir.resolve("IMG_1.xmp"), LIGHTROOM);
    assertEquals(Optional.of(shared), XmpReader.sidecarOf(raw));
    Path own = Files.writeString(dir.resolve("IMG_1.CR2.xmp"), DARKTABLE);
    assertEquals(Optional.of(own), XmpReader.sidecarOf(raw));
    assertTrue(XmpReader.sidecarOf(dir.resolve("IMG_1.JPG")).orElseThrow().equals(shared));
  }
}
