package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.install.CheckResult.Outcome;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceChecksTest {

  @TempDir Path tmp;

  @Test
  void busyPortFailsAndFreePortPasses() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(Outcome.FAIL, PlaceChecks.port("127.0.0.1", busy.getLocalPort()).outcome());
    }
    assertEquals(Outcome.OK, PlaceChecks.port("127.0.0.1", 0).outcome());
  }

  @Test
  void theTextTowerLineSaysWhatTheFirstLoadDecided() throws IOException {
    Path model = tmp.resolve("tiny-clip");
    Path fixture = SharedFixtures.tinyClip();
    for (String file :
        List.of(
            "config.json",
            "visual/preprocess_cfg.json",
            "visual/model.onnx",
            "textual/model.onnx",
            "textual/vocab.json",
            "textual/merges.txt")) {
      Files.createDirectories(model.resolve(file).getParent());
      Files.copy(fixture.resolve(file), model.resolve(file));
    }
    Path data = tmp.resolve("data");
    CheckResult before = PlaceChecks.textTower(model, tmp, data);
    assertEquals(Outcome.INFO, before.outcome());
    assertTrue(before.detail().startsWith("not prepared yet"), before.detail());

    try (ClipModel loaded =
        ClipModels.load(model, LoadOptions.defaults().withEngine(EngineKind.ONNX))) {
      assertEquals(-1, loaded.info().textInput().shape()[1]);
    }

    CheckResult after = PlaceChecks.textTower(model, tmp, data);
    assertEquals(Outcome.OK, after.outcome(), after.detail());
    assertTrue(
        after.detail().startsWith("texts cut after their end token (" + model.resolve("textual")),
        after.detail());
    assertTrue(after.detail().contains("max abs difference 0.0"), after.detail());
  }

  @Test
  void theFacesLineWarnsWithoutTheNetsAndNamesTheSettingWithThem() {
    CheckResult missing = PlaceChecks.faces(tmp);
    assertEquals(Outcome.WARN, missing.outcome());
    assertTrue(missing.detail().contains("ssd_mobilenetv1.onnx"), missing.detail());
    CheckResult there = PlaceChecks.faces(Path.of(".."));
    assertEquals(Outcome.OK, there.outcome(), there.detail());
    assertTrue(there.detail().contains("clipsearch.faces.enabled"), there.detail());
  }

  @Test
  void missingDataFolderIsCreatedAndLeftEmpty() throws IOException {
    Path data = tmp.resolve("a/b");
    assertEquals(Outcome.OK, PlaceChecks.dataFolder(data).outcome());
    try (var files = Files.list(data)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void readOnlyDataFolderFails() throws IOException {
    Path data = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root may write anyway: the check must then agree with reality, not with the mode bits
      boolean writable = Files.isWritable(data);
      assertEquals(writable ? Outcome.OK : Outcome.FAIL, PlaceChecks.dataFolder(data).outcome());
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void modelWithoutConfigFails() throws IOException {
    CheckResult r = PlaceChecks.model(Files.createDirectory(tmp.resolve("empty")), tmp);
    assertEquals(Outcome.FAIL, r.outcome());
    assertTrue(r.detail().endsWith("has no config.json: not a model folder"), r.detail());
    assertEquals(Outcome.FAIL, PlaceChecks.model(null, tmp).outcome());
  }
}
