package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.install.CheckResult.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceChecksTest {

  @TempDir Path tmp;

  @Test
  void busyPortFailsAndFreePortPasses() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(Status.FAIL, PlaceChecks.port("127.0.0.1", busy.getLocalPort()).status());
    }
    assertEquals(Status.OK, PlaceChecks.port("127.0.0.1", 0).status());
  }

  @Test
  void missingDataFolderIsCreatedAndLeftEmpty() throws IOException {
    Path data = tmp.resolve("a/b");
    assertEquals(Status.OK, PlaceChecks.dataFolder(data).status());
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
      assertEquals(writable ? Status.OK : Status.FAIL, PlaceChecks.dataFolder(data).status());
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void modelWithoutConfigFails() throws IOException {
    CheckResult r = PlaceChecks.model(Files.createDirectory(tmp.resolve("empty")), tmp);
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.detail().endsWith("has no config.json: not a model folder"), r.detail());
    assertEquals(Status.FAIL, PlaceChecks.model(null, tmp).status());
  }
}
