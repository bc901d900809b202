package io.clipsearch.model.image;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Camera RAW decoding (CR2, CR3, NEF, ARW, RAF, ORF, RW2, PEF, DNG and the rest LibRaw knows)
 * through the distribution's LibRaw, called with the FFM API.
 *
 * <p>Two routes, cheapest first: the JPEG preview the camera embedded (what the camera rendered,
 * decoded in milliseconds) when its shorter side is at least the size asked for; otherwise LibRaw
 * demosaics the sensor data (linear interpolation, sRGB, no automatic brightening). Both come out
 * upright: LibRaw rotates what it demosaics, and the preview is turned here by the orientation
 * LibRaw read from the file.
 *
 * <p>Thread-safe: each {@link #decode} opens its own LibRaw handle ({@code libraw_r}, the
 * re-entrant build, when present) and closes it before returning.
 */
final class LibRaw {

  private static final List<String> SONAMES =
      List.of(
          "libraw_r.so.23",
          "libraw_r.so.22",
          "libraw_r.so.21",
          "libraw_r.so.20",
          "libraw_r.so.19",
          "libraw.so.23",
          "libraw.so.22",
          "libraw.so.21",
          "libraw.so.20",
          "libraw.so.19");

  /**
   * Offset of {@code sizes.flip} in {@code libraw_data_t}: after the {@code image} pointer (8),
   * eight {@code ushort} sizes (16), {@code raw_pitch} (4, then 4 of padding) and {@code
   * pixel_aspect} (8). The C API has no getter for it, and this head of the struct is the same in
   * LibRaw 0.19 to 0.21.
   */
  private static final long FLIP_OFFSET = 40;

  private static final int FILE_UNSUPPORTED = -2;
  private static final int IMAGE_JPEG = 1;
  private static final int IMAGE_BITMAP = 2;
  private static final int OUTPUT_SRGB = 1;
  private static final int DEMOSAIC_LINEAR = 0;

  /** {@code libraw_processed_image_t}: type, height, width, colors, bits, data_size, data[]. */
  private static final long TYPE = 0;

  private static final long HEIGHT = 4;
  private static final long WIDTH = 6;
  private static final long COLORS = 8;
  private static final long BITS = 10;
  private static final long DATA_SIZE = 12;
  private static final long DATA = 16;

  /** What came out, and by which route. */
  record Picture(DecodedImage image, boolean fromPreview) {}

  private final String version;
  private final MethodHandle init;
  private final MethodHandle openBuffer;
  private final MethodHandle rawWidth;
  private final MethodHandle rawHeight;
  private final MethodHandle unpackThumb;
  private final MethodHandle makeMemThumb;
  private final MethodHandle unpack;
  private final MethodHandle dcrawProcess;
  private final MethodHandle makeMemImage;
  private final MethodHandle clearMem;
  private final MethodHandle close;
  private final MethodHandle strerror;
  private final MethodHandle setNoAutoBright;
  private final MethodHandle setGamma;
  private final MethodHandle setOutputColor;
  private final MethodHandle setOutputBps;
  private final MethodHandle setDemosaic;

