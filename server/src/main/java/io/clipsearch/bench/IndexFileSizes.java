package io.clipsearch.bench;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.lucene.KnnFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bytes of the Lucene files an HNSW search reads ({@link KnnFormats#searchedByGraph}): what must
 * stay in memory for fast search. Stored fields, postings and doc values are read only for the few
 * hits of a page, so they may stay on disk.
 */
final class IndexFileSizes {

  private IndexFileSizes() {}

  static long searchBytes(Path indexDir, VectorFormat format) throws IOException {
    long bytes = 0;
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (KnnFormats.searchedByGraph(f.getFileName().toString(), format)) {
          bytes += Files.size(f);
        }
      }
    }
    return bytes;
  }
}
