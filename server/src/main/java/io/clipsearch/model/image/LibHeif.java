package io.clipsearch.model.image;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * HEIF (HEIC) and AVIF decoding through libheif, the distribution's library ({@code libheif1} on
 * Debian), called with the FFM API: no JNI code to build, and a missing library is an empty {@link
 * #load()} rather than a failure at start-up.
 *
 * <p>libheif applies the file's transformations (rotation {@code irot}, mirror {@code imir}, crop
 * {@code clap}) while decoding, so the pixels come out upright; HEIF's EXIF orientation tag only
 * describes those transformations and must not be applied again.
 *
 * <p>Thread-safe: each {@link #decode} works on its own libheif context and frees it, on success
 * and on failure, before returning.
 */
final class LibHeif {

  private static final List<String> SONAMES = List.of("libheif.so.1");

  /** {@code struct heif_error}: returned by value by most calls; code 0 is success. */
  private static final StructLayout HEIF_ERROR =
      MemoryLayout.structLayout(
          JAVA_INT.withName("code"), JAVA_INT.withName("subcode"), ADDRESS.withName("message"));

  private static final int COLORSPACE_RGB = 1;
  private static final int CHROMA_INTERLEAVED_RGB = 10;
  private static final int CHANNEL_INTERLEAVED = 10;

  private final String version;
  private final MethodHandle contextAlloc;
  private final MethodHandle contextFree;
  private final MethodHandle readFromMemory;
  private final MethodHandle primaryHandle;
  private final MethodHandle handleWidth;
  private final MethodHandle handleHeight;
  private final MethodHandle handleRelease;
  private final MethodHandle decodeImage;
  private final MethodHandle imageRelease;
  private final MethodHandle planeReadonly;
  private final MethodHandle imageWidth;
  private final MethodHandle imageHeight;

  private LibHeif(NativeLibrary library) throws Throwable {
    Linker linker = Linker.nativeLinker();
    NativeFunctions f = new NativeFunctions(linker, library);
    MethodHandle getVersion = f.find("heif_get_version", FunctionDescriptor.of(ADDRESS));
    version = ((MemorySegment) getVersion.invokeExact()).reinterpret(64).getString(0);
    contextAlloc = f.find("heif_context_alloc", FunctionDescriptor.of(ADDRESS));
    contextFree = f.find("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS));
    readFromMemory =
        f.find(
            "heif_context_read_from_memory_without_copy",
            FunctionDescriptor.of(HEIF_ERROR, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    primaryHandle =
        f.find(
            "heif_context_get_primary_image_handle",
            FunctionDescriptor.of(HEIF_ERROR, ADDRESS, ADDRESS));
    handleWidth = f.find("heif_image_handle_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleHeight = f.find("heif_image_handle_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleRelease = f.find("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS));
    decodeImage =
        f.find(
            "heif_decode_image",
            FunctionDescriptor.of(HEIF_ERROR, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    imageRelease = f.find("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS));
    planeReadonly =
        f.find(
            "heif_image_get_plane_readonly",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    imageWidth = f.find("heif_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    imageHeight =
        f.find("heif_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  }

  /** libheif when the machine has it; empty when the library (or a symbol we call) is missing. */
  static Optional<LibHeif> load() {
    return NativeLibrary.load(SONAMES, LibHeif::new);
  }

  /** The library's version, e.g. {@code 1.15.1}. */
  String version() {
    return version;
  }

  /**
   * Decodes the primary image of a HEIF or AVIF file to upright 8-bit RGB.
   *
   * @param name the image's name, for messages
   * @param bytes the whole file
   * @param maxPixels images with more pixels are refused before any pixel buffer is allocated
   * @throws ImageDecodeException {@link Reason#CORRUPT} when libheif cannot parse or decode the
   *     file (truncated, damaged, or a codec libheif was built without), {@link Reason#TOO_LARGE}
   *     over the pixel cap
   */
  DecodedImage decode(String name, byte[] bytes, long maxPixels) throws ImageDecodeException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = arena.allocate(bytes.length);
      MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
      MemorySegment context = (MemorySegment) contextAlloc.invokeExact();
      try {
        check(
            name,
            (MemorySegment)
                readFromMemory.invokeExact(
                    (SegmentAllocator) arena,
                    context,
                    data,
                    (long) bytes.length,
                    MemorySegment.NULL));
        MemorySegment handleOut = arena.allocate(ADDRESS);
        check(
            name,
            (MemorySegment)
                primaryHandle.invokeExact((SegmentAllocator) arena, context, handleOut));
        MemorySegment handle = handleOut.get(ADDRESS, 0);
        try {
          return decodePrimary(name, arena, handle, maxPixels);
        } finally {
          handleRelease.invokeExact(handle);
        }
      } finally {
        contextFree.invokeExact(context);
      }
    } catch (ImageDecodeException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException("libheif call failed", impossible);
    }
  }

  private DecodedImage decodePrimary(String name, Arena arena, MemorySegment handle, long maxPixels)
      throws Throwable {
    long pixels =
        (long) (int) handleWidth.invokeExact(handle) * (int) handleHeight.invokeExact(handle);
    if (pixels > maxPixels) {
      throw new ImageDecodeException(
          name, Reason.TOO_LARGE, pixels + " pixels, over the cap of " + maxPixels);
    }
    MemorySegment imageOut = arena.allocate(ADDRESS);
    check(
        name,
        (MemorySegment)
            decodeImage.invokeExact(
                (SegmentAllocator) arena,
                handle,
                imageOut,
                COLORSPACE_RGB,
                CHROMA_INTERLEAVED_RGB,
                MemorySegment.NULL));
    MemorySegment image = imageOut.get(ADDRESS, 0);
    try {
      int width = (int) imageWidth.invokeExact(image, CHANNEL_INTERLEAVED);
      int height = (int) imageHeight.invokeExact(image, CHANNEL_INTERLEAVED);
      if (width <= 0 || height <= 0) {
        throw new ImageDecodeException(name, Reason.CORRUPT, "libheif decoded no pixels");
      }
      MemorySegment strideOut = arena.allocate(JAVA_INT);
      MemorySegment plane =
          (MemorySegment) planeReadonly.invokeExact(image, CHANNEL_INTERLEAVED, strideOut);
      int stride = strideOut.get(JAVA_INT, 0);
      if (plane.equals(MemorySegment.NULL) || stride < width * 3) {
        throw new ImageDecodeException(name, Reason.CORRUPT, "libheif returned no RGB plane");
      }
      MemorySegment rows = plane.reinterpret((long) stride * height);
      byte[] rgb = new byte[width * height * 3];
      for (int y = 0; y < height; y++) {
        MemorySegment.copy(rows, JAVA_BYTE, (long) y * stride, rgb, y * width * 3, width * 3);
      }
      return new DecodedImage(width, height, rgb);
    } finally {
      imageRelease.invokeExact(image);
    }
  }

  private static void check(String name, MemorySegment error) throws ImageDecodeException {
    int code =
        error.get(JAVA_INT, HEIF_ERROR.byteOffset(MemoryLayout.PathElement.groupElement("code")));
    if (code != 0) {
      MemorySegment message =
          error.get(
              ADDRESS, HEIF_ERROR.byteOffset(MemoryLayout.PathElement.groupElement("message")));
      String detail =
          message.equals(MemorySegment.NULL)
              ? "libheif error " + code
              : message.reinterpret(1024).getString(0).strip(); // libheif ends some with a newline
      throw new ImageDecodeException(name, Reason.CORRUPT, "libheif: " + detail);
    }
  }
}
