package io.clipsearch.collection;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a collection's files live under a data folder. Pure path arithmetic: nothing is created or
 * read here.
 *
 * <pre>
 * &lt;dataDir&gt;/&lt;collection&gt;/
 *   collection.json          name, root folders, vector format ({@link CollectionConfig})
 *   index/&lt;model id&gt;/        the Lucene index: one per collection and model
 *   thumbs/ab/&lt;id&gt;.jpg       thumbnails by content id ({@link ThumbnailStore})
 *   faces/ab/&lt;id&gt;.json      faces found in each content, and their crops ({@code io.clipsearch.people.FaceStore})
 *   faces/people.json        the persons those faces make, and their names ({@code io.clipsearch.people.People})
 *   reports/                 one JSON report of skipped files per run ({@code io.clipsearch.ingest.IngestReport})
 *   clusters/                clusters and map of the collection ({@code io.clipsearch.cluster.ClusterStore})
 * </pre>
 *
 * <p>One index per model keeps vectors of different models apart (they are not comparable) while
 * thumbnails and faces, which do not depend on the model, are shared. Immutable.
 *
 * @param dataDir the data folder holding every collection
 * @param name the collection's name: letters, digits, {@code . _ -}, not starting with a dot
 */
public record CollectionLayout(Path dataDir, String name) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  /**
   * @throws IllegalArgumentException if {@code name} is not a safe folder name
   */
  public CollectionLayout {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "collection name '"
              + name
              + "' must be 1-100 letters, digits, '.', '_' or '-', not starting with '.'");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** Whether {@code name} can be a collection's name. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  public Path collectionDir() {
    return dataDir.resolve(name);
  }

  /** The collection's index for one model; the id is made safe as a folder name. */
  public Path indexDir(String modelId) {
    return collectionDir().resolve("index").resolve(folderName(modelId));
  }

  public Path thumbsDir() {
    return collectionDir().resolve("thumbs");
  }

  public Path facesDir() {
    return collectionDir().resolve("faces");
  }

  /** The collection's persons: names, merges, hidden ones ({@code io.clipsearch.people.People}). */
  public Path peopleFile() {
    return facesDir().resolve("people.json");
  }

  public Path reportsDir() {
    return collectionDir().resolve("reports");
  }

  public Path clustersDir() {
    return collectionDir().resolve("clusters");
  }

  public Path configFile() {
    return collectionDir().resolve("collection.json");
  }

  /**
   * Where the data folder caches the class vectors of prompt ensembles ({@code
   * model.ClassVectorCache}) for every collection: under {@code .cache}, a name no collection can
   * have.
   */
  public static Path classVectorsDir(Path dataDir) {
    return dataDir.resolve(".cache").resolve("class-vectors");
  }

  /**
   * Where the data folder keeps the model the library was switched to from the app (one line, the
   * model's folder): a dot name, which no collection can have.
   */
  public static Path modelChoiceFile(Path dataDir) {
    return dataDir.resolve(".model-choice");
  }

  /**
   * Where the data folder caches text towers rewritten to take the input length ({@code
   * model.onnx.AnyLengthTextTower}) of models whose folder is read-only; beside {@link
   * #classVectorsDir}.
   */
  public static Path textTowersDir(Path dataDir) {
    return dataDir.resolve(".cache").resolve("text-towers");
  }

  /**
   * A model id as a folder name: characters other than letters, digits, {@code . _ -} become {@code
   * _}.
   */
  static String folderName(String modelId) {
    String safe = UNSAFE.matcher(modelId).replaceAll("_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }
}
