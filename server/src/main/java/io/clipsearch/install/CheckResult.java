package io.clipsearch.install;

import java.util.Objects;

/**
 * One line of {@code clipsearch doctor}: what was checked, how it came out, and what was found.
 *
 * @param name what was checked ("cpu", "onnxruntime", …)
 * @param outcome how it came out; only {@link Outcome#FAIL} blocks clipsearch from running
 * @param detail what was found, and for a warning or failure what to do about it
 */
public record CheckResult(String name, Outcome outcome, String detail) {

  /** How a check came out, from fine to blocking. */
  public enum Outcome {
    /** Fine. */
    OK,
    /** Informational: neither good nor bad (an optional part absent, a version). */
    INFO,
    /** Works, but slower or riskier than it could be. */
    WARN,
    /** Blocks clipsearch from running as configured. */
    FAIL
  }

  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Outcome.OK, detail);
  }

  static CheckResult info(String name, String detail) {
    return new CheckResult(name, Outcome.INFO, detail);
  }

  static CheckResult warn(String name, String detail) {
    return new CheckResult(name, Outcome.WARN, detail);
  }

  static CheckResult fail(String name, String detail) {
    return new CheckResult(name, Outcome.FAIL, detail);
  }

  /** The line {@code doctor} prints: outcome, name, detail. */
  public String line() {
    return String.format("%-4s %-12s %s", outcome, name, detail);
  }
}
