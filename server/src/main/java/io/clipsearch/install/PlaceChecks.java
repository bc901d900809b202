package io.clipsearch.install;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.faces.FaceModels;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.onnx.AnyLengthTextTower;
import io.clipsearch.people.FaceFinders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks of the places clipsearch uses: the model folder it would load, the data folder (writable,
 * free space) and the server's port. Nothing is left behind: the probe file is deleted, the socket
 * closed; a missing data folder is created, as the server would. Stateless.
 */
final class PlaceChecks {

  private static final long MIB = 1024 * 1024;

  /** Below this a collection's index and thumbnails soon fill the disk. */
  static final long LOW_SPACE_BYTES = 1024 * MIB;

  /** Below this not even the first collection fits. */
  static final long MIN_SPACE_BYTES = 100 * MIB;

  private PlaceChecks() {}

  /** Which model would be used: the configured folder, else the bundled one. */
  static CheckResult model(Path configured, Path home) {
    Path folder;
    try {
      folder = BundledModel.resolve(configured, home);
    } catch (IllegalStateException e) {
      return CheckResult.fail("model", e.getMessage());
    }
    if (!Files.isRegularFile(folder.resolve("config.json"))) {
      return CheckResult.fail("model", folder + " has no config.json: not a model folder");
    }
    String which =
        configured == null
            ? "the bundled mini model (weak; pull a CLIP model for real search)"
            : "the configured model";
    return CheckResult.ok("model", which + " in " + folder.toAbsolutePath().normalize());
  }

  /**
   * Whether index jobs can find faces: the three face nets in the installation's {@code
   * models/faces}. Missing is a warning, not a failure: photos are then indexed without faces.
   */
  static CheckResult faces(Path home) {
    Path folder = home.resolve(FaceModels.FOLDER);
    return FaceFinders.missing(folder)
        .map(
            file ->
                CheckResult.warn(
                    "faces",
                    folder.toAbsolutePath().normalize()
                        + " has no "
                        + file
                        + ": photos are indexed without faces (models/faces/README.md)"))
        .orElseGet(
            () ->
                CheckResult.ok(
                    "faces",
                    "face nets in "
                        + folder.toAbsolutePath().normalize()
                        + " (faces stay on this machine; clipsearch.faces.enabled=false or"
                        + " index --no-faces turns them off)"));
  }

  /**
   * How the model's ONNX text tower takes texts, from what its first load cached: cut after the end
   * token (rewritten and checked), or padded to the context length and why (the rewrite does not
   * apply, or failed its check against the original).
   */
  static CheckResult textTower(Path configured, Path home, Path data) {
    Path original;
    try {
      original = BundledModel.resolve(configured, home).resolve("textual").resolve("model.onnx");
    } catch (IllegalStateException e) {
      return CheckResult.info("text-tower", "no model");
    }
    if (!Files.isRegularFile(original)) {
      return CheckResult.info(
          "text-tower", "no ONNX text tower (texts padded to the context length)");
    }
    List<Path> caches =
        List.of(
            original.getParent(),
            CollectionLayout.textTowersDir(data),
            LoadOptions.defaults().effectiveCacheDir());
    try {
      Optional<AnyLengthTextTower.Prepared> status = AnyLengthTextTower.status(original, caches);
      if (status.isEmpty()) {
        return CheckResult.info(
            "text-tower",
            "not prepared yet: the first load rewrites it to take texts"
                + " cut after their end token and checks it against the original");
      }
      AnyLengthTextTower.Prepared p = status.get();
      return p.anyLength()
          ? CheckResult.ok(
              "text-tower", "texts cut after their end token (" + p.model() + "): " + p.detail())
          : CheckResult.info("text-tower", "texts padded to the context length: " + p.detail());
    } catch (IOException e) {
      return CheckResult.warn("text-tower", original + " is unreadable: " + e.getMessage());
    }
  }

  /** The data folder: created if missing, a file written and deleted, free space measured. */
  static CheckResult dataFolder(Path data) {
    try {
      Files.createDirectories(data);
      Files.delete(Files.createTempFile(data, ".doctor", ".tmp"));
      long usable = Files.getFileStore(data).getUsableSpace();
      String detail =
          data.toAbsolutePath().normalize() + " writable, " + usable / MIB + " MiB free";
      if (usable < MIN_SPACE_BYTES) {
        return CheckResult.fail(
            "data", detail + ": too little space for an index; free some or use --data");
      }
      return usable < LOW_SPACE_BYTES
          ? CheckResult.warn("data", detail + ": low; thumbnails take ~15 KB a photo")
          : CheckResult.ok("data", detail);
    } catch (IOException | SecurityException e) {
      return CheckResult.fail(
          "data",
          data
              + " is not writable ("
              + e.getMessage()
              + "): set CLIPSEARCH_DATA_DIR or --data to a folder you own");
    }
  }

  /** Whether the server could bind {@code host:port}. */
  static CheckResult port(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return CheckResult.ok("port", host + ":" + port + " is free");
    } catch (IOException e) {
      return CheckResult.fail(
          "port",
          host
              + ":"
              + port
              + " cannot be bound ("
              + e.getMessage()
              + "): another server runs there? use serve --port N");
    }
  }
}
