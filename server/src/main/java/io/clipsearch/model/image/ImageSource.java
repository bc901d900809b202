package io.clipsearch.model.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where an image's encoded bytes come from: a file on disk or bytes already in memory (an upload).
 *
 * <p>Immutable. {@link #name()} is what error messages and reports show for the image.
 */
public sealed interface ImageSource permits ImageSource.FileSource, ImageSource.BytesSource {

  /** The name shown to people for this image (a path, or the upload's file name). */
  String name();

  /**
   * Reads the encoded bytes.
   *
   * @throws IOException if the file cannot be read
   */
  byte[] readBytes() throws IOException;

  static ImageSource of(Path file) {
    return new FileSource(file);
  }

  static ImageSource of(String name, byte[] bytes) {
    return new BytesSource(name, bytes);
  }

  /** An image file; its bytes are read when {@link #readBytes()} is called. */
  record FileSource(Path path) implements ImageSource {
    public FileSource {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String name() {
      return path.toString();
    }

    @Override
    public byte[] readBytes() throws IOException {
      return Files.readAllBytes(path);
    }
  }

  /** Encoded image bytes held in memory; the array is copied on the way in and out. */
  record BytesSource(String name, byte[] bytes) implements ImageSource {
    public BytesSource {
      Objects.requireNonNull(name, "name");
      bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public byte[] readBytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BytesSource b && name.equals(b.name) && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "BytesSource[" + name + ", " + bytes.length + " bytes]";
    }
  }
}
