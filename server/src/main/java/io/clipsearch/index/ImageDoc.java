package io.clipsearch.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One indexed image file: where it is, what it is, and its embedding. Immutable; the vector is
 * copied in and out.
 *
 * @param path absolute path of the file (the document key)
 * @param id content hash (SHA-256 hex) of the file's bytes
 * @param size file size in bytes
 * @param mtimeMillis last-modified time
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param metadata EXIF facts and XMP tags
 * @param vector L2-normalized embedding
 * @param tags zero-shot labels of the image, best first (empty: not tagged)
 * @param sidecarMtimeMillis last-modified time of the XMP sidecar read into {@code metadata}, 0
 *     when there was none ({@link FileState#sidecarMtimeMillis})
 */
public record ImageDoc(
    Path path,
    String id,
    long size,
    long mtimeMillis,
    int width,
    int height,
    PhotoMetadata metadata,
    float[] vector,
    List<String> tags,
    long sidecarMtimeMillis) {

  /**
   * @throws IllegalArgumentException if the path is relative, the id empty, the size negative, a
   *     side not positive, or a tag blank or repeated
   */
  public ImageDoc {
    Objects.requireNonNull(path, "path");
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("path must be absolute: " + path);
    }
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    if (size < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "size must be >= 0 and dimensions positive, got " + size + ", " + width + "x" + height);
    }
    Objects.requireNonNull(metadata, "metadata");
    vector = Objects.requireNonNull(vector, "vector").clone();
    tags = List.copyOf(tags);
    if (tags.stream().anyMatch(String::isBlank)
        || tags.stream().distinct().count() != tags.size()) {
      throw new IllegalArgumentException("tags must be distinct and non-blank, got " + tags);
    }
  }

  /** An untagged document without a sidecar. */
  public ImageDoc(
      Path path,
      String id,
      long size,
      long mtimeMillis,
      int width,
      int height,
      PhotoMetadata metadata,
      float[] vector) {
    this(path, id, size, mtimeMillis, width, height, metadata, vector, List.of(), 0);
  }

  /** This document with other tags; everything else, the vector included, unchanged. */
  public ImageDoc withTags(List<String> newTags) {
    return new ImageDoc(
        path, id, size, mtimeMillis, width, height, metadata, vector, newTags, sidecarMtimeMillis);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** Date taken where EXIF has it, else the file's mtime: what "sort by date" uses. */
  public long dateMillis() {
    return facts().dateMillis();
  }

  /** This document's stored facts, without the vector. */
  public ImageFacts facts() {
    return new ImageFacts(
        path, id, size, mtimeMillis, width, height, metadata, tags, sidecarMtimeMillis);
  }

  /** {@code landscape}, {@code portrait} or {@code square}, from the upright size. */
  public String shape() {
    return width > height ? "landscape" : width < height ? "portrait" : "square";
  }

  /**
   * "make model" lower case, for exact camera filters, with a model that repeats the make ("Canon
   * Canon EOS R5") trimmed; empty without EXIF camera fields.
   */
  public Optional<String> camera() {
    String make = metadata.cameraMake().map(String::strip).orElse("");
    String model = metadata.cameraModel().map(String::strip).orElse("");
    if (!make.isEmpty()
        && model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) {
      make = "";
    }
    String camera = (make + " " + model).strip().toLowerCase(Locale.ROOT);
    return camera.isEmpty() ? Optional.empty() : Optional.of(camera);
  }

  /**
   * Everything a person might type to find the file by name, for BM25 ({@link IndexFields#TEXT}):
   * file name, folder names, camera make and model, lens, tags, and the person's own words from XMP
   * (keywords, title, description). Every backend indexes this text.
   */
  public String keywordText() {
    StringJoiner text = new StringJoiner(" ");
    text.add(path.getFileName().toString());
    for (Path part : path.getParent()) {
      text.add(part.toString());
    }
    metadata.cameraMake().ifPresent(text::add);
    metadata.cameraModel().ifPresent(text::add);
    metadata.lens().ifPresent(text::add);
    tags.forEach(text::add);
    metadata.xmp().words().forEach(text::add);
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageDoc d
        && path.equals(d.path)
        && id.equals(d.id)
        && size == d.size
        && mtimeMillis == d.mtimeMillis
        && width == d.width
        && height == d.height
        && metadata.equals(d.metadata)
        && Arrays.equals(vector, d.vector)
        && tags.equals(d.tags)
        && sidecarMtimeMillis == d.sidecarMtimeMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                path, id, size, mtimeMillis, width, height, metadata, tags, sidecarMtimeMillis)
            * 31
        + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "ImageDoc["
        + path
        + ", id "
        + id
        + ", "
        + width
        + "x"
        + height
        + ", dim "
        + vector.length
        + ", tags "
        + tags
        + "]";
  }
}