  private LibRaw(NativeLibrary library) throws Throwable {
    Linker linker = Linker.nativeLinker();
    NativeFunctions f = new NativeFunctions(linker, library);
    version =
        ((MemorySegment) f.find("libraw_version", FunctionDescriptor.of(ADDRESS)).invokeExact())
            .reinterpret(64)
            .getString(0);
    init = f.find("libraw_init", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    openBuffer =
        f.find("libraw_open_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    rawWidth = f.find("libraw_get_raw_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    rawHeight = f.find("libraw_get_raw_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    unpackThumb = f.find("libraw_unpack_thumb", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    makeMemThumb =
        f.find("libraw_dcraw_make_mem_thumb", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    unpack = f.find("libraw_unpack", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    dcrawProcess = f.find("libraw_dcraw_process", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    makeMemImage =
        f.find("libraw_dcraw_make_mem_image", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    clearMem = f.find("libraw_dcraw_clear_mem", FunctionDescriptor.ofVoid(ADDRESS));
    close = f.find("libraw_close", FunctionDescriptor.ofVoid(ADDRESS));
    strerror = f.find("libraw_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    setNoAutoBright =
        f.find("libraw_set_no_auto_bright", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    setGamma = f.find("libraw_set_gamma", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_FLOAT));
    setOutputColor =
        f.find("libraw_set_output_color", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    setOutputBps = f.find("libraw_set_output_bps", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    setDemosaic = f.find("libraw_set_demosaic", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
  }

  /** LibRaw when the machine has it; empty when the library (or a function we call) is missing. */
  static Optional<LibRaw> load() {
    return NativeLibrary.load(SONAMES, LibRaw::new);
  }

  /** The library's version, e.g. {@code 0.20.2-Release}. */
  String version() {
    return version;
  }

  /**
   * The sensor's width and height, read from the file's header without decoding, or null when
   * LibRaw cannot open the file.
   */
  int[] sensorSize(byte[] bytes) {
    try {
      return opened(
          bytes,
          (arena, raw, status) ->
              status != 0
                  ? null
                  : new int[] {(int) rawWidth.invokeExact(raw), (int) rawHeight.invokeExact(raw)});
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException("LibRaw call failed", impossible);
    }
  }

  /**
   * Decodes a camera RAW file to upright 8-bit RGB.
   *
   * @param name the image's name, for messages
   * @param bytes the whole file
   * @param maxPixels files whose sensor has more pixels are refused before decoding
   * @param minPreviewSide the embedded preview is used when its shorter side has at least this many
   *     pixels; 0 takes any preview, {@link Integer#MAX_VALUE} always demosaics
   * @param previews decodes an embedded JPEG preview
   * @throws ImageDecodeException {@link Reason#NOT_AN_IMAGE} when LibRaw does not know the format,
   *     {@link Reason#CORRUPT} when the data is damaged or cut short, {@link Reason#TOO_LARGE}
   */
  Picture decode(
      String name, byte[] bytes, long maxPixels, int minPreviewSide, ImageDecoder previews)
      throws ImageDecodeException {
    try {
      return opened(
          bytes,
          (arena, raw, status) -> {
            if (status != 0) {
              throw new ImageDecodeException(
                  name,
                  status == FILE_UNSUPPORTED && !looksLikeRaw(bytes)
                      ? Reason.NOT_AN_IMAGE
                      : Reason.CORRUPT,
                  "LibRaw: " + message(status));
            }
            long pixels = (long) (int) rawWidth.invokeExact(raw) * (int) rawHeight.invokeExact(raw);
            if (pixels > maxPixels) {
              throw new ImageDecodeException(
                  name, Reason.TOO_LARGE, pixels + " pixels, over the cap of " + maxPixels);
            }
            Optional<DecodedImage> preview =
                minPreviewSide == Integer.MAX_VALUE
                    ? Optional.empty()
                    : preview(name, arena, raw, minPreviewSide, previews);
            return preview.isPresent()
                ? new Picture(preview.get(), true)
                : new Picture(demosaiced(name, arena, raw), false);
          });
    } catch (ImageDecodeException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException("LibRaw call failed", impossible);
    }
  }

  /** Work on a LibRaw handle that has tried to open a file; {@code status} 0 is success. */
  @FunctionalInterface
  private interface OnOpened<T> {
    T run(Arena arena, MemorySegment raw, int status) throws Throwable;
  }

  /**
   * Copies the file into native memory, opens a LibRaw handle on it, runs {@code work}, and closes
   * the handle and frees the memory, whatever {@code work} does.
   */
  private <T> T opened(byte[] bytes, OnOpened<T> work) throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = arena.allocate(bytes.length);
      MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
      MemorySegment raw = (MemorySegment) init.invokeExact(0);
      if (raw.equals(MemorySegment.NULL)) {
        throw new OutOfMemoryError("libraw_init failed");
      }
      try {
        return work.run(arena, raw, (int) openBuffer.invokeExact(raw, data, (long) bytes.length));
      } finally {
        close.invokeExact(raw);
      }
    }
  }

  private Optional<DecodedImage> preview(
      String name, Arena arena, MemorySegment raw, int minSide, ImageDecoder previews)
      throws Throwable {
    if ((int) unpackThumb.invokeExact(raw) != 0) {
      return Optional.empty(); // no preview, or one LibRaw cannot read: demosaic instead
    }
    MemorySegment error = arena.allocate(JAVA_INT);
    MemorySegment thumb = (MemorySegment) makeMemThumb.invokeExact(raw, error);
    if (thumb.equals(MemorySegment.NULL)) {
      return Optional.empty();
    }
    try {
      MemorySegment head = thumb.reinterpret(DATA);
      int type = head.get(JAVA_INT, TYPE);
      int width = Short.toUnsignedInt(head.get(JAVA_SHORT, WIDTH));
      int height = Short.toUnsignedInt(head.get(JAVA_SHORT, HEIGHT));
      long size = Integer.toUnsignedLong(head.get(JAVA_INT, DATA_SIZE));
      byte[] bytes = thumb.reinterpret(DATA + size).asSlice(DATA, size).toArray(JAVA_BYTE);
      DecodedImage image;
      if (type == IMAGE_JPEG) {
        try {
          image = previews.decode(ImageSource.of(name + " (preview)", bytes));
        } catch (ImageDecodeException unreadablePreview) {
          return Optional.empty();
        }
      } else if (type == IMAGE_BITMAP && isRgb8(head) && size == (long) width * height * 3) {
        image = turned(new DecodedImage(width, height, bytes), flip(raw));
      } else {
        return Optional.empty();
      }
      return Math.min(image.width(), image.height()) >= minSide
          ? Optional.of(image)
          : Optional.empty();
    } finally {
      clearMem.invokeExact(thumb);
    }
  }

  private DecodedImage demosaiced(String name, Arena arena, MemorySegment raw) throws Throwable {
    setOutputColor.invokeExact(raw, OUTPUT_SRGB);
    setOutputBps.invokeExact(raw, 8);
    setNoAutoBright.invokeExact(raw, 1);
    // the sRGB curve: slope 1/2.4 above the toe, 12.92 below it
    setGamma.invokeExact(raw, 0, 1 / 2.4f);
    setGamma.invokeExact(raw, 1, 12.92f);
    setDemosaic.invokeExact(raw, DEMOSAIC_LINEAR);
    int status = (int) unpack.invokeExact(raw);
    if (status == 0) {
      status = (int) dcrawProcess.invokeExact(raw);
    }
    if (status != 0) {
      throw new ImageDecodeException(name, Reason.CORRUPT, "LibRaw: " + message(status));
    }
    MemorySegment error = arena.allocate(JAVA_INT);
    MemorySegment image = (MemorySegment) makeMemImage.invokeExact(raw, error);
    if (image.equals(MemorySegment.NULL)) {
      throw new ImageDecodeException(
          name, Reason.CORRUPT, "LibRaw: " + message(error.get(JAVA_INT, 0)));
    }
    try {
      MemorySegment head = image.reinterpret(DATA);
      int width = Short.toUnsignedInt(head.get(JAVA_SHORT, WIDTH));
      int height = Short.toUnsignedInt(head.get(JAVA_SHORT, HEIGHT));
      long size = Integer.toUnsignedLong(head.get(JAVA_INT, DATA_SIZE));
      if (head.get(JAVA_INT, TYPE) != IMAGE_BITMAP
          || !isRgb8(head)
          || size != (long) width * height * 3
          || width == 0
          || height == 0) {
        throw new ImageDecodeException(name, Reason.CORRUPT, "LibRaw produced no RGB image");
      }
      return new DecodedImage(
          width, height, image.reinterpret(DATA + size).asSlice(DATA, size).toArray(JAVA_BYTE));
    } finally {
      clearMem.invokeExact(image);
    }
  }

  /**
   * Whether the bytes begin like a RAW container (TIFF, ISO-BMFF as CR3, Fuji's RAF, Olympus' and
   * Panasonic's TIFF variants): LibRaw's "unsupported" then means damaged or cut short.
   */
  static boolean looksLikeRaw(byte[] b) {
    if (b.length < 12) {
      return false;
    }
    boolean tiff = (b[0] == 'I' && b[1] == 'I') || (b[0] == 'M' && b[1] == 'M');
    boolean isoBmff = b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
    boolean raf = new String(b, 0, 8, StandardCharsets.US_ASCII).equals("FUJIFILM");
    return tiff || isoBmff || raf;
  }

  private static int flip(MemorySegment raw) {
    return raw.reinterpret(FLIP_OFFSET + Integer.BYTES).get(JAVA_INT, FLIP_OFFSET);
  }

  private static boolean isRgb8(MemorySegment head) {
    return head.get(JAVA_SHORT, COLORS) == 3 && head.get(JAVA_SHORT, BITS) == 8;
  }

  /** Applies LibRaw's {@code flip}: 3 is a half turn, 5 a quarter turn left, 6 one right. */
  static DecodedImage turned(DecodedImage image, int flip) {
    return switch (flip) {
      case 3 -> rotate(image, 180);
      case 5 -> rotate(image, 270);
      case 6 -> rotate(image, 90);
      default -> image;
    };
  }

  /** Rotates clockwise by a multiple of 90 degrees. */
  private static DecodedImage rotate(DecodedImage image, int degrees) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.rgb();
    boolean quarter = degrees != 180;
    int outW = quarter ? h : w;
    int outH = quarter ? w : h;
    byte[] out = new byte[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int tx;
        int ty;
        switch (degrees) {
          case 90 -> {
            tx = h - 1 - y;
            ty = x;
          }
          case 270 -> {
            tx = y;
            ty = w - 1 - x;
          }
          default -> {
            tx = w - 1 - x;
            ty = h - 1 - y;
          }
        }
        System.arraycopy(in, (y * w + x) * 3, out, (ty * outW + tx) * 3, 3);
      }
    }
    return new DecodedImage(outW, outH, out);
  }

  private String message(int code) throws Throwable {
    MemorySegment text = (MemorySegment) strerror.invokeExact(code);
    return text.equals(MemorySegment.NULL)
        ? "error " + code
        : text.reinterpret(256).getString(0) + " (" + code + ")";
  }
}
