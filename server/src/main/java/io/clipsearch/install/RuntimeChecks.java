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
 * fast vector search), ONNX Runtime and OpenCV (always required), PyTorch (required only by a
 * TorchScript-only model and {@code --engine pytorch}; not by the bundled model or an ONNX CLIP
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
   * PyTorch through DJL: optional. Only TorchScript models and {@code --engine pytorch} need it;
   * installed releases carry it in a package of its own, {@code clipsearch-pytorch}.
   *
   * @param required whether the configured model needs it (a TorchScript-only folder); if not, a
   *     PyTorch that does not load is information, not a warning
   */
  static CheckResult pyTorch(boolean required) {
    try {
      return CheckResult.ok(
          "pytorch", "loads, version " + Engine.getEngine("PyTorch").getVersion());
    } catch (RuntimeException | LinkageError e) {
      if (required) {
        return CheckResult.fail(
            "pytorch",
            "does not load, and the configured model is TorchScript only: "
                + PYTORCH_INSTALL
                + " ("
                + reason(e)
                + ")");
      }
      return CheckResult.info(
          "pytorch", "not installed: only TorchScript models need it; " + PYTORCH_INSTALL);
    }
  }

  /** How a release gets PyTorch (docs/RELEASE.md). */
  static final String PYTORCH_INSTALL =
      "install the clipsearch-pytorch package (apt install clipsearch-pytorch, or unpack"
          + " clipsearch-pytorch-<version>-linux-x86_64.tar.gz over this installation)";

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
