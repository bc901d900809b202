package io.clipsearch.lab;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embeddings of a list of image files, with the ones that could not be decoded left out.
 * Immutable; vectors are copied.
 *
 * <p>Files are embedded in chunks of {@value #CHUNK} (the model batches and overlaps decoding
 * inside a chunk), and progress is reported after each chunk.
 *
 * @param indices for each vector, the index of its file in the input list
 * @param vectors the unit vectors of the files that embedded
 * @param failures "file: reason" for each file that did not
 */
public record ImageVectors(List<Integer> indices, List<float[]> vectors, List<String> failures) {

  static final int CHUNK = 64;

  public ImageVectors {
    indices = List.copyOf(indices);
    vectors = vectors.stream().map(float[]::clone).toList();
    failures = List.copyOf(failures);
    if (indices.size() != vectors.size()) {
      throw new IllegalArgumentException(
          indices.size() + " indices for " + vectors.size() + " vectors");
    }
  }

  /**
   * Embeds files with a model, reporting progress to {@code progress} (on the calling thread).
   *
   * @throws io.clipsearch.model.EmbeddingException if the engine fails (an undecodable file does
   *     not)
   */
  public static ImageVectors embed(ClipModel model, List<Path> files, Consumer<Progress> progress) {
    long start = System.nanoTime();
    List<Integer> indices = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < files.size(); from += CHUNK) {
      int to = Math.min(files.size(), from + CHUNK);
      List<ImageSource> chunk = files.subList(from, to).stream().map(ImageSource::of).toList();
      List<ImageEmbedding> results = model.embedImages(chunk);
      for (int i = 0; i < results.size(); i++) {
        switch (results.get(i)) {
          case ImageEmbedding.Embedded e -> {
            indices.add(from + i);
            vectors.add(e.vector());
          }
          case ImageEmbedding.Failed f -> failures.add(f.name() + ": " + f.error().reason());
        }
      }
      progress.accept(new Progress(to, files.size(), System.nanoTime() - start));
    }
    return new ImageVectors(indices, vectors, failures);
  }

  @Override
  public List<float[]> vectors() {
    return vectors.stream().map(float[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ImageVectors v)
        || !indices.equals(v.indices)
        || !failures.equals(v.failures)) {
      return false;
    }
    for (int i = 0; i < vectors.size(); i++) {
      if (!Arrays.equals(vectors.get(i), v.vectors.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = indices.hashCode() * 31 + failures.hashCode();
    for (float[] v : vectors) {
      h = 31 * h + Arrays.hashCode(v);
    }
    return h;
  }

  @Override
  public String toString() {
    return "ImageVectors[" + vectors.size() + " embedded, " + failures.size() + " failed]";
  }
}
