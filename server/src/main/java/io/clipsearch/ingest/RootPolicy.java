package io.clipsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Which folders may be a collection's root: an existing folder, not the file system root, not a
 * system or pseudo-file-system folder ({@code /proc}, {@code /sys}, {@code /dev}, {@code /etc},
 * {@code /run}, {@code /boot}, {@code /usr}, {@code /var/log}, or any folder on a
 * proc/sysfs/devtmpfs/cgroup-like file system), not {@code /tmp}, {@code /var}, {@code /root} or
 * {@code /home} themselves (folders below them may be roots), and neither containing nor inside the
 * data folder (its thumbnails would be indexed again on each run). Stateless.
 */
public final class RootPolicy {

  private static final List<Path> SYSTEM_FOLDERS =
      List.of(
          Path.of("/proc"),
          Path.of("/sys"),
          Path.of("/dev"),
          Path.of("/etc"),
          Path.of("/run"),
          Path.of("/boot"),
          Path.of("/usr"),
          Path.of("/var/log"));

  /** Refused themselves, not their subfolders: a folder of photos may lie below them. */
  private static final List<Path> WHOLE_AREAS =
      List.of(Path.of("/tmp"), Path.of("/var"), Path.of("/root"), Path.of("/home"));

  private static final Set<String> PSEUDO_FILE_SYSTEMS =
      Set.of(
          "proc",
          "sysfs",
          "devtmpfs",
          "devpts",
          "cgroup",
          "cgroup2",
          "debugfs",
          "tracefs",
          "securityfs",
          "pstore",
          "bpf",
          "configfs",
          "fusectl",
          "mqueue",
          "hugetlbfs",
          "binfmt_misc",
          "autofs",
          "efivarfs");

  private RootPolicy() {}

  /**
   * @param dataDir the data folder the index lives in
   * @return the root, absolute and normalized
   * @throws IllegalArgumentException saying why the folder cannot be a root
   */
  public static Path check(Path root, Path dataDir) {
    Path path = root.toAbsolutePath().normalize();
    if (Files.isRegularFile(path)) {
      throw new IllegalArgumentException(path + " is a file: give the folder that holds it");
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("folder not found: " + path);
    }
    try {
      Path real = path.toRealPath();
      if (real.getParent() == null) {
        throw new IllegalArgumentException(
            path + " is the file system root: give a folder of photos");
      }
      if (WHOLE_AREAS.contains(real)) {
        throw new IllegalArgumentException(
            path
                + " holds far more than photos (other users' or the"
                + " system's files): give a folder of photos inside it");
      }
      if (SYSTEM_FOLDERS.stream().anyMatch(real::startsWith)
          || PSEUDO_FILE_SYSTEMS.contains(Files.getFileStore(real).type())) {
        throw new IllegalArgumentException(path + " is a system folder, not a folder of photos");
      }
      Path data = realOrAbsolute(dataDir);
      if (data.startsWith(real) || real.startsWith(data)) {
        throw new IllegalArgumentException(
            path
                + " contains or lies inside the data folder "
                + data
                + ": its thumbnails would be indexed as photos");
      }
      return path;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read folder " + path + ": " + e.getMessage());
    }
  }

  private static Path realOrAbsolute(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    return Files.exists(absolute) ? absolute.toRealPath() : absolute;
  }
}
