package io.clipsearch.bench;

import io.clipsearch.model.ClipModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes benchmark inputs as {@code .npy} files any ANN library can read: {@code base.npy} ({@link
 * SyntheticVectors} documents), {@code queries-image.npy} (held-out vectors of the same clusters),
 * {@code queries-crossmodal.npy} ({@link SyntheticVectors#nextCrossModal}) and, with a model,
 * {@code queries-text.npy} (its text embeddings of generated prompts). Every row is unit length.
 * The same seed writes the same bytes.
 */
public final class BenchVectorFiles {

  private BenchVectorFiles() {}

  /**
   * @return the files written, base first
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(
      Path out, int count, int dim, int queries, long seed, Optional<ClipModel> model)
      throws IOException {
    if (count < 1 || dim < 2 || queries < 1) {
      throw new IllegalArgumentException("need count >= 1, dim >= 2, queries >= 1");
    }
    Files.createDirectories(out);
    SyntheticVectors synthetic =
        new SyntheticVectors(dim, SyntheticVectors.clustersFor(count), seed);
    List<Path> written = new ArrayList<>();
    written.add(write(out.resolve("base.npy"), synthetic.next(count)));
    written.add(write(out.resolve("queries-image.npy"), synthetic.next(queries)));
    written.add(write(out.resolve("queries-crossmodal.npy"), synthetic.nextCrossModal(queries)));
    if (model.isPresent()) {
      if (model.get().dimension() != dim) {
        throw new IllegalArgumentException(
            "the model's dimension is "
                + model.get().dimension()
                + ", not "
                + dim
                + ": pass --dim "
                + model.get().dimension());
      }
      written.add(
          write(
              out.resolve("queries-text.npy"), SyntheticInputs.textQueries(model.get(), queries)));
    }
    return written;
  }

  private static Path write(Path file, float[][] rows) throws IOException {
    NpyFile.writeFloats(file, rows);
    return file;
  }
}
