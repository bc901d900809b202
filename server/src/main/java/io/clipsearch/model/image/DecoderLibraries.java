package io.clipsearch.model.image;

import java.util.List;
import java.util.Optional;

/**
 * The native libraries some formats are read through, and whether this machine has them: what
 * {@code clipsearch doctor} reports and what the README tells people to install.
 */
public final class DecoderLibraries {

  /**
   * One library.
   *
   * @param name the library's name ({@code libheif}, {@code LibRaw})
   * @param formats what it reads, for people
   * @param version its version when present, else empty
   * @param install the Debian package to install when it is missing
   */
  public record Library(String name, String formats, Optional<String> version, String install) {

    public boolean present() {
      return version.isPresent();
    }
  }

  private DecoderLibraries() {}

  /** libheif for HEIC and AVIF, LibRaw for camera RAW, looked for on first use. */
  public static List<Library> all() {
    return List.of(libheif(), libRaw());
  }

  public static Library libheif() {
    return new Library("libheif", "HEIC and AVIF photos", HeifDecoder.version(), "libheif1");
  }

  public static Library libRaw() {
    return new Library(
        "LibRaw", "camera RAW photos", RawDecoder.version(), "libraw23 (libraw20 on Debian 12)");
  }
}
