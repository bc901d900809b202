package io.clipsearch.bench;

import io.clipsearch.index.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Bytes of the Lucene files an HNSW search reads, by extension: the graph ({@code .vex}) and
 * the vectors it scores with: quantized ({@code .veq} for int8/int4, {@code .veb} for bbq) or,
 * for float32, the originals ({@code .vec}). The float32 originals of a quantized format are read
 * only to re-score a few candidates, and stored fields, postings and doc values not at all, so
 * they may stay on disk.
 */
final class IndexFileSizes {

  private IndexFileSizes() {}

  static long searchBytes(Path indexDir, VectorFormat format) throws IOException {
    Set<String> hot = switch (format) {
      case FLOAT32 -> Set.of("vex", "vec");
      case INT8, INT4 -> Set.of("vex", "veq");
      case BBQ -> Set.of("vex", "veb");
    };
    long bytes = 0;
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (hot.contains(ext)) {
          bytes += Files.size(f);
        }
      }
    }
    return bytes;
  }
}
