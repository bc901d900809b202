package io.clipsearch.faces;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxProtos;
import io.clipsearch.model.tfjs.TfjsWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Converts face-api's published tfjs weights ({@code model/*-weights_manifest.json} and {@code
 * *.bin} in the npm package {@code @vladmandic/face-api}) into the three ONNX files {@link
 * FaceModels} loads. A development-time tool ({@code clipsearch faces --convert-tfjs DIR}); the
 * architectures are rebuilt from the package's own source ({@link SsdMobilenetGraph}, {@link
 * LandmarkGraph}, {@link RecognitionGraph}), the weights kept as published (uint8-quantized ones
 * stay uint8, dequantized in the graph). Written in Java, not Node, to reuse clipsearch's ONNX
 * messages ({@code onnx_graph.proto}) and to check the result on the ONNX Runtime that runs it.
 * Stateless.
 */
public final class TfjsFaceExport {

  private TfjsFaceExport() {}

  /**
   * Writes the three nets into {@code out}, each file replaced atomically.
   *
   * @param tfjsModels the package's {@code model} folder
   * @return the written files
   * @throws IOException if a manifest or shard is missing or unreadable, or a file cannot be
   *     written
   */
  public static List<Path> convert(Path tfjsModels, Path out) throws IOException {
    Files.createDirectories(out);
    String source = "npm @vladmandic/face-api " + packageVersion(tfjsModels);
    List<Path> written = new ArrayList<>();
    written.add(
        write(
            tfjsModels,
            "ssd_mobilenetv1_model",
            SsdMobilenetGraph::build,
            source,
            out.resolve(FaceModels.DETECTOR_FILE)));
    written.add(
        write(
            tfjsModels,
            "face_landmark_68_model",
            LandmarkGraph::build,
            source,
            out.resolve(FaceModels.LANDMARKS_FILE)));
    written.add(
        write(
            tfjsModels,
            "face_recognition_model",
            RecognitionGraph::build,
            source,
            out.resolve(FaceModels.DESCRIPTOR_FILE)));
    return written;
  }

  private static Path write(
      Path tfjsModels,
      String name,
      BiFunction<TfjsWeights, String, ModelProto> graph,
      String source,
      Path file)
      throws IOException {
    ModelProto model = graph.apply(TfjsWeights.read(tfjsModels, name), source + " model/" + name);
    return OnnxProtos.write(model, file);
  }

  /** The npm package's version, from the {@code package.json} beside its {@code model} folder. */
  private static String packageVersion(Path tfjsModels) throws IOException {
    Path manifest = tfjsModels.toAbsolutePath().getParent().resolve("package.json");
    return Files.exists(manifest)
        ? new ObjectMapper().readTree(manifest.toFile()).path("version").asText("unknown")
        : "unknown";
  }
}
