package io.clipsearch.lucene;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.XmpTags;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Maps {@link ImageDoc}s to Lucene documents and back. Stateless. */
final class ImageDocuments {

  /**
   * The path again, as sorted doc values: a search keys its up to 1,000 hits by path, and reading
   * it from stored fields decompresses a block per hit (a large share of a search's CPU at 1M,
   * docs/BENCHMARKS.md). Only in documents written since it was added; older ones are read from the
   * stored path.
   */
  static final String PATH_VALUES = "path_dv";

  private ImageDocuments() {}

  static Document toDocument(ImageDoc doc) {
    Document d = new Document();
    Path path = doc.path();
    Path folder = path.getParent();
    String fileName = path.getFileName().toString();
    d.add(new StringField(IndexFields.PATH, path.toString(), Field.Store.YES));
    d.add(new SortedDocValuesField(PATH_VALUES, new BytesRef(path.toString())));
    d.add(new StringField(IndexFields.ID, doc.id(), Field.Store.YES));
    d.add(new StringField(IndexFields.FOLDER, folder.toString(), Field.Store.YES));
    for (Path p = folder; p != null; p = p.getParent()) {
      d.add(new StringField(IndexFields.FOLDER_TREE, p.toString(), Field.Store.NO));
    }
    d.add(new StoredField(IndexFields.FILE_NAME, fileName));
    addLong(d, IndexFields.SIZE, doc.size());
    addLong(d, IndexFields.MTIME, doc.mtimeMillis());
    d.add(new IntPoint(IndexFields.WIDTH, doc.width()));
    d.add(new StoredField(IndexFields.WIDTH, doc.width()));
    d.add(new IntPoint(IndexFields.HEIGHT, doc.height()));
    d.add(new StoredField(IndexFields.HEIGHT, doc.height()));
    d.add(new IntPoint(IndexFields.SHORT_SIDE, Math.min(doc.width(), doc.height())));
    d.add(new StringField(IndexFields.SHAPE, doc.shape(), Field.Store.NO));
    d.add(new LongPoint(IndexFields.DATE, doc.dateMillis()));
    d.add(new NumericDocValuesField(IndexFields.DATE, doc.dateMillis()));

    PhotoMetadata m = doc.metadata();
    m.taken()
        .ifPresent(
            t -> {
              d.add(new LongPoint(IndexFields.TAKEN, t.toEpochMilli()));
              d.add(new StoredField(IndexFields.TAKEN, t.toEpochMilli()));
            });
    m.cameraMake().ifPresent(v -> d.add(new StoredField(IndexFields.CAMERA_MAKE, v)));
    m.cameraModel().ifPresent(v -> d.add(new StoredField(IndexFields.CAMERA_MODEL, v)));
    doc.camera().ifPresent(c -> d.add(new StringField(IndexFields.CAMERA, c, Field.Store.NO)));
    m.lens().ifPresent(v -> d.add(new StoredField(IndexFields.LENS, v)));
    d.add(new StoredField(IndexFields.EXIF_ORIENTATION, m.orientation()));
    if (m.latitude().isPresent()) {
      double lat = m.latitude().get();
      double lon = m.longitude().orElseThrow();
      d.add(new LatLonPoint(IndexFields.GPS, lat, lon));
      d.add(new StoredField(IndexFields.LATITUDE, lat));
      d.add(new StoredField(IndexFields.LONGITUDE, lon));
    }

    XmpTags xmp = m.xmp();
    if (xmp.rating() != null) {
      d.add(new IntPoint(IndexFields.RATING, xmp.rating()));
      d.add(new StoredField(IndexFields.RATING, xmp.rating()));
    }
    if (xmp.label() != null) {
      d.add(new StringField(IndexFields.LABEL, xmp.label(), Field.Store.YES));
    }
    xmp.keywords().forEach(k -> d.add(new StoredField(IndexFields.KEYWORDS, k)));
    if (xmp.title() != null) {
      d.add(new StoredField(IndexFields.TITLE, xmp.title()));
    }
    if (xmp.description() != null) {
      d.add(new StoredField(IndexFields.DESCRIPTION, xmp.description()));
    }
    if (doc.sidecarMtimeMillis() != 0) {
      d.add(new StoredField(IndexFields.SIDECAR_MTIME, doc.sidecarMtimeMillis()));
    }

    for (String tag : doc.tags()) {
      d.add(new StringField(IndexFields.TAGS, tag, Field.Store.YES));
    }
    d.add(new TextField(IndexFields.TEXT, doc.keywordText(), Field.Store.NO));
    d.add(
        new KnnFloatVectorField(
            IndexFields.VECTOR, doc.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    return d;
  }

  /**
   * Rebuilds an {@link ImageDoc} from stored fields and the document's vector; a document written
   * before tags existed comes back with none.
   */
  static ImageDoc fromDocument(Document d, float[] vector) {
    return facts(d).withVector(vector);
  }

  /** The stored facts of a document, as {@link #fromDocument} reads them, without the vector. */
  static ImageFacts facts(Document d) {
    PhotoMetadata metadata =
        new PhotoMetadata(
            optionalLong(d, IndexFields.TAKEN).map(Instant::ofEpochMilli),
            Optional.ofNullable(d.get(IndexFields.CAMERA_MAKE)),
            Optional.ofNullable(d.get(IndexFields.CAMERA_MODEL)),
            Optional.ofNullable(d.get(IndexFields.LENS)),
            optionalDouble(d, IndexFields.LATITUDE),
            optionalDouble(d, IndexFields.LONGITUDE),
            d.getField(IndexFields.EXIF_ORIENTATION).numericValue().intValue(),
            new XmpTags(
                optionalLong(d, IndexFields.RATING).map(Long::intValue).orElse(null),
                d.get(IndexFields.LABEL),
                List.of(d.getValues(IndexFields.KEYWORDS)),
                d.get(IndexFields.TITLE),
                d.get(IndexFields.DESCRIPTION)));
    return new ImageFacts(
        Path.of(d.get(IndexFields.PATH)),
        d.get(IndexFields.ID),
        d.getField(IndexFields.SIZE).numericValue().longValue(),
        d.getField(IndexFields.MTIME).numericValue().longValue(),
        d.getField(IndexFields.WIDTH).numericValue().intValue(),
        d.getField(IndexFields.HEIGHT).numericValue().intValue(),
        metadata,
        List.of(d.getValues(IndexFields.TAGS)),
        sidecarMtime(d));
  }

  /** The stored sidecar mtime, 0 for a document without (or written before sidecars were read). */
  static long sidecarMtime(Document d) {
    return optionalLong(d, IndexFields.SIDECAR_MTIME).orElse(0L);
  }

  private static void addLong(Document d, String field, long value) {
    d.add(new LongPoint(field, value));
    d.add(new StoredField(field, value));
    d.add(new NumericDocValuesField(field, value));
  }

  private static Optional<Long> optionalLong(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? Optional.empty() : Optional.of(f.numericValue().longValue());
  }

  private static Optional<Double> optionalDouble(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? Optional.empty() : Optional.of(f.numericValue().doubleValue());
  }
}
