package io.clipsearch.training;

import io.clipsearch.model.DjlTower;
import io.clipsearch.model.InferenceSettings;
import io.clipsearch.model.image.ClipPreprocessor;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The locked backbone's features of the training images, computed once: each image decoded,
 * preprocessed as the finished model will preprocess it ({@link ClipPreprocessor}) and run through
 * the backbone; the rows are appended to a file as they come, so an interrupted run resumes where
 * it stopped. The file starts with a key (the images, the backbone file's size and the
 * preprocessing), and a file of another key is started again. An image that does not decode gets a
 * row of zeros and is left out of training ({@link #usable}). Not thread-safe.
 */
final class BackboneFeatures {

  private static final int MAGIC = 0x43534246; // "CSBF"
  private static final int BATCH = 32;

  private final float[][] rows;

  private BackboneFeatures(float[][] rows) {
    this.rows = rows;
  }

  /** Row {@code i}: the features of item {@code i}, zeros where it did not decode. */
  float[] row(int i) {
    return rows[i];
  }

  /** Whether item {@code i} decoded. */
  boolean usable(int i) {
    for (float v : rows[i]) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  int count() {
    return rows.length;
  }

  /**
   * Reads the features of {@code items} from {@code file}, computing and appending those missing.
   *
   * @param backbone an ONNX backbone: {@code [batch, 3, S, S]} to {@code [batch, D]}
   * @throws IOException if the file cannot be read or written
   */
  static BackboneFeatures cached(
      Path file,
      List<TrainingSet.Item> items,
      Path backbone,
      ClipPreprocessor preprocessor,
      int dimension,
      int threads,
      Consumer<String> progress)
      throws IOException {
    long key = key(items, backbone, preprocessor);
    float[][] rows = new float[items.size()][];
    int done = read(file, key, dimension, rows);
    if (done == items.size()) {
      return new BackboneFeatures(rows);
    }
    if (done == 0) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
        out.writeInt(MAGIC);
        out.writeLong(key);
        out.writeInt(dimension);
      }
    } else {
      progress.accept("resuming backbone features at image " + done);
    }
    int side = preprocessor.config().size();
    ImageDecoder decoder = new ImageDecoder();
    long started = System.nanoTime();
    try (DjlTower tower =
            DjlTower.onnx(
                "backbone",
                backbone,
                new long[] {3, side, side},
                threads,
                false,
                fixed -> InferenceSettings.forModel(fixed, BATCH, threads));
        FileChannel out = FileChannel.open(file, StandardOpenOption.APPEND)) {
      for (int from = done; from < items.size(); from += BATCH) {
        int to = Math.min(items.size(), from + BATCH);
        float[][] inputs = new float[to - from][];
        int first = from;
        IntStream.range(from, to)
            .parallel()
            .forEach(i -> inputs[i - first] = tensor(decoder, preprocessor, items.get(i)));
        float[][] features = tower.encodeFloats(replaceFailed(inputs, side));
        ByteBuffer bytes =
            ByteBuffer.allocate(features.length * dimension * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < features.length; i++) {
          rows[from + i] = inputs[i] == null ? new float[dimension] : features[i];
          bytes.asFloatBuffer().position(i * dimension).put(rows[from + i]);
        }
        out.write(bytes);
        if ((to / BATCH) % 50 == 0 || to == items.size()) {
          double secs = (System.nanoTime() - started) / 1e9;
          progress.accept(
              String.format(
                  "backbone features: %d/%d images, %.1f images/s",
                  to, items.size(), (to - done) / Math.max(secs, 1e-9)));
        }
      }
    }
    return new BackboneFeatures(rows);
  }

  private static float[] tensor(
      ImageDecoder decoder, ClipPreprocessor preprocessor, TrainingSet.Item item) {
    try {
      return preprocessor.toTensor(decoder.decode(ImageSource.of(item.path())));
    } catch (ImageDecodeException e) {
      return null; // a zero row, left out of training
    }
  }

  private static float[][] replaceFailed(float[][] inputs, int side) {
    float[][] out = inputs.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        out[i] = new float[3 * side * side];
      }
    }
    return out;
  }

  /** Reads the rows present into {@code rows}; returns how many (0 for a missing or stale file). */
  private static int read(Path file, long key, int dimension, float[][] rows) throws IOException {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
      if (in.readInt() != MAGIC || in.readLong() != key || in.readInt() != dimension) {
        return 0;
      }
      byte[] row = new byte[dimension * Float.BYTES];
      int n = 0;
      while (n < rows.length && in.readNBytes(row, 0, row.length) == row.length) {
        rows[n] = new float[dimension];
        ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(rows[n]);
        n++;
      }
      truncate(file, 16L + (long) n * row.length);
      return n;
    }
  }

  /** Drops a partly written last row, so appending continues on a row boundary. */
  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > size) {
        ch.truncate(size);
      }
    }
  }

  private static long key(List<TrainingSet.Item> items, Path backbone, ClipPreprocessor p)
      throws IOException {
    long h = 1125899906842597L;
    for (TrainingSet.Item item : items) {
      h = 31 * h + item.path().toString().hashCode();
      h = 31 * h + item.label();
    }
    h = 31 * h + Files.size(backbone);
    return 31 * h + p.config().hashCode();
  }
}
