package io.clipsearch.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.clipsearch.model.PromptEnsemble;
import io.clipsearch.model.mini.MiniLmTextEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The text side of the training objective: for each class, the prompt templates filled with the
 * class name, embedded by the frozen text tower, averaged and renormalized (CLIP's prompt
 * ensembling). Row {@code i} is the target of label {@code i}.
 *
 * <p>Computing them takes a few seconds per hundred classes, so {@link #cached} keeps them in a
 * file keyed by the class list and templates. Immutable.
 */
public final class ClassTargets {

  /** Prompt templates; {@code {}} is replaced by the class name. */
  public static final List<String> TEMPLATES =
      List.of(
          "a photo of a {}.",
          "a close-up photo of a {}.",
          "a photo of the {}.",
          "a {} in the wild.",
          "a cropped photo of a {}.",
          "a blurry photo of a {}.",
          "a bright photo of a {}.",
          "a photo of a small {}.",
          "a photo of a large {}.",
          "a low resolution photo of a {}.");

  private static final int FILE_VERSION = 1;

  private final List<String> classes;
  private final float[][] vectors;

  private ClassTargets(List<String> classes, float[][] vectors) {
    this.classes = List.copyOf(classes);
    this.vectors = vectors;
  }

  /** Targets given directly (tests, precomputed vectors); rows are used as they are. */
  static ClassTargets of(List<String> classes, float[][] vectors) {
    if (classes.size() != vectors.length) {
      throw new IllegalArgumentException(
          classes.size() + " classes but " + vectors.length + " vectors");
    }
    float[][] copy = new float[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      copy[i] = vectors[i].clone();
    }
    return new ClassTargets(classes, copy);
  }

  /** Embeds every template for every class and averages per class. */
  public static ClassTargets compute(List<String> classes, MiniLmTextEncoder encoder) {
    return new ClassTargets(
        classes,
        new PromptEnsemble(TEMPLATES)
            .classVectors(classes, encoder::embedTexts)
            .toArray(float[][]::new));
  }

  /**
   * Reads the targets from {@code file} if it holds these classes and templates, else computes them
   * (loading the text tower) and writes the file.
   *
   * @throws IOException if the file cannot be written
   */
  public static ClassTargets cached(Path file, List<String> classes, int textThreads)
      throws IOException {
    if (Files.isRegularFile(file)) {
      ClassTargets t = read(file);
      if (t.classes.equals(classes)) {
        return t;
      }
    }
    ClassTargets t;
    try (MiniLmTextEncoder encoder = MiniLmTextEncoder.load(textThreads)) {
      t = compute(classes, encoder);
    }
    t.write(file);
    return t;
  }

  public List<String> classes() {
    return classes;
  }

  /**
   * The targets as columns, {@code [384 x classes]} in {@code manager}: an embedding batch times it
   * is the batch's cosines to every class (both trainers' logits, before the temperature).
   */
  NDArray columns(NDManager manager) {
    return manager
        .create(flat(), new Shape(vectors.length, MiniLmTextEncoder.DIMENSION))
        .transpose();
  }

  /** All targets, row-major {@code [classes x 384]}. */
  private float[] flat() {
    int dim = MiniLmTextEncoder.DIMENSION;
    float[] out = new float[vectors.length * dim];
    for (int c = 0; c < vectors.length; c++) {
      System.arraycopy(vectors[c], 0, out, c * dim, dim);
    }
    return out;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      out.writeInt(FILE_VERSION);
      out.writeUTF(String.join("\n", TEMPLATES));
      out.writeInt(classes.size());
      out.writeInt(MiniLmTextEncoder.DIMENSION);
      for (int c = 0; c < classes.size(); c++) {
        out.writeUTF(classes.get(c));
        for (float x : vectors[c]) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads a file written by {@link #cached}; stale templates give an empty (never matching) set.
   */
  static ClassTargets read(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
      if (in.readInt() != FILE_VERSION || !in.readUTF().equals(String.join("\n", TEMPLATES))) {
        return new ClassTargets(List.of(), new float[0][]);
      }
      int n = in.readInt();
      int dim = in.readInt();
      List<String> classes = new ArrayList<>(n);
      float[][] vectors = new float[n][dim];
      for (int c = 0; c < n; c++) {
        classes.add(in.readUTF());
        for (int d = 0; d < dim; d++) {
          vectors[c][d] = in.readFloat();
        }
      }
      return new ClassTargets(classes, vectors);
    }
  }
}
