package io.clipsearch.model.lit;

import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.StringStringEntryProto;
import io.clipsearch.model.onnx.OnnxProtos;
import io.clipsearch.model.tfjs.OnnxGraphWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the image tower of a LiT model as ONNX: the pretrained backbone of a tfjs graph model
 * ({@link TfjsGraphBackbone}, weights as published) and, once trained, the projection into the text
 * tower's space with the L2 normalization. Input {@value #INPUT} {@code [batch, 3, S, S]} (RGB in
 * 0..1; the backbone scales it itself), outputs {@value #FEATURES} {@code [batch, D]} (the
 * backbone's pooled features, what the parity test compares with tfjs and what training reads) and,
 * in the full tower, {@value #EMBEDDING} {@code [batch, E]}. Files are written under a temporary
 * name and moved into place. Stateless; a development-time tool.
 */
public final class LitTowerExport {

  static final String INPUT = "image";
  static final String FEATURES = "features";
  static final String EMBEDDING = "embedding";

  /** The graph model's node whose output is the feature vector (the pooled, squeezed values). */
  static final String FEATURE_NODE =
      "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/"
          + "StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze";

  /** Added to the norm before dividing, as the mini tower does: a zero vector stays finite. */
  private static final float NORM_EPSILON = 1e-6f;

  private LitTowerExport() {}

  /**
   * Writes the backbone alone: {@value #INPUT} to {@value #FEATURES}.
   *
   * @param tfjsModel a tfjs graph model folder ({@code model.json}, weight shards)
   * @param size the input's side in pixels
   * @param taps intermediate nodes (name suffixes) whose spatial means precede the features
   * @return the feature dimension
   * @throws IOException if the model cannot be read or converted, or {@code out} written
   */
  public static int backbone(Path tfjsModel, int size, List<String> taps, String source, Path out)
      throws IOException {
    OnnxGraphWriter onnx = new OnnxGraphWriter();
    TfjsGraphBackbone.Features f = backbone(onnx, tfjsModel, size, taps);
    onnx.batchOutput(FEATURES, f.value(), f.dimension());
    OnnxProtos.write(onnx.model("clipsearch-backbone", source), out);
    return f.dimension();
  }

  /**
   * Writes the whole tower: the backbone, the projection's layers (a ReLU between two) and the L2
   * normalization; outputs {@value #EMBEDDING} (first) and {@value #FEATURES}. {@code modelId} is
   * stored in the metadata under {@code key}.
   *
   * @throws IOException if the model cannot be read or converted, or {@code out} written
   * @throws IllegalArgumentException if the first layer does not take the backbone's features
   */
  public static void tower(
      Path tfjsModel,
      int size,
      List<String> taps,
      String source,
      List<ProjectionLayer> projection,
      String key,
      String modelId,
      Path out)
      throws IOException {
    OnnxGraphWriter onnx = new OnnxGraphWriter();
    TfjsGraphBackbone.Features f = backbone(onnx, tfjsModel, size, taps);
    if (projection.isEmpty() || projection.getFirst().in() != f.dimension()) {
      throw new IllegalArgumentException(
          "the projection must take the backbone's " + f.dimension() + " features");
    }
    String x = f.value();
    for (int i = 0; i < projection.size(); i++) {
      ProjectionLayer layer = projection.get(i);
      x =
          onnx.dense(
              i == 0 ? x : onnx.relu(x), layer.in(), layer.out(), layer.weight(), layer.bias());
    }
    onnx.batchOutput(EMBEDDING, onnx.l2Normalize(x, NORM_EPSILON), projection.getLast().out());
    onnx.batchOutput(FEATURES, f.value(), f.dimension());
    ModelProto model = onnx.model("clipsearch-lit-image-tower", source);
    OnnxProtos.write(
        model.toBuilder()
            .addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(modelId))
            .build(),
        out);
  }

  /** The input {@value #INPUT} and the backbone on it, up to its (tapped) features. */
  private static TfjsGraphBackbone.Features backbone(
      OnnxGraphWriter onnx, Path tfjsModel, int size, List<String> taps) throws IOException {
    String input = onnx.batchInput(INPUT, 3, size, size);
    return TfjsGraphBackbone.append(onnx, input, tfjsModel, FEATURE_NODE, taps);
  }
}
