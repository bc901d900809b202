package io.clipsearch.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class vectors of a prompt ensemble ({@link PromptEnsemble#classVectors}) kept in a folder, so a
 * vocabulary is embedded once per model instead of once per run: ViT-B/32's text tower takes
 * minutes of two cores for the ~290 labels × 4 templates of the tag vocabulary, which every {@code
 * clipsearch index} run paid before scanning a file.
 *
 * <p>A cache may span folders ({@link #alsoIn}): the data folder's, and one beside the model's
 * files ({@link ClipModel#cacheDir}), so that a new data folder on the same machine finds the
 * vectors too. A file is read from the first folder that holds one that reads back whole, and a
 * computed one is written to every folder that can be written.
 *
 * <p>One file per key, the SHA-256 of the model's id (its files' fingerprint, {@link
 * ModelInfo#id}), its engine (engines differ in the last bits), the templates and the class names:
 * any change computes anew, and a stale file is never read. A file is written to a temporary file
 * and moved into place, so a crash leaves the old file or the new one, never half; a file that does
 * not read back whole (truncated, another format) is computed again and replaced. Folders that
 * cannot be written cost a warning, not the vectors.
 *
 * <p>Thread-safe; two processes computing one key write the same bytes.
 */
public final class ClassVectorCache {

  private static final Logger LOG = LoggerFactory.getLogger(ClassVectorCache.class);

  /** "CSV1": the file format's version. */
  private static final int MAGIC = 0x43535631;

  private final List<Path> dirs;

  /**
   * @param dir the folder of the cache files, created on first write
   */
  public ClassVectorCache(Path dir) {
    this(List.of(Objects.requireNonNull(dir, "dir")));
  }

  private ClassVectorCache(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /** This cache, also reading from and writing to {@code dir} (after its own folders), if any. */
  public ClassVectorCache alsoIn(Optional<Path> dir) {
    if (dir.isEmpty() || dirs.contains(dir.get())) {
      return this;
    }
    List<Path> more = new ArrayList<>(dirs);
    more.add(dir.get());
    return new ClassVectorCache(more);
  }

  /**
   * {@code ensemble.classVectors(classNames, embedder)}, read from this cache when computed before
   * for the same model, templates and class names, else computed and stored.
   *
   * @throws IllegalArgumentException as {@link PromptEnsemble#classVectors}
   * @throws IllegalStateException as {@link PromptEnsemble#classVectors}
   */
  public List<float[]> classVectors(
      ModelInfo model,
      PromptEnsemble ensemble,
      List<String> classNames,
      Function<List<String>, List<float[]>> embedder) {
    String name = fileName(model, ensemble, classNames);
    List<Path> unreadable = new ArrayList<>();
    for (Path dir : dirs) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          List<float[]> vectors = read(file, classNames.size(), model.dimension());
          dirs.stream()
              .filter(d -> unreadable.contains(d) || !Files.isRegularFile(d.resolve(name)))
              .forEach(d -> tryWrite(d, name, vectors));
          return vectors;
        } catch (IOException e) {
          unreadable.add(dir);
          LOG.warn(
              "class vectors in {} do not read back ({}): computing them again",
              file,
              e.getMessage());
        }
      }
    }
    List<float[]> vectors = ensemble.classVectors(classNames, embedder);
    List<String> failures = new ArrayList<>();
    for (Path dir : dirs) {
      tryWrite(dir, name, vectors).ifPresent(failures::add);
    }
    if (failures.size() == dirs.size()) {
      LOG.warn(
          "class vectors not cached ({}): the next run computes them again",
          String.join("; ", failures));
    }
    return vectors;
  }

  /**
   * Writes (or replaces) the file in {@code dir}: what went wrong, if something did. A folder
   * beside an installed model is often read-only, which only matters when no folder takes the file.
   */
  private static Optional<String> tryWrite(Path dir, String name, List<float[]> vectors) {
    Path file = dir.resolve(name);
    try {
      write(dir, file, vectors);
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("class vectors not written to {}: {}", dir, e.toString());
      return Optional.of(dir + ": " + e.getMessage());
    }
  }

  /** The file holding these class vectors in the first folder, whether or not it exists yet. */
  Path file(ModelInfo model, PromptEnsemble ensemble, List<String> classNames) {
    return dirs.getFirst().resolve(fileName(model, ensemble, classNames));
  }

  private static String fileName(
      ModelInfo model, PromptEnsemble ensemble, List<String> classNames) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> parts = new ArrayList<>();
      parts.add(model.id());
      parts.add(model.engine().name());
      parts.add(String.valueOf(ensemble.templates().size()));
      parts.addAll(ensemble.templates());
      parts.addAll(classNames);
      for (String part : parts) { // length-prefixed: no two lists make the same bytes
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(String.valueOf(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest()) + ".vectors";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static List<float[]> read(Path file, int count, int dimension) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      if (data.readInt() != MAGIC || data.readInt() != count || data.readInt() != dimension) {
        throw new IOException("not " + count + " vectors of dimension " + dimension);
      }
      List<float[]> vectors = new ArrayList<>(count);
      for (int c = 0; c < count; c++) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          v[d] = data.readFloat();
        }
        vectors.add(v);
      }
      if (data.read() != -1) {
        throw new IOException("bytes after the last vector");
      }
      return vectors;
    } catch (EOFException e) {
      throw new IOException("truncated", e);
    }
  }

  private static void write(Path dir, Path file, List<float[]> vectors) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
        data.writeInt(MAGIC);
        data.writeInt(vectors.size());
        data.writeInt(vectors.getFirst().length);
        for (float[] v : vectors) {
          for (float x : v) {
            data.writeFloat(x);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
