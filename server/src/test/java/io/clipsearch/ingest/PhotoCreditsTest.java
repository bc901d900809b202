package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.testing.SharedFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credits from XMP, from manifests in the sample set's format, and which manifest wins. */
class PhotoCreditsTest {

  @Test
  void readsXmpCreatorsAndRights() throws IOException, ImagingException {
    String xmp =
        """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:creator><rdf:Seq><rdf:li>Ana Lima</rdf:li><rdf:li>Bo Chen</rdf:li></rdf:Seq></dc:creator>
        <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY-SA 4.0</rdf:li></rdf:Alt></dc:rights>
        </rdf:Description></rdf:RDF></x:xmpmeta>""";
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    new JpegXmpRewriter()
        .updateXmpXml(Files.readAllBytes(SharedFixtures.sampleJpegs().getFirst()), jpeg, xmp);

    assertEquals(
        Optional.of("Ana Lima, Bo Chen · CC BY-SA 4.0"),
        PhotoHeader.read(new ByteArrayInputStream(jpeg.toByteArray()))
            .flatMap(PhotoCredits::fromMetadata));
  }

  @Test
  void creditsTheSampleSetsWallpapersWithTheirAuthors() throws IOException {
    CreditManifest manifest =
        CreditManifest.parse(Files.readString(SharedFixtures.path("sample-images/MANIFEST.tsv")));

    assertEquals(
        Optional.of(
            "Bridge by Sander Klootwijk · CC-BY-4.0 / CC-BY-SA-4.0 per debian_copyright · "
                + "Debian lomiri-wallpapers-16.04 20.04.0-2"),
        manifest.credit("debian_wallpapers/lomiri/Bridge_by_Sander_Klootwijk.jpg"));
    assertEquals(
        Optional.of(
            "Picture 0B by freespace · CC-BY-4.0 / CC-BY-SA-4.0 per debian_copyright · "
                + "Debian lomiri-wallpapers-16.04 20.04.0-2"),
        manifest.credit("debian_wallpapers/lomiri/Picture_0B_by_freespace.jpg"));
    // no author in the name: license and source only
    assertEquals(
        Optional.of("GPL-2+ per debian_copyright · Debian mate-backgrounds 1.26.0-1"),
        manifest.credit("debian_wallpapers/mate_nature/Aqua.jpg"));
    assertEquals(Optional.empty(), manifest.credit("Bridge_by_Sander_Klootwijk.jpg"));
  }

  @Test
  void aManifestWithoutAFileOrLicenseColumnIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CreditManifest.parse("name\tlicense\na.jpg\tCC0\n"));
    assertEquals("MANIFEST.tsv has no 'file' column in its header [name, license]", e.getMessage());
  }

  @Test
  void theNearestManifestListingThePhotoWinsUpToTheRoot(@TempDir Path temp) throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path trip = Files.createDirectories(root.resolve("2024/trip"));
    Files.writeString(
        temp.resolve("MANIFEST.tsv"), "file\tlicense\nroot/2024/trip/a.jpg\tabove the root\n");
    Files.writeString(
        root.resolve("MANIFEST.tsv"),
        "file\tlicense\n2024/trip/a.jpg\tCC0\n2024/trip/b.jpg\tCC BY\n");
    Files.writeString(
        trip.resolve("MANIFEST.tsv"), "file\tlicense\tsource\nb.jpg\tCC BY-SA\tmy camera\n");
    PhotoCredits credits = new PhotoCredits(false);

    assertEquals(Optional.of("CC0"), credits.fromManifests(trip.resolve("a.jpg"), List.of(root)));
    assertEquals(
        Optional.of("CC BY-SA · my camera"),
        credits.fromManifests(trip.resolve("b.jpg"), List.of(root)));
    assertEquals(Optional.empty(), credits.fromManifests(trip.resolve("c.jpg"), List.of(root)));
  }
}
