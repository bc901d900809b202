package io.clipsearch.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clipsearch.collection.DataFiles;
import io.clipsearch.faces.Face;
import io.clipsearch.faces.FaceBox;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.JpegEncoder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The faces of a collection's photos, on disk by content id, beside the thumbnails: {@code
 * <dir>/<first 2 hex of id>/<id>.json} holds the faces found in that content (box, score, 68
 * landmarks, 128-d descriptor; an empty list when the photo was looked at and has none), and {@code
 * <id>-<n>.jpg} the crop of face {@code n}, long side {@value #CROP_SIDE} px.
 *
 * <p>Keyed by content like the thumbnails, not by path or model: copies share their faces, a moved
 * photo keeps them, and switching the CLIP model (a new photo index) finds none again. A photo's
 * file is its "looked at" mark, so a job that stops part way goes on from there. Written to a
 * temporary name and renamed, crops first: a reader or a crash never sees half a file, and a face
 * file's crops exist. Thread-safe: concurrent writers of one id each rename complete files into
 * place.
 */
public final class FaceStore {

  /** Long side of a face crop in pixels: sharp in a grid of 64-px cells on a 2x screen. */
  public static final int CROP_SIDE = 128;

  /** Crops grow the face box by this much of its size on each side: hair and chin in view. */
  private static final double CROP_MARGIN = 0.25;

  private static final int JPEG_QUALITY = 85;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{2,128}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** A store in {@code dir}; the folder is created on the first write. */
  public FaceStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  public Path directory() {
    return dir;
  }

  /** Whether the faces of this content were looked for (found or not). */
  public boolean has(String id) {
    return ID.matcher(id).matches() && Files.isRegularFile(fileOf(id));
  }

  /**
   * The faces stored for this content, best score first; empty if it was never looked at (or the id
   * is not hex).
   *
   * @throws IOException if the file cannot be read or is not a face file
   */
  public Optional<List<StoredFace>> read(String id) throws IOException {
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(fileOf(id).toFile());
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
    List<StoredFace> faces = new ArrayList<>();
    for (JsonNode f : root.path("faces")) {
      FaceId faceId = new FaceId(id, f.path("n").asInt());
      JsonNode b = f.path("box");
      double[] landmarks = new double[Face.LANDMARKS * 2];
      for (int i = 0; i < landmarks.length; i++) {
        landmarks[i] = f.path("landmarks").path(i).asDouble();
      }
      float[] descriptor = new float[Face.DESCRIPTOR_SIZE];
      for (int i = 0; i < descriptor.length; i++) {
        descriptor[i] = (float) f.path("descriptor").path(i).asDouble();
      }
      faces.add(
          new StoredFace(
              faceId,
              new Face(
                  new FaceBox(
                      b.path(0).asDouble(),
                      b.path(1).asDouble(),
                      b.path(2).asDouble(),
                      b.path(3).asDouble()),
                  (float) f.path("score").asDouble(),
                  landmarks,
                  descriptor)));
    }
    return Optional.of(faces);
  }

  /**
   * Stores the faces found in {@code image} (the photo of this content id, decoded upright) with a
   * crop of each, replacing what was stored.
   *
   * @throws IllegalArgumentException if {@code id} is not lower-case hex
   * @throws IOException if a file cannot be written or a crop cannot be encoded
   */
  public void write(String id, List<Face> faces, DecodedImage image) throws IOException {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("content id must be lower-case hex: " + id);
    }
    Path file = fileOf(id);
    Files.createDirectories(file.getParent());
    ArrayNode list = JSON.createArrayNode();
    for (int n = 0; n < faces.size(); n++) {
      Face face = faces.get(n);
      DataFiles.writeAtomically(
          cropOf(id, n), JpegEncoder.encode(crop(image, face.box()), CROP_SIDE, JPEG_QUALITY));
      ObjectNode f = list.addObject();
      f.put("n", n);
      FaceBox b = face.box();
      f.putArray("box").add(b.x()).add(b.y()).add(b.width()).add(b.height());
      f.put("score", face.score());
      ArrayNode landmarks = f.putArray("landmarks");
      for (double v : face.landmarks()) {
        landmarks.add(v);
      }
      ArrayNode descriptor = f.putArray("descriptor");
      for (float v : face.descriptor()) {
        descriptor.add(v);
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("faces", list);
    DataFiles.writeAtomically(file, JSON.writeValueAsBytes(root));
  }

  /**
   * Forgets one face: its descriptor, landmarks and crop are deleted, and the photo stays looked at
   * (its other faces kept, the face never found again), so a deleted person does not come back.
   *
   * @throws IOException if the files cannot be rewritten
   */
  public void forget(FaceId face) throws IOException {
    Path file = fileOf(face.contentId());
    if (!Files.isRegularFile(file)) {
      return;
    }
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode f : root.path("faces")) {
      if (f.path("n").asInt() != face.n()) {
        kept.add(f);
      }
    }
    root.set("faces", kept);
    DataFiles.writeAtomically(file, JSON.writeValueAsBytes(root));
    Files.deleteIfExists(cropOf(face.contentId(), face.n()));
  }

  /**
   * Every stored face of the collection, in content-id order.
   *
   * @throws IOException if the folder cannot be listed or a file read
   */
  public List<StoredFace> all() throws IOException {
    List<StoredFace> faces = new ArrayList<>();
    for (String id : ids()) {
      read(id).ifPresent(faces::addAll);
    }
    return faces;
  }

  /** The content ids that have a face file, sorted. */
  private List<String> ids() throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    try (DirectoryStream<Path> fans = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path fan : fans) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fan, "*.json")) {
          for (Path f : files) {
            String name = f.getFileName().toString();
            ids.add(name.substring(0, name.length() - ".json".length()));
          }
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  /** The crop of face {@code n} of this content, if stored. Empty for ids that are not hex. */
  public Optional<Path> crop(String id, int n) {
    if (!ID.matcher(id).matches() || n < 0) {
      return Optional.empty();
    }
    Path file = cropOf(id, n);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Deletes the faces (descriptors and crops) of every content id that {@code keep} refuses.
   *
   * @return how many photos' faces were deleted
   * @throws IOException if the folder cannot be listed or a file deleted
   */
  public int retain(Predicate<String> keep) throws IOException {
    int deleted = 0;
    for (String id : ids()) {
      if (!keep.test(id)) {
        delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes the faces of this content: its face file first (so it counts as not looked at), then
   * its crops.
   *
   * @throws IOException if a file cannot be deleted
   */
  public void delete(String id) throws IOException {
    if (!ID.matcher(id).matches()) {
      return;
    }
    Files.deleteIfExists(fileOf(id));
    try (DirectoryStream<Path> crops =
        Files.newDirectoryStream(fileOf(id).getParent(), id + "-*.jpg")) {
      for (Path crop : crops) {
        Files.deleteIfExists(crop);
      }
    } catch (NoSuchFileException e) {
      // no folder: nothing was stored
    }
  }

  /** The box grown by the margin, clipped to the image, as its own pixels. */
  private static DecodedImage crop(DecodedImage image, FaceBox box) {
    double mx = box.width() * CROP_MARGIN;
    double my = box.height() * CROP_MARGIN;
    int x0 = (int) Math.max(0, Math.floor(box.x() - mx));
    int y0 = (int) Math.max(0, Math.floor(box.y() - my));
    int x1 = (int) Math.min(image.width(), Math.ceil(box.x() + box.width() + mx));
    int y1 = (int) Math.min(image.height(), Math.ceil(box.y() + box.height() + my));
    int w = Math.max(1, x1 - x0);
    int h = Math.max(1, y1 - y0);
    x0 = Math.min(x0, image.width() - w);
    y0 = Math.min(y0, image.height() - h);
    byte[] src = image.rgb();
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(src, ((y0 + y) * image.width() + x0) * 3, rgb, y * w * 3, w * 3);
    }
    return new DecodedImage(w, h, rgb);
  }

  private Path fileOf(String id) {
    return dir.resolve(id.substring(0, 2)).resolve(id + ".json");
  }

  private Path cropOf(String id, int n) {
    return dir.resolve(id.substring(0, 2)).resolve(id + "-" + n + ".jpg");
  }
}
