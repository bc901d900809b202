package io.clipsearch.model.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes camera RAW files from an RGB picture: a minimal DNG, or a TIFF-based RAW shaped like a
 * maker's ({@link #writeMakerRaw}). A DNG is written the way a camera with a linear-sRGB sensor
 * would: an RGGB Bayer mosaic of 16-bit linear values, a colour matrix that makes the camera space
 * linear sRGB, and optionally the picture itself as an embedded JPEG preview in IFD 0 (the raw data
 * then sits in a SubIFD, as cameras and Adobe's converter write it). LibRaw decodes such files, so
 * tests need no camera file from the internet.
 */
public final class RawFileWriter {

  private static final int BYTE = 1;
  private static final int ASCII = 2;
  private static final int SHORT = 3;
  private static final int LONG = 4;
  private static final int RATIONAL = 5;
  private static final int SRATIONAL = 10;

  /** XYZ (D65) to linear sRGB, scaled by 10,000: the camera space is linear sRGB. */
  private static final int[] XYZ_TO_SRGB = {
    32406, -15372, -4986, -9689, 18758, 415, 557, -2040, 10570
  };

  private RawFileWriter() {}

  /**
   * @param picture the scene, 8-bit sRGB; an odd last row or column is dropped
   * @param previewJpeg the JPEG to embed as the preview, or null for none
   * @param orientation the TIFF orientation tag (1 upright, 6 to be turned a quarter right, ...)
   */
  public static byte[] write(DecodedImage picture, byte[] previewJpeg, int orientation) {
    return write(picture, previewJpeg, orientation, "Clipsearch", "Test DNG", true);
  }

  /**
   * A TIFF-based RAW shaped like a maker's (NEF, ARW, PEF...): the same mosaic and preview, under
   * {@code make} and {@code model}, without the DNG tags.
   */
  public static byte[] writeMakerRaw(
      DecodedImage picture, byte[] previewJpeg, int orientation, String make, String model) {
    return write(picture, previewJpeg, orientation, make, model, false);
  }

  private static byte[] write(
      DecodedImage picture,
      byte[] previewJpeg,
      int orientation,
      String make,
      String model,
      boolean dng) {
    int width = picture.width() & ~1;
    int height = picture.height() & ~1;
    byte[] mosaic = mosaic(picture, width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'I', 'I', 42, 0, 0, 0, 0, 0}); // IFD 0's offset is patched below
    long previewAt = out.size();
    if (previewJpeg != null) {
      out.writeBytes(previewJpeg);
      pad(out);
    }
    long mosaicAt = out.size();
    out.writeBytes(mosaic);
    pad(out);

    Ifd raw = new Ifd();
    raw.longs(254, 0); // NewSubfileType: the main image
    raw.longs(256, width);
    raw.longs(257, height);
    raw.shorts(258, 16);
    raw.shorts(259, 1); // uncompressed
    raw.shorts(262, 32803); // CFA
    raw.longs(273, mosaicAt);
    raw.shorts(277, 1);
    raw.longs(278, height);
    raw.longs(279, mosaic.length);
    raw.shorts(284, 1);
    raw.shorts(33421, 2, 2); // CFARepeatPatternDim
    raw.bytes(33422, 0, 1, 1, 2); // CFAPattern: R G / G B
    raw.bytes(50710, 0, 1, 2); // CFAPlaneColor
    raw.shorts(50711, 1); // CFALayout: rectangular
    raw.longs(50714, 0); // BlackLevel
    raw.longs(50717, 65535); // WhiteLevel

    Ifd main = previewJpeg == null ? raw : new Ifd();
    if (previewJpeg != null) {
      long rawAt = raw.writeTo(out);
      DecodedImage shown = picture;
      main.longs(254, 1); // a reduced-resolution picture of the main one
      main.longs(256, shown.width());
      main.longs(257, shown.height());
      main.shorts(258, 8, 8, 8);
      main.shorts(259, 7); // JPEG
      main.shorts(262, 6); // YCbCr
      main.longs(273, previewAt);
      main.shorts(277, 3);
      main.longs(278, shown.height());
      main.longs(279, previewJpeg.length);
      main.longs(330, rawAt); // SubIFDs
    }
    main.ascii(271, make);
    main.ascii(272, model);
    main.shorts(274, orientation);
    if (!dng) {
      return finish(out, main);
    }
    main.bytes(50706, 1, 4, 0, 0); // DNGVersion
    main.bytes(50707, 1, 1, 0, 0); // DNGBackwardVersion
    main.ascii(50708, "Clipsearch Test DNG");
    main.srationals(50721, XYZ_TO_SRGB, 10_000); // ColorMatrix1
    main.rationals(50728, 1, 1, 1, 1, 1, 1); // AsShotNeutral: no white balance to apply
    main.shorts(50778, 21); // CalibrationIlluminant1: D65
    return finish(out, main);
  }

  private static byte[] finish(ByteArrayOutputStream out, Ifd main) {
    long mainAt = main.writeTo(out);
    byte[] file = out.toByteArray();
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) mainAt);
    return file;
  }

  /** The scene as a sensor sees it: linear light, one colour per pixel, 16 bits. */
  private static byte[] mosaic(DecodedImage picture, int width, int height) {
    double[] linear = new double[256];
    for (int v = 0; v < 256; v++) {
      double s = v / 255.0;
      linear[v] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    ByteBuffer mosaic = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int channel = (y & 1) == 0 ? ((x & 1) == 0 ? 0 : 1) : ((x & 1) == 0 ? 1 : 2);
        mosaic.putShort((short) Math.round(linear[picture.sample(x, y, channel)] * 65535));
      }
    }
    return mosaic.array();
  }

  private static void pad(ByteArrayOutputStream out) {
    if ((out.size() & 1) != 0) {
      out.write(0);
    }
  }

  /** One image file directory, its entries sorted by tag when written. */
  private static final class Ifd {
    private record Entry(int tag, int type, int count, byte[] value) {}

    private final List<Entry> entries = new ArrayList<>();

    void shorts(int tag, int... values) {
      ByteBuffer b = buffer(values.length * 2);
      for (int v : values) {
        b.putShort((short) v);
      }
      entries.add(new Entry(tag, SHORT, values.length, b.array()));
    }

    void longs(int tag, long... values) {
      ByteBuffer b = buffer(values.length * 4);
      for (long v : values) {
        b.putInt((int) v);
      }
      entries.add(new Entry(tag, LONG, values.length, b.array()));
    }

    void bytes(int tag, int... values) {
      byte[] b = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        b[i] = (byte) values[i];
      }
      entries.add(new Entry(tag, BYTE, values.length, b));
    }

    void ascii(int tag, String text) {
      byte[] b = (text + "\0").getBytes(StandardCharsets.US_ASCII);
      entries.add(new Entry(tag, ASCII, b.length, b));
    }

    void rationals(int tag, long... numeratorsAndDenominators) {
      ByteBuffer b = buffer(numeratorsAndDenominators.length * 4);
      for (long v : numeratorsAndDenominators) {
        b.putInt((int) v);
      }
      entries.add(new Entry(tag, RATIONAL, numeratorsAndDenominators.length / 2, b.array()));
    }

    void srationals(int tag, int[] numerators, int denominator) {
      ByteBuffer b = buffer(numerators.length * 8);
      for (int n : numerators) {
        b.putInt(n).putInt(denominator);
      }
      entries.add(new Entry(tag, SRATIONAL, numerators.length, b.array()));
    }

    /** Writes the directory, then the values that do not fit in an entry; returns its offset. */
    long writeTo(ByteArrayOutputStream out) {
      entries.sort(Comparator.comparingInt(Entry::tag));
      long at = out.size();
      long overflowAt = at + 2 + 12L * entries.size() + 4;
      ByteBuffer directory = buffer(2 + 12 * entries.size() + 4);
      ByteArrayOutputStream overflow = new ByteArrayOutputStream();
      directory.putShort((short) entries.size());
      for (Entry e : entries) {
        directory.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
        if (e.value().length <= 4) {
          directory.put(e.value()).put(new byte[4 - e.value().length]);
        } else {
          directory.putInt((int) (overflowAt + overflow.size()));
          overflow.writeBytes(e.value());
          pad(overflow);
        }
      }
      directory.putInt(0); // no next IFD
      out.writeBytes(directory.array());
      out.writeBytes(overflow.toByteArray());
      pad(out);
      return at;
    }

    private static ByteBuffer buffer(int size) {
      return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /**
   * An ISO-BMFF file shaped like Canon's CR3 from the outside: an {@code ftyp} box of brand {@code
   * crx }, a {@code moov} with Canon's metadata {@code uuid}, and the JPEG preview in a {@code
   * PRVW} box of the preview {@code uuid}; it has no CRX-coded sensor track, so LibRaw cannot open
   * it, and it stands for a damaged CR3.
   */
  public static byte[] writeCr3Shaped(byte[] previewJpeg) {
    byte[] canonMetadata = {
      (byte) 0x85,
      (byte) 0xc0,
      (byte) 0xb6,
      (byte) 0x87,
      (byte) 0x82,
      0x0f,
      0x11,
      (byte) 0xe0,
      (byte) 0x81,
      0x11,
      (byte) 0xf4,
      (byte) 0xce,
      0x46,
      0x2b,
      0x6a,
      0x48
    };
    byte[] preview = {
      (byte) 0xea,
      (byte) 0xf4,
      0x2b,
      0x5e,
      0x1c,
      (byte) 0x98,
      0x4b,
      (byte) 0x88,
      (byte) 0xb9,
      (byte) 0xfb,
      (byte) 0xb7,
      (byte) 0xdc,
      0x40,
      0x6e,
      0x4d,
      0x16
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        box(
            "ftyp",
            "crx ".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 1},
            "crx isom".getBytes(StandardCharsets.US_ASCII)));
    out.writeBytes(box("moov", box("uuid", canonMetadata)));
    out.writeBytes(box("uuid", preview, box("PRVW", new byte[16], previewJpeg)));
    return out.toByteArray();
  }

  /** An ISO-BMFF box: big-endian size, type, then the parts. */
  private static byte[] box(String type, byte[]... parts) {
    int size = 8;
    for (byte[] p : parts) {
      size += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
    b.putInt(size).put(type.getBytes(StandardCharsets.US_ASCII));
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }
}
