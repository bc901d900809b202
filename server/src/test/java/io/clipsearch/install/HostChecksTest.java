package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.install.CheckResult.Outcome;
import org.junit.jupiter.api.Test;

class HostChecksTest {

  @Test
  void readsVectorFeaturesFromTheFlagsLine() {
    CheckResult r =
        HostChecks.cpu("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 avx512f avx512_vnni\n");
    assertEquals(Outcome.OK, r.outcome());
    assertEquals("AVX2 yes, AVX-512 yes, VNNI yes (fast int8 inference)", r.detail());
  }

  @Test
  void warnsWithoutAvx2() {
    CheckResult r = HostChecks.cpu("flags\t\t: fpu sse2 avx\n");
    assertEquals(Outcome.WARN, r.outcome());
    assertTrue(r.detail().startsWith("AVX2 no, AVX-512 no, VNNI no"), r.detail());
  }

  @Test
  void unknownCpuIsInformationOnly() {
    assertEquals(Outcome.INFO, HostChecks.cpu("").outcome());
  }

  @Test
  void warnsWhenLittleMemoryIsAvailable() {
    String meminfo = "MemTotal:        4000000 kB\nMemFree:  10 kB\nMemAvailable:     1000000 kB\n";
    CheckResult r = HostChecks.memory(meminfo, 512L << 20);
    assertEquals(Outcome.WARN, r.outcome());
    assertTrue(
        r.detail().startsWith("3906 MiB total, 976 MiB available; Java heap up to 512 MiB"),
        r.detail());
    assertEquals(
        Outcome.OK,
        HostChecks.memory("MemTotal: 32000000 kB\nMemAvailable: 30000000 kB\n", 1).outcome());
  }
}
