package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.model.image.DecoderLibraries;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecoderLibraryCheckTest {

  @Test
  void aMissingDecoderLibraryIsAWarningThatSaysWhatIsSkippedAndWhatToInstall() {
    CheckResult missing =
        RuntimeChecks.decoderLibrary(
            new DecoderLibraries.Library(
                "libheif", "HEIC and AVIF photos", Optional.empty(), "libheif1"));
    assertEquals(CheckResult.Outcome.WARN, missing.outcome());
    assertEquals(
        "missing — HEIC and AVIF photos are skipped; apt install libheif1", missing.detail());
  }

  @Test
  void aPresentOneIsOkWithItsVersion() {
    CheckResult present =
        RuntimeChecks.decoderLibrary(
            new DecoderLibraries.Library(
                "LibRaw", "camera RAW photos", Optional.of("0.21.3"), "libraw23"));
    assertEquals(CheckResult.Outcome.OK, present.outcome());
    assertEquals("loads, version 0.21.3: camera RAW photos are read", present.detail());
  }
}
