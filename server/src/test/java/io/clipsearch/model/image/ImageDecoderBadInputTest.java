package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.image.ImageDecodeException.Reason;
import io.clipsearch.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an image can be refused: the right {@link Reason}, and a message naming the file. */
class ImageDecoderBadInputTest {

  private static final ImageDecoder DECODER = new ImageDecoder();

  @TempDir Path dir;

  private static ImageDecodeException refused(ImageDecoder decoder, Path file, Reason reason) {
    ImageDecodeException e =
        assertThrows(ImageDecodeException.class, () -> decoder.decode(ImageSource.of(file)));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(file.toString(), e.imageName());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    return e;
  }

  @Test
  void zeroByteFileIsEmpty() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.jpg"));
    refused(DECODER, file, Reason.EMPTY);
  }

  @Test
  void missingFileAndDirectoryAreUnreadable() throws IOException {
    refused(DECODER, dir.resolve("no-such-photo.jpg"), Reason.UNREADABLE);
    refused(DECODER, Files.createDirectory(dir.resolve("folder.jpg")), Reason.UNREADABLE);
  }

  @Test
  void textFileNamedJpgIsNotAnImage() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.jpg"), "shopping list: eggs, milk\n");
    ImageDecodeException e = refused(DECODER, file, Reason.NOT_AN_IMAGE);
    assertTrue(e.getMessage().contains("not an image"), e.getMessage());
  }

  @Test
  void otherFormatIsNotAnImage() throws IOException {
    // a ZIP archive renamed .png: recognised, but not as an image
    byte[] zip =
        "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000 archive body"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("archive.png"), zip);
    ImageDecodeException e = refused(DECODER, file, Reason.NOT_AN_IMAGE);
    assertTrue(e.getMessage().contains("unsupported format"), e.getMessage());
  }

  @Test
  void truncatedJpegIsCorrupt() throws IOException {
    // libjpeg would return this half-decoded with the rest gray; we refuse it, as Pillow does
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/kitten-on-lawn.jpg"));
    Path file = Files.write(dir.resolve("half.jpg"), Arrays.copyOf(whole, whole.length / 2));
    ImageDecodeException e = refused(DECODER, file, Reason.CORRUPT);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void jpegWithDataAfterTheEndMarkerDecodes() throws Exception {
    // cameras and editors append trailers; that is not truncation
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/perched-osprey.jpg"));
    byte[] trailer = "TRAILER-DATA".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(whole, whole.length + trailer.length);
    System.arraycopy(trailer, 0, bytes, whole.length, trailer.length);
    DecodedImage image = DECODER.decode(ImageSource.of("trailer.jpg", bytes));
    assertEquals(1280, image.width());
  }

  @Test
  void truncatedPngIsCorrupt() throws IOException {
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/coffee.png"));
    Path file = Files.write(dir.resolve("half.png"), Arrays.copyOf(whole, whole.length / 2));
    refused(DECODER, file, Reason.CORRUPT);
  }

  @Test
  void truncatedGifIsCorrupt() throws IOException {
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/palette.gif"));
    Path file = Files.write(dir.resolve("half.gif"), Arrays.copyOf(whole, 40));
    refused(DECODER, file, Reason.CORRUPT);
  }

  @Test
  void headerOnlyIsCorrupt() throws IOException {
    // signature and the start of IHDR, cut before the dimensions end
    byte[] whole = Files.readAllBytes(SharedFixtures.clipFixture("images/coffee.png"));
    Path file = Files.write(dir.resolve("stub.png"), Arrays.copyOf(whole, 20));
    refused(DECODER, file, Reason.CORRUPT);
  }

  @Test
  void decompressionBombIsRefusedFromItsHeader() throws IOException {
    // A 200-byte PNG claiming 50000 x 50000 pixels (2.5 gigapixels, 7.5 GB as RGB). Refused from
    // the IHDR chunk alone: reaching the decoder would either allocate it or fail as CORRUPT.
    Path file = Files.write(dir.resolve("bomb.png"), png(50_000, 50_000, false));
    ImageDecodeException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> refused(DECODER, file, Reason.TOO_LARGE));
    assertTrue(e.getMessage().contains("50000x50000"), e.getMessage());
  }

  @Test
  void pixelCapIsConfigurable() {
    Path photo = SharedFixtures.clipFixture("images/coffee.png"); // 600 x 400 = 240,000 pixels
    ImageDecodeException e = refused(new ImageDecoder(239_999), photo, Reason.TOO_LARGE);
    assertTrue(
        e.getMessage().contains("600x400 pixels exceeds the limit of 239999"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ImageDecoder(0));
  }

  @Test
  void craftedPngIsValidBelowTheCap() throws Exception {
    // the same crafting at a small size decodes, so the bomb above is refused for its size alone
    DecodedImage image = DECODER.decode(ImageSource.of("small.png", png(64, 48, true)));
    assertEquals(64, image.width());
    assertEquals(48, image.height());
  }

  private static byte[] pngSignature() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  }

  /**
   * A black 1-bit grayscale PNG of the given size; with {@code complete} false its IDAT holds only
   * 64 bytes of row data, as a bomb's header needs nothing behind it to be read.
   */
  static byte[] png(int width, int height, boolean complete) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(pngSignature());
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(width);
    d.writeInt(height);
    d.writeByte(1); // bit depth
    d.writeByte(0); // grayscale
    d.writeByte(0); // deflate
    d.writeByte(0); // adaptive filtering
    d.writeByte(0); // no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    // per row: filter byte 0, then packed bits, all zero
    int rowBytes = 1 + (width + 7) / 8;
    chunk(out, "IDAT", deflate(new byte[complete ? height * rowBytes : 64]));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 64];
    int n = deflater.deflate(buf);
    deflater.end();
    return Arrays.copyOf(buf, n);
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
