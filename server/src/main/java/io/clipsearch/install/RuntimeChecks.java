package io.clipsearch.install;

import ai.djl.engine.Engine;
import io.clipsearch.model.image.DecoderLibraries;
import io.clipsearch.model.image.OpenCvNatives;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Core;

/**
 * Checks that the Java runtime and the native libraries load here: the Vector API module (Lucene's
 * fast vector search), ONNX Runtime and OpenCV (always required), PyTorch (required by the bundled
 * mini model, whose image tower runs on it, and by {@code --engine pytorch}; not by an ONNX CLIP
 * model), and the decoders' libraries libheif (HEIC, AVIF) and LibRaw (camera RAW), which are
 * optional. Loading is the check, so each runs the real native code once. Stateless.
 */
final class RuntimeChecks {

  private RuntimeChecks() {}

  /** clipsearch's and Java's versions, and where Java runs from. */
  static CheckResult versions(String clipsearchVersion) {
    return CheckResult.info(
        "versions",
        clipsearchVersion
            + ", Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor", "?")
            + ", "
            + System.getProperty("java.home")
            + "), "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch"));
  }

  /** Whether {@code jdk.incubator.vector} is in the boot layer (the launchers add it). */
  static CheckResult vectorApi() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        ? CheckResult.ok(
            "vector-api", "jdk.incubator.vector loaded: Lucene uses SIMD for vector search")
        : CheckResult.warn(
            "vector-api",
            "jdk.incubator.vector missing: vector search runs scalar, several"
                + " times slower (start with --add-modules jdk.incubator.vector)");
  }

  /** ONNX Runtime through DJL: required, the default engine. */
  static CheckResult onnxRuntime() {
    try {
      return CheckResult.ok(
          "onnxruntime", "loads, version " + Engine.getEngine("OnnxRuntime").getVersion());
    } catch (RuntimeException | LinkageError e) {
      return CheckResult.fail("onnxruntime", "does not load: " + reason(e));
    }
  }

  /** OpenCV (image decoding): required. */
  static CheckResult openCv() {
    try {
      OpenCvNatives.load();
      return CheckResult.ok("opencv", "loads, version " + Core.VERSION);
    } catch (RuntimeException | LinkageError e) {
      return CheckResult.fail("opencv", "does not load: " + reason(e));
    }
  }

  /**
   * PyTorch through DJL.
   *
   * @param required whether the model to be used needs it (the bundled mini model does); if not, a
   *     PyTorch that does not load is a warning
   */
  static CheckResult pyTorch(boolean required) {
    try {
      return CheckResult.ok(
          "pytorch", "loads, version " + Engine.getEngine("PyTorch").getVersion());
    } catch (RuntimeException | LinkageError e) {
      String detail =
          "does not load (the bundled model and --engine pytorch need it): " + reason(e);
      return required ? CheckResult.fail("pytorch", detail) : CheckResult.warn("pytorch", detail);
    }
  }

  /**
   * A format decoder's native library (libheif, LibRaw): optional, since only its formats need it;
   * missing, the rest indexes and those photos are reported as skipped, so it is a warning.
   */
  static CheckResult decoderLibrary(DecoderLibraries.Library library) {
    String name = library.name().toLowerCase(Locale.ROOT);
    if (!library.present()) {
      return CheckResult.warn(
          name,
          "missing — " + library.formats() + " are skipped; apt install " + library.install());
    }
    return CheckResult.ok(
        name,
        "loads, version "
            + library.version().orElseThrow()
            + ": "
            + library.formats()
            + " are read");
  }

  /** The checks above. */
  static List<CheckResult> run(String clipsearchVersion, boolean pyTorchRequired) {
    List<CheckResult> results =
        new ArrayList<>(
            List.of(
                versions(clipsearchVersion),
                vectorApi(),
                onnxRuntime(),
                openCv(),
                pyTorch(pyTorchRequired)));
    DecoderLibraries.all().forEach(library -> results.add(decoderLibrary(library)));
    return List.copyOf(results);
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
