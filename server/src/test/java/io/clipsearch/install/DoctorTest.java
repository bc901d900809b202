package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which models make PyTorch a blocking check in {@link Doctor}: only a TorchScript-only folder. The
 * bundled model (no model configured) runs on ONNX Runtime, so a release without the
 * clipsearch-pytorch package is ready.
 */
class DoctorTest {

  @TempDir Path tmp;

  @Test
  void onlyATorchScriptOnlyFolderNeedsPyTorch() throws IOException {
    assertFalse(Doctor.needsPyTorch(null), "the bundled model");
    Path both = folder("both", "model.onnx", "model.pt");
    Path onnx = folder("onnx", "model.onnx");
    Path torch = folder("torch", "model.pt");
    assertFalse(Doctor.needsPyTorch(both));
    assertFalse(Doctor.needsPyTorch(onnx));
    assertTrue(Doctor.needsPyTorch(torch));
    assertFalse(Doctor.needsPyTorch(tmp.resolve("missing")), "the model check reports it");
  }

  private Path folder(String name, String... visualFiles) throws IOException {
    Path visual = Files.createDirectories(tmp.resolve(name).resolve("visual"));
    for (String f : visualFiles) {
      Files.writeString(visual.resolve(f), "x");
    }
    return tmp.resolve(name);
  }
}
