package io.clipsearch.install;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the machine from the text of {@code /proc/cpuinfo} and {@code /proc/meminfo}: the CPU's
 * vector instructions (what Lucene's vector search and ONNX Runtime use), cores and memory. Pure
 * functions of their inputs. Stateless.
 */
final class HostChecks {

  private static final Pattern FLAGS = Pattern.compile("(?m)^flags\\s*:\\s*(.*)$");
  private static final Pattern MEM = Pattern.compile("(?m)^%s:\\s*(\\d+) kB$");
  private static final long MIB = 1024 * 1024;

  /** Below this the bundled model and a small collection still run, larger models not. */
  static final long MIN_MEMORY_BYTES = 2048 * MIB;

  private HostChecks() {}

  /** AVX2, AVX-512 and VNNI from {@code /proc/cpuinfo}'s first {@code flags} line. */
  static CheckResult cpu(String cpuinfo) {
    Matcher m = FLAGS.matcher(cpuinfo);
    if (!m.find()) {
      return CheckResult.info(
          "cpu", "no flags in /proc/cpuinfo (not x86-64 Linux?): vector speed unknown");
    }
    Set<String> flags = Set.of(m.group(1).trim().split("\\s+"));
    boolean avx2 = flags.contains("avx2");
    boolean avx512 = flags.contains("avx512f");
    boolean vnni = flags.contains("avx512_vnni") || flags.contains("avx_vnni");
    String found = "AVX2 " + yesNo(avx2) + ", AVX-512 " + yesNo(avx512) + ", VNNI " + yesNo(vnni);
    if (!avx2) {
      return CheckResult.warn(
          "cpu", found + ": no AVX2, vector search and inference run several times slower");
    }
    return CheckResult.ok("cpu", found + (vnni ? " (fast int8 inference)" : ""));
  }

  /** Cores available to the JVM. */
  static CheckResult cores(int cores) {
    String detail = cores + (cores == 1 ? " core" : " cores");
    return cores < 2
        ? CheckResult.warn(
            "cores", detail + ": indexing and search share one core, expect slow indexing")
        : CheckResult.ok("cores", detail);
  }

  /** Total and available memory from {@code /proc/meminfo}, and the JVM's heap limit. */
  static CheckResult memory(String meminfo, long maxHeapBytes) {
    long total = kib(meminfo, "MemTotal");
    long available = kib(meminfo, "MemAvailable");
    String heap = "Java heap up to " + maxHeapBytes / MIB + " MiB";
    if (total < 0) {
      return CheckResult.info("memory", "no /proc/meminfo; " + heap);
    }
    String detail =
        total / MIB + " MiB total, " + Math.max(available, 0) / MIB + " MiB available; " + heap;
    return available >= 0 && available < MIN_MEMORY_BYTES
        ? CheckResult.warn(
            "memory",
            detail + ": under " + MIN_MEMORY_BYTES / MIB + " MiB free, large models may not load")
        : CheckResult.ok("memory", detail);
  }

  /** The checks above for this machine. */
  static List<CheckResult> run(String cpuinfo, String meminfo) {
    return List.of(
        cpu(cpuinfo),
        cores(Runtime.getRuntime().availableProcessors()),
        memory(meminfo, Runtime.getRuntime().maxMemory()));
  }

  private static long kib(String meminfo, String key) {
    Matcher m = Pattern.compile(String.format(Locale.ROOT, MEM.pattern(), key)).matcher(meminfo);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
