package io.clipsearch.index;

/**
 * Every field name of the image index, and only here: queries, filters and documents refer to these
 * constants. One Lucene document per image file.
 */
public final class IndexFields {

  private IndexFields() {}

  /** The file's absolute path: the document's unique key (StringField, stored). */
  public static final String PATH = "path";

  /**
   * The content hash of the file (SHA-256, hex): stable across moves and renames; copies of one
   * file share it (StringField, stored).
   */
  public static final String ID = "id";

  /** The file's folder, absolute (StringField, stored): "exactly this folder". */
  public static final String FOLDER = "folder";

  /** The folder and each of its ancestors (StringField, multi-valued): "this folder and below". */
  public static final String FOLDER_TREE = "folder_tree";

  /** The file name (stored). */
  public static final String FILE_NAME = "file_name";

  /** File size in bytes (LongPoint, stored, doc values). */
  public static final String SIZE = "size";

  /** Last-modified time, epoch milliseconds (LongPoint, stored, doc values). */
  public static final String MTIME = "mtime";

  /** Upright width and height in pixels (IntPoint, stored). */
  public static final String WIDTH = "width";

  public static final String HEIGHT = "height";

  /** The shorter side in pixels (IntPoint): the "minimum size" filter. */
  public static final String SHORT_SIDE = "short_side";

  /** {@code landscape}, {@code portrait} or {@code square}, from the upright size (StringField). */
  public static final String SHAPE = "shape";

  /** EXIF date taken, epoch milliseconds (LongPoint, stored), when the photo has one. */
  public static final String TAKEN = "taken";

  /**
   * The date people sort and filter by: date taken where known, else the file's mtime (LongPoint,
   * doc values).
   */
  public static final String DATE = "date";

  /** Camera make and model as written in EXIF (stored). */
  public static final String CAMERA_MAKE = "camera_make";

  public static final String CAMERA_MODEL = "camera_model";

  /** "make model", lower case, for exact camera filters (StringField). */
  public static final String CAMERA = "camera";

  public static final String LENS = "lens";

  /** EXIF orientation 1-8 as found in the file (stored). */
  public static final String EXIF_ORIENTATION = "exif_orientation";

  /** GPS position (LatLonPoint; latitude and longitude also stored). */
  public static final String GPS = "gps";

  public static final String LATITUDE = "latitude";

  public static final String LONGITUDE = "longitude";

  /**
   * Everything a person might type to find a file by name: file name, folder names, camera, lens,
   * XMP keywords, title and description, and the image's {@link #TAGS} (TextField, analyzed by
   * {@code io.clipsearch.lucene.FileNameAnalyzer}) for BM25.
   */
  public static final String TEXT = "text";

  /**
   * Zero-shot tags of the image, best first (StringField per tag, stored): exact tag filters. Each
   * tag is also appended to {@link #TEXT}, so keyword queries find it. Documents indexed before
   * tagging existed simply have none.
   */
  public static final String TAGS = "tags";

  /**
   * XMP star rating, -1 (rejected) to 5 (IntPoint, stored): the rating filters. Absent when the XMP
   * says nothing.
   */
  public static final String RATING = "rating";

  /** XMP colour label, lower case (StringField, stored): the label filter. */
  public static final String LABEL = "label";

  /**
   * XMP keywords (stored, multi-valued), title and description (stored): a person's own words, also
   * appended to {@link #TEXT}.
   */
  public static final String KEYWORDS = "keywords";

  public static final String TITLE = "title";

  public static final String DESCRIPTION = "description";

  /**
   * Last-modified time of the XMP sidecar read at indexing, epoch milliseconds (stored), absent
   * without one: part of the file state, so an edited sidecar is seen by the next scan.
   */
  public static final String SIDECAR_MTIME = "sidecar_mtime";

  /** The L2-normalized CLIP embedding (KnnFloatVectorField, DOT_PRODUCT). */
  public static final String VECTOR = "vector";
}
