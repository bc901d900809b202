package io.clipsearch.lucene;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.FileState;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The read side of a test's {@link VectorIndex}, and one-off reads, each in a session of its own
 * (as a caller outside a search makes them). Stateless.
 */
public final class IndexReads {

  private IndexReads() {}

  /** The read side over {@code index}, with the served oversampling. */
  public static LuceneSearchBackend backend(VectorIndex index) {
    return new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample());
  }

  public static Optional<ImageDoc> findByPath(VectorIndex index, Path path) throws IOException {
    try (SearchSession s = backend(index).session()) {
      return s.findByPath(path);
    }
  }

  public static Optional<ImageDoc> findById(VectorIndex index, String id) throws IOException {
    try (SearchSession s = backend(index).session()) {
      return s.findById(id);
    }
  }

  public static List<FileState> fileStates(VectorIndex index, Path root) throws IOException {
    try (SearchSession s = backend(index).session()) {
      return s.fileStates(root);
    }
  }

  public static void forEach(VectorIndex index, SearchSession.DocumentVisitor visitor)
      throws IOException {
    try (SearchSession s = backend(index).session()) {
      s.forEach(visitor);
    }
  }

  public static FactsPage newest(VectorIndex index, int offset, int limit) throws IOException {
    try (SearchSession s = backend(index).session()) {
      return s.newest(SearchFilters.NONE, offset, limit);
    }
  }
}
