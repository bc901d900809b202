package io.clipsearch.solr;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.XmpTags;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps {@link ImageDoc}s to documents of the clipsearch configset and back: the same fields, with
 * the same values, as the embedded index's Lucene documents ({@link IndexFields}). Stateless.
 */
final class SolrDocuments {

  /** The stored fields {@link #facts} reads: every one but the vector. */
  static final List<String> FACT_FIELDS =
      List.of(
          IndexFields.PATH,
          IndexFields.ID,
          IndexFields.SIZE,
          IndexFields.MTIME,
          IndexFields.WIDTH,
          IndexFields.HEIGHT,
          IndexFields.TAKEN,
          IndexFields.CAMERA_MAKE,
          IndexFields.CAMERA_MODEL,
          IndexFields.LENS,
          IndexFields.LATITUDE,
          IndexFields.LONGITUDE,
          IndexFields.EXIF_ORIENTATION,
          IndexFields.RATING,
          IndexFields.LABEL,
          IndexFields.KEYWORDS,
          IndexFields.TITLE,
          IndexFields.DESCRIPTION,
          IndexFields.SIDECAR_MTIME,
          IndexFields.TAGS);

  private SolrDocuments() {}

  static SolrInputDocument toSolr(ImageDoc doc) {
    SolrInputDocument d = new SolrInputDocument();
    Path path = doc.path();
    Path folder = path.getParent();
    d.setField(IndexFields.PATH, path.toString());
    d.setField(IndexFields.ID, doc.id());
    d.setField(IndexFields.FOLDER, folder.toString());
    List<String> tree = new ArrayList<>();
    for (Path p = folder; p != null; p = p.getParent()) {
      tree.add(p.toString());
    }
    d.setField(IndexFields.FOLDER_TREE, tree);
    d.setField(IndexFields.FILE_NAME, path.getFileName().toString());
    d.setField(IndexFields.SIZE, doc.size());
    d.setField(IndexFields.MTIME, doc.mtimeMillis());
    d.setField(IndexFields.WIDTH, doc.width());
    d.setField(IndexFields.HEIGHT, doc.height());
    d.setField(IndexFields.SHORT_SIDE, Math.min(doc.width(), doc.height()));
    d.setField(IndexFields.SHAPE, doc.shape());
    d.setField(IndexFields.DATE, doc.dateMillis());
    PhotoMetadata m = doc.metadata();
    m.taken().ifPresent(t -> d.setField(IndexFields.TAKEN, t.toEpochMilli()));
    m.cameraMake().ifPresent(v -> d.setField(IndexFields.CAMERA_MAKE, v));
    m.cameraModel().ifPresent(v -> d.setField(IndexFields.CAMERA_MODEL, v));
    doc.camera().ifPresent(v -> d.setField(IndexFields.CAMERA, v));
    m.lens().ifPresent(v -> d.setField(IndexFields.LENS, v));
    d.setField(IndexFields.EXIF_ORIENTATION, m.orientation());
    if (m.latitude().isPresent()) {
      double lat = m.latitude().get();
      double lon = m.longitude().orElseThrow();
      d.setField(IndexFields.GPS, lat + "," + lon);
      d.setField(IndexFields.LATITUDE, lat);
      d.setField(IndexFields.LONGITUDE, lon);
    }
    XmpTags xmp = m.xmp();
    if (xmp.rating() != null) {
      d.setField(IndexFields.RATING, xmp.rating());
    }
    if (xmp.label() != null) {
      d.setField(IndexFields.LABEL, xmp.label());
    }
    if (!xmp.keywords().isEmpty()) {
      d.setField(IndexFields.KEYWORDS, xmp.keywords());
    }
    if (xmp.title() != null) {
      d.setField(IndexFields.TITLE, xmp.title());
    }
    if (xmp.description() != null) {
      d.setField(IndexFields.DESCRIPTION, xmp.description());
    }
    if (doc.sidecarMtimeMillis() != 0) {
      d.setField(IndexFields.SIDECAR_MTIME, doc.sidecarMtimeMillis());
    }
    if (!doc.tags().isEmpty()) {
      d.setField(IndexFields.TAGS, doc.tags());
    }
    d.setField(IndexFields.TEXT, doc.keywordText());
    float[] v = doc.vector();
    List<Float> vector = new ArrayList<>(v.length);
    for (float x : v) {
      vector.add(x);
    }
    d.setField(IndexFields.VECTOR, vector);
    return d;
  }

  /** Rebuilds the document; {@code d} must hold all stored fields ({@code fl=*}). */
  static ImageDoc fromSolr(SolrDocument d) {
    return facts(d).withVector(vector(d));
  }

  /** The document's facts; {@code d} must hold {@link #FACT_FIELDS}. */
  static ImageFacts facts(SolrDocument d) {
    PhotoMetadata metadata =
        new PhotoMetadata(
            optionalLong(d, IndexFields.TAKEN).map(Instant::ofEpochMilli),
            Optional.ofNullable((String) d.getFirstValue(IndexFields.CAMERA_MAKE)),
            Optional.ofNullable((String) d.getFirstValue(IndexFields.CAMERA_MODEL)),
            Optional.ofNullable((String) d.getFirstValue(IndexFields.LENS)),
            optionalDouble(d, IndexFields.LATITUDE),
            optionalDouble(d, IndexFields.LONGITUDE),
            number(d, IndexFields.EXIF_ORIENTATION).intValue(),
            new XmpTags(
                optionalLong(d, IndexFields.RATING).map(Long::intValue).orElse(null),
                (String) d.getFirstValue(IndexFields.LABEL),
                strings(d, IndexFields.KEYWORDS),
                (String) d.getFirstValue(IndexFields.TITLE),
                (String) d.getFirstValue(IndexFields.DESCRIPTION)));
    return new ImageFacts(
        Path.of((String) d.getFirstValue(IndexFields.PATH)),
        (String) d.getFirstValue(IndexFields.ID),
        number(d, IndexFields.SIZE).longValue(),
        number(d, IndexFields.MTIME).longValue(),
        number(d, IndexFields.WIDTH).intValue(),
        number(d, IndexFields.HEIGHT).intValue(),
        metadata,
        strings(d, IndexFields.TAGS),
        optionalLong(d, IndexFields.SIDECAR_MTIME).orElse(0L));
  }

  private static List<String> strings(SolrDocument d, String field) {
    Collection<Object> values = d.getFieldValues(field);
    return values == null ? List.of() : values.stream().map(String.class::cast).toList();
  }

  /** The stored vector of a result document. */
  static float[] vector(SolrDocument d) {
    Collection<Object> values = d.getFieldValues(IndexFields.VECTOR);
    if (values == null) {
      throw new IllegalStateException(
          "document " + d.getFirstValue(IndexFields.PATH) + " has no stored vector");
    }
    float[] v = new float[values.size()];
    int i = 0;
    for (Object x : values) {
      v[i++] = ((Number) x).floatValue();
    }
    return v;
  }

  private static Number number(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException(
          "document " + d.getFirstValue(IndexFields.PATH) + " has no " + field);
    }
    return n;
  }

  private static Optional<Long> optionalLong(SolrDocument d, String field) {
    return Optional.ofNullable((Number) d.getFirstValue(field)).map(Number::longValue);
  }

  private static Optional<Double> optionalDouble(SolrDocument d, String field) {
    return Optional.ofNullable((Number) d.getFirstValue(field)).map(Number::doubleValue);
  }
}
