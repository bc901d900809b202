package io.clipsearch.model.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which files are images we decode, by extension, and listing them under a folder. */
public final class ImageFiles {

  /** HEIF and AVIF, read through libheif. */
  public static final Set<String> HEIF_EXTENSIONS = Set.of("heic", "heif", "hif", "avif");

  /** Camera RAW files LibRaw reads, by the makers' extensions, lower case. */
  public static final Set<String> RAW_EXTENSIONS =
      Set.of(
          "3fr", "ari", "arw", "bay", "cr2", "cr3", "crw", "dcr", "dng", "erf", "fff", "iiq", "k25",
          "kdc", "mef", "mos", "mrw", "nef", "nrw", "orf", "pef", "raf", "raw", "rw2", "rwl", "sr2",
          "srf", "srw", "x3f");

  /** What a camera writes beside a RAW, in the cases cameras and phones write them. */
  private static final List<String> RENDERED_EXTENSIONS =
      List.of("jpg", "JPG", "jpeg", "JPEG", "heic", "HEIC", "heif", "HEIF", "hif", "HIF");

  /** Bytes enough to tell every format {@link #mediaType} knows. */
  public static final int SIGNATURE_BYTES = 32;

  /** ISO base media major brands of still images: HEIF, AVIF, Canon's CR3. */
  private static final Set<String> IMAGE_BRANDS =
      Set.of(
          "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "crx ");

  /** Camera RAW media types by extension (none is registered; these are the ones in use). */
  private static final Map<String, String> RAW_MEDIA_TYPES =
      Map.ofEntries(
          Map.entry("dng", "image/x-adobe-dng"),
          Map.entry("cr2", "image/x-canon-cr2"),
          Map.entry("cr3", "image/x-canon-cr3"),
          Map.entry("crw", "image/x-canon-crw"),
          Map.entry("nef", "image/x-nikon-nef"),
          Map.entry("nrw", "image/x-nikon-nrw"),
          Map.entry("arw", "image/x-sony-arw"),
          Map.entry("sr2", "image/x-sony-sr2"),
          Map.entry("srf", "image/x-sony-srf"),
          Map.entry("raf", "image/x-fuji-raf"),
          Map.entry("orf", "image/x-olympus-orf"),
          Map.entry("rw2", "image/x-panasonic-rw2"),
          Map.entry("pef", "image/x-pentax-pef"),
          Map.entry("srw", "image/x-samsung-srw"),
          Map.entry("x3f", "image/x-sigma-x3f"));

  /** Extensions of the formats {@link ImageDecoder} reads, lower case. */
  public static final Set<String> EXTENSIONS =
      Stream.of(
              Set.of("jpg", "jpeg", "jpe", "png", "gif", "webp", "bmp", "dib", "tif", "tiff"),
              HEIF_EXTENSIONS,
              RAW_EXTENSIONS)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private ImageFiles() {}

  /** Whether the file name has an image extension (the content may still be anything). */
  public static boolean hasImageExtension(Path file) {
    return EXTENSIONS.contains(extension(file.getFileName().toString()));
  }

  /** Whether the name ends in a camera RAW extension ({@code IMG_1.CR2}, {@code a.dng}). */
  public static boolean hasRawExtension(String name) {
    return RAW_EXTENSIONS.contains(extension(name));
  }

  /**
   * Whether the file begins with the signature of a format we read (JPEG, PNG, GIF, WebP, TIFF and
   * TIFF-based RAW, HEIF/AVIF, CR3, RAF, ORF, RW2), whatever its name: a photo saved without its
   * extension, or under a wrong one, is still found. BMP's two-byte signature is too weak to tell
   * and is not looked for. Reads the first 32 bytes, following no link; false when unreadable.
   */
  public static boolean hasImageSignature(Path file) {
    ByteBuffer head = ByteBuffer.allocate(SIGNATURE_BYTES);
    try (SeekableByteChannel in =
        Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      while (head.hasRemaining() && in.read(head) > 0) {
        // keep reading: a channel may return fewer bytes than asked
      }
    } catch (IOException | SecurityException unreadable) {
      return false;
    }
    return isImageSignature(Arrays.copyOf(head.array(), head.position()));
  }

  static boolean isImageSignature(byte[] b) {
    return mediaType("", b).isPresent();
  }

  /**
   * The media type of a file by its first bytes ({@link #SIGNATURE_BYTES} suffice) and, for camera
   * RAW, which shares TIFF's signature, its name: {@code image/heic}, {@code image/avif}, {@code
   * image/x-nikon-nef}... Empty when the bytes are no image we read.
   */
  public static Optional<String> mediaType(String name, byte[] b) {
    String raw = RAW_MEDIA_TYPES.getOrDefault(extension(name), "image/x-dcraw");
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return Optional.of("image/png");
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return Optional.of("image/gif");
    }
    if (startsWith(b, 'B', 'M') && extension(name).matches("bmp|dib")) {
      return Optional.of("image/bmp");
    }
    if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
      return Optional.of(hasRawExtension(name) ? raw : "image/tiff");
    }
    if (startsWith(b, 'I', 'I', 'R', 'O') // Olympus ORF
        || startsWith(b, 'I', 'I', 'U', 0x00) // Panasonic RW2
        || startsWith(b, 'F', 'U', 'J', 'I', 'F', 'I', 'L', 'M')) { // Fujifilm RAF
      return Optional.of(raw);
    }
    if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F')) {
      return b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P'
          ? Optional.of("image/webp")
          : Optional.empty();
    }
    if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
      if (brand.equals("crx ")) {
        return Optional.of("image/x-canon-cr3");
      }
      if (IsoBmffBrands.isAvif(b)) {
        return Optional.of("image/avif");
      }
      return IMAGE_BRANDS.contains(brand) ? Optional.of("image/heic") : Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JPEG or HEIC a camera wrote beside a RAW under the same name ({@code IMG_1.JPG} for {@code
   * IMG_1.CR2}): with one, the two files are one photo, indexed through the rendered file, and the
   * RAW is its companion. Empty for a file that is not a RAW, or a RAW alone.
   */
  public static Optional<Path> renderedSibling(Path file) {
    String name = file.getFileName().toString();
    if (!hasRawExtension(name)) {
      return Optional.empty();
    }
    String base = name.substring(0, name.lastIndexOf('.'));
    return RENDERED_EXTENSIONS.stream()
        .map(ext -> file.resolveSibling(base + "." + ext))
        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
        .findFirst();
  }

  /** The RAW companions of a rendered photo: the RAW files beside it under the same name. */
  public static List<Path> rawCompanions(Path photo) {
    String name = photo.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || !RENDERED_EXTENSIONS.contains(name.substring(dot + 1))) {
      return List.of();
    }
    String base = name.substring(0, dot);
    Path dir = photo.getParent();
    if (dir == null) {
      return List.of();
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      return siblings
          .filter(
              p -> {
                String other = p.getFileName().toString();
                return other.startsWith(base + ".")
                    && other.lastIndexOf('.') == base.length()
                    && hasRawExtension(other)
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
              })
          .sorted()
          .toList();
    } catch (IOException unreadable) {
      return List.of();
    }
  }

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * Image files under {@code dir}, recursively, sorted by path; hidden files and folders are
   * skipped and symbolic links are not followed (so a link loop cannot trap the walk).
   *
   * @throws IOException if {@code dir} cannot be read
   */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NotDirectoryException(dir.toString());
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !isHidden(dir, p))
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(ImageFiles::hasImageExtension)
          .sorted()
          .toList();
    }
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
