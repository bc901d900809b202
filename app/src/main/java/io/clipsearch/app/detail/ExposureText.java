package io.clipsearch.app.detail;

import io.clipsearch.api.types.ExposureInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exposure as photographers write it: "f/2.8 · 1/250 s · ISO 400 · 35 mm". Shutter times under a
 * second read as fractions, longer ones in seconds.
 */
public final class ExposureText {

  private ExposureText() {}

  /** The line, or null when nothing is known. */
  public static String of(ExposureInfo e) {
    if (e == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (e.fNumber() != null) {
      parts.add("f/" + trim(e.fNumber()));
    }
    if (e.exposureSeconds() != null && e.exposureSeconds() > 0) {
      double t = e.exposureSeconds();
      parts.add(t < 1 ? "1/" + Math.round(1 / t) + " s" : trim(t) + " s");
    }
    if (e.iso() != null) {
      parts.add("ISO " + e.iso());
    }
    if (e.focalLengthMm() != null) {
      parts.add(trim(e.focalLengthMm()) + " mm");
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
