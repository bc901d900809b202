package io.clipsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from {@code /proc/self/status} (Linux); -1 elsewhere. */
public final class ProcessMemory {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Current resident set size in bytes. */
  public static long residentBytes() {
    return statusKb("VmRSS:") * 1024;
  }

  /** Peak resident set size in bytes. */
  public static long peakResidentBytes() {
    return statusKb("VmHWM:") * 1024;
  }

  private static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
