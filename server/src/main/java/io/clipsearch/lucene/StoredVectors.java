package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * Reads a document's full-precision vector back from the index: quantized formats keep the float32
 * originals, which is what exact re-scoring and "more like this" need.
 */
public final class StoredVectors {

  private StoredVectors() {}

  /**
   * The vector of top-level document {@code docId}, or null if it has none.
   *
   * @throws IOException if the index cannot be read
   */
  public static float[] read(IndexReader reader, int docId) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
    if (values == null) {
      return null;
    }
    int target = docId - leaf.docBase;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(target) != target) {
      return null;
    }
    return values.vectorValue(it.index()).clone();
  }
}
