package io.clipsearch.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of one tfjs model: its {@code NAME-weights_manifest.json} (face-api's layout) or the
 * manifest in its {@code model.json} (tfjs's converter's), and the {@code .bin} shards it lists,
 * read into {@link Weight}s by name. Values stay as stored: uint8-quantized weights keep their
 * bytes, scale and minimum (tfjs dequantizes them as {@code q * scale + min} in double precision,
 * rounded to float32), float32 weights their floats. Immutable once read.
 */
public final class TfjsWeights {

  /**
   * One weight: a shape (tfjs order, e.g. {@code [kh, kw, in, out]} for a convolution) and either
   * uint8 codes with their {@code scale} and {@code min}, or float values.
   */
  public record Weight(
      String name, int[] shape, byte[] quantized, double scale, double min, float[] floats) {

    public boolean isQuantized() {
      return quantized != null;
    }

    public int size() {
      return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Weight w
          && name.equals(w.name)
          && Arrays.equals(shape, w.shape)
          && Arrays.equals(quantized, w.quantized)
          && scale == w.scale
          && min == w.min
          && Arrays.equals(floats, w.floats);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return "Weight[" + name + " " + Arrays.toString(shape) + (isQuantized() ? " uint8]" : "]");
    }
  }

  /** The file of a tfjs model folder that holds its topology and weight manifest. */
  public static final String MODEL_FILE = "model.json";

  private final Map<String, Weight> weights;

  private TfjsWeights(Map<String, Weight> weights) {
    this.weights = weights;
  }

  /**
   * Reads {@code folder/<model>-weights_manifest.json} and its shards.
   *
   * @throws IOException if a file is missing or shorter than the manifest says, or a weight has a
   *     type other than float32 stored as float32 or uint8
   */
  public static TfjsWeights read(Path folder, String model) throws IOException {
    return read(
        folder,
        new ObjectMapper().readTree(folder.resolve(model + "-weights_manifest.json").toFile()));
  }

  /**
   * Reads the weights that a tfjs model folder's {@code model.json}, parsed as {@code model}, lists
   * in its {@code weightsManifest}, from their shards in the folder.
   *
   * @throws IOException as {@link #read(Path, String)}, or if {@code model} has no manifest
   */
  public static TfjsWeights readModel(Path folder, JsonNode model) throws IOException {
    JsonNode manifest = model.path("weightsManifest");
    if (!manifest.isArray()) {
      throw new IOException(folder.resolve(MODEL_FILE) + " has no weightsManifest");
    }
    return read(folder, manifest);
  }

  private static TfjsWeights read(Path folder, JsonNode manifest) throws IOException {
    Map<String, Weight> weights = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteBuffer data = concatenate(folder, group.get("paths"));
      for (JsonNode spec : group.get("weights")) {
        Weight w = weight(spec, data);
        weights.put(w.name(), w);
      }
    }
    return new TfjsWeights(weights);
  }

  private static ByteBuffer concatenate(Path folder, JsonNode paths) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JsonNode p : paths) {
      out.write(Files.readAllBytes(folder.resolve(p.asText())));
    }
    return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Weight weight(JsonNode spec, ByteBuffer data) throws IOException {
    String name = spec.get("name").asText();
    int[] shape = new int[spec.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = spec.get("shape").get(i).asInt();
    }
    int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    JsonNode q = spec.get("quantization");
    String dtype = spec.get("dtype").asText();
    long bytes = (long) size * (q != null ? 1 : Float.BYTES);
    if (data.remaining() < bytes) {
      throw new IOException(
          name + ": the shards end " + (bytes - data.remaining()) + " bytes short");
    }
    if (q != null) {
      if (!q.get("dtype").asText().equals("uint8")) {
        throw new IOException(name + ": unsupported quantization " + q.get("dtype"));
      }
      // int32 weights (shape constants of the exported TF graph) are read too, never used
      byte[] codes = new byte[size];
      data.get(codes);
      return new Weight(
          name, shape, codes, q.get("scale").asDouble(), q.get("min").asDouble(), null);
    }
    if (!dtype.equals("float32")) {
      throw new IOException(name + ": unsupported dtype " + dtype);
    }
    float[] values = new float[size];
    data.asFloatBuffer().get(values);
    data.position(data.position() + size * Float.BYTES);
    return new Weight(name, shape, null, 0, 0, values);
  }

  /**
   * The weight called {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Weight get(String name) {
    Weight w = weights.get(name);
    if (w == null) {
      throw new IllegalArgumentException("no weight " + name);
    }
    return w;
  }
}
