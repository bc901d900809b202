package io.clipsearch.lucene;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.WarmUp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;

/**
 * Reads the files a vector search pages through into the operating system's page cache, one
 * sequential pass each. Lucene maps vector files with random-access advice, so on a cold cache
 * every graph hop of the first searches is a 4 KiB read from disk; one pass of large reads costs
 * far less than those scattered faults. What is read: the HNSW graphs, the vectors the graph walk
 * scores (the quantized ones, or the float32 ones when they are the search's), the doc values each
 * hit reads, and compound files of small segments; not the float32 originals of a quantized
 * format, which re-scoring reads only for a few hundred candidates. Stateless.
 */
final class IndexWarmer {

  private static final int CHUNK = 1 << 20;

  private IndexWarmer() {}

  /** The files of {@code reader}'s segments that searches in {@code format} page through. */
  static Set<String> searchedFiles(IndexReader reader, VectorFormat format) throws IOException {
    Set<String> files = new LinkedHashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      if (FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment) {
        for (String file : segment.getSegmentInfo().files()) {
          if (searched(file, format)) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  static boolean searched(String file, VectorFormat format) {
    return KnnFormats.searchedByGraph(file, format) || file.endsWith(".dvd") || file.endsWith(".cfs");
  }

  /**
   * Reads each file of {@code files} under {@code dir} to its end, stopping early when {@code
   * stop} says so; a file deleted meanwhile (merged away) is skipped.
   *
   * @throws IOException if a file cannot be read
   */
  static WarmUp read(Path dir, Collection<String> files, BooleanSupplier stop) throws IOException {
    long start = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    int read = 0;
    long bytes = 0;
    for (String file : files) {
      try (FileChannel channel = FileChannel.open(dir.resolve(file), StandardOpenOption.READ)) {
        for (int n = 0; n >= 0 && !stop.getAsBoolean(); n = channel.read(buffer.clear())) {
          bytes += n;
        }
        read++;
      } catch (NoSuchFileException e) {
        continue; // merged away since the list was taken
      }
      if (stop.getAsBoolean()) {
        break;
      }
    }
    return new WarmUp(read, bytes, (System.nanoTime() - start) / 1_000_000);
  }
}
