package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.metadata.Metadata;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class ExifReaderTest {

  private static final ImageDecoder DECODER = new ImageDecoder();
  private final ExifReader reader = new ExifReader();

  /** As ingest reads a photo's facts: from the metadata the decoder parsed on the way. */
  private PhotoMetadata read(String name, byte[] bytes) throws ImageDecodeException {
    return reader.read(name, DECODER.decodeFile(ImageSource.of(name, bytes), 0).metadata());
  }

  @Test
  void readsTheOrientationOfTheFixturePhoto() throws Exception {
    Path photo = SharedFixtures.clipFixture("images/exif-orientation-6.jpg");

    PhotoMetadata m = read(photo.toString(), Files.readAllBytes(photo));

    assertEquals(6, m.orientation());
  }

  @Test
  void samplePhotosCarryNoCameraFacts() throws Exception {
    // the shared samples are wallpapers and test images, stripped of EXIF: all fields absent
    for (Path p : Photos.samples().subList(0, 20)) {
      PhotoMetadata m = read(p.toString(), Files.readAllBytes(p));
      assertEquals(Optional.empty(), m.taken(), p.toString());
      assertEquals(Optional.empty(), m.cameraMake(), p.toString());
    }
  }

  @Test
  void exposureIsReadFromTheFileForTheDetailsAndANonImageHasNone(
      @org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
    Path photo = temp.resolve("crafted.jpg");
    Files.write(
        photo,
        withExif(
            Files.readAllBytes(Photos.samples().getFirst()),
            exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25)));
    io.clipsearch.api.types.ExposureInfo e =
        PhotoHeader.read(new ByteArrayInputStream(Files.readAllBytes(photo)))
            .flatMap(ExposureReader::read)
            .orElseThrow();
    assertEquals(2.8, e.fNumber(), 1e-9);
    assertEquals(0.004, e.exposureSeconds(), 1e-9);
    assertEquals(400, e.iso());
    assertEquals(35.0, e.focalLengthMm(), 1e-9);
    assertTrue(PhotoHeader.read(new ByteArrayInputStream(new byte[] {1, 2, 3})).isEmpty());
  }

  @Test
  void readsDateWithOffsetCameraLensAndPosition() throws Exception {
    byte[] jpeg =
        withExif(
            Files.readAllBytes(Photos.samples().getFirst()),
            exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25));

    PhotoMetadata m = read("crafted.jpg", jpeg);

    assertEquals(Optional.of(Instant.parse("2021-07-14T16:30:05Z")), m.taken(), "offset applied");
    assertEquals(Optional.of("Canon"), m.cameraMake(), "NUL padding stripped");
    assertEquals(Optional.of("EOS R5"), m.cameraModel());
    assertEquals(Optional.of("RF24-70mm F2.8 L IS USM"), m.lens());
    assertEquals(37.5, m.latitude().orElseThrow(), 1e-9);
    assertEquals(-122.25, m.longitude().orElseThrow(), 1e-9);
    assertEquals(3, m.orientation());
  }

  @Test
  void aDateWithoutOffsetIsReadAsUtc() throws Exception {
    byte[] jpeg =
        withExif(
            Files.readAllBytes(Photos.samples().getFirst()),
            exif("2021:07:14 18:30:05", null, 0, 0));

    PhotoMetadata m = read("crafted.jpg", jpeg);

    assertEquals(Optional.of(Instant.parse("2021-07-14T18:30:05Z")), m.taken());
    assertEquals(Optional.empty(), m.latitude(), "0,0 is no GPS fix");
  }

  @Test
  void brokenMetadataGivesAbsentFieldsNeverAnError() throws Exception {
    byte[] tiff = exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25);
    byte[] jpeg =
        withExif(
            Files.readAllBytes(Photos.samples().getFirst()),
            Arrays.copyOf(tiff, tiff.length / 3)); // offsets now point past the end

    PhotoMetadata cut = read("cut.jpg", jpeg);
    PhotoMetadata none = reader.read("bare.png", new Metadata());

    assertTrue(cut.orientation() >= 1 && cut.orientation() <= 8);
    assertEquals(PhotoMetadata.NONE, none);
  }

  // ---- a minimal EXIF writer: big-endian TIFF with IFD0, the Exif sub-IFD and the GPS IFD -------

  private static final int ASCII = 2;
  private static final int SHORT = 3;
  private static final int LONG = 4;
  private static final int RATIONAL = 5;

  private record Entry(int tag, int type, int count, byte[] value) {}

  /**
   * An EXIF block as a Canon writes it: date taken (with {@code offset} if not null), make, model,
   * lens, orientation 3, exposure (f/2.8, 1/250 s, ISO 400, 35 mm) and a GPS position. For tests of
   * other packages too.
   */
  public static byte[] exif(String taken, String offset, double lat, double lon) {
    List<Entry> sub =
        new ArrayList<>(
            List.of(
                ascii(0x9003, taken),
                ascii(0xA434, "RF24-70mm F2.8 L IS USM"),
                rational(0x829A, 1, 250),
                rational(0x829D, 28, 10),
                new Entry(0x8827, SHORT, 1, new byte[] {1, (byte) 0x90, 0, 0}),
                rational(0x920A, 35, 1)));
    if (offset != null) {
      sub.add(ascii(0x9011, offset));
    }
    List<Entry> gps =
        List.of(
            ascii(0x0001, lat >= 0 ? "N" : "S"),
            degrees(0x0002, Math.abs(lat)),
            ascii(0x0003, lon >= 0 ? "E" : "W"),
            degrees(0x0004, Math.abs(lon)));
    List<Entry> ifd0 =
        new ArrayList<>(
            List.of(
                ascii(0x010F, "Canon\0\0\0"),
                ascii(0x0110, "EOS R5"),
                new Entry(0x0112, SHORT, 1, new byte[] {0, 3, 0, 0}),
                longEntry(0x8769, 0),
                longEntry(0x8825, 0)));
    int subAt = 8 + size(ifd0);
    int gpsAt = subAt + size(sub);
    ifd0.set(3, longEntry(0x8769, subAt));
    ifd0.set(4, longEntry(0x8825, gpsAt));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    out.writeBytes(ifd(ifd0, 8));
    out.writeBytes(ifd(sub, subAt));
    out.writeBytes(ifd(gps, gpsAt));
    return out.toByteArray();
  }

  private static Entry ascii(int tag, String s) {
    byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
    return new Entry(tag, ASCII, b.length, b);
  }

  private static Entry rational(int tag, int numerator, int denominator) {
    return new Entry(
        tag, RATIONAL, 1, ByteBuffer.allocate(8).putInt(numerator).putInt(denominator).array());
  }

  private static Entry longEntry(int tag, int value) {
    return new Entry(tag, LONG, 1, ByteBuffer.allocate(4).putInt(value).array());
  }

  /** Degrees as three rationals: whole degrees, whole minutes, seconds in 1/1000. */
  private static Entry degrees(int tag, double deg) {
    int d = (int) deg;
    int m = (int) ((deg - d) * 60);
    long s1000 = Math.round(((deg - d) * 60 - m) * 60 * 1000);
    ByteBuffer b =
        ByteBuffer.allocate(24)
            .putInt(d)
            .putInt(1)
            .putInt(m)
            .putInt(1)
            .putInt((int) s1000)
            .putInt(1000);
    return new Entry(tag, RATIONAL, 3, b.array());
  }

  private static int size(List<Entry> entries) {
    int size = 2 + 12 * entries.size() + 4;
    for (Entry e : entries) {
      size += e.value().length > 4 ? e.value().length : 0;
    }
    return size;
  }

  private static byte[] ifd(List<Entry> entries, int at) {
    ByteBuffer b = ByteBuffer.allocate(size(entries));
    b.putShort((short) entries.size());
    int data = at + 2 + 12 * entries.size() + 4;
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    for (Entry e : entries) {
      b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
      if (e.value().length <= 4) {
        b.put(Arrays.copyOf(e.value(), 4));
      } else {
        b.putInt(data + tail.size());
        tail.writeBytes(e.value());
      }
    }
    b.putInt(0); // no next IFD
    b.put(tail.toByteArray());
    return b.array();
  }

  /**
   * {@code jpeg} with {@code tiff} as its EXIF segment, inserted after its start-of-image marker.
   */
  public static byte[] withExif(byte[] jpeg, byte[] tiff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
    int length = 2 + 6 + tiff.length;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
