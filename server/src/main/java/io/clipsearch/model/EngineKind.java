package io.clipsearch.model;

import java.util.Locale;

/** The inference engines a model folder can be run on, and the file each one loads. */
public enum EngineKind {
  /** ONNX Runtime, loading {@code model.onnx}. */
  ONNX("model.onnx", "OnnxRuntime"),
  /** PyTorch (libtorch), loading the TorchScript file {@code model.pt}. */
  PYTORCH("model.pt", "PyTorch");

  private final String fileName;
  private final String djlEngineName;

  EngineKind(String fileName, String djlEngineName) {
    this.fileName = fileName;
    this.djlEngineName = djlEngineName;
  }

  /** The model file this engine loads inside {@code visual/} and {@code textual/}. */
  public String fileName() {
    return fileName;
  }

  /** DJL's name for the engine. */
  String djlEngineName() {
    return djlEngineName;
  }

  /**
   * Parses {@code onnx} or {@code pytorch} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static EngineKind parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "onnx", "onnxruntime" -> ONNX;
      case "pytorch", "torchscript", "torch" -> PYTORCH;
      default ->
          throw new IllegalArgumentException("unknown engine '" + name + "': use onnx or pytorch");
    };
  }
}
