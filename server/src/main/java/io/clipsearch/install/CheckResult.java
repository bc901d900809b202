package io.clipsearch.install;

import java.util.Objects;

/**
 * One line of {@code clipsearch doctor}: what was checked, how it came out, and what was found.
 *
 * @param name what was checked ("cpu", "onnxruntime", …)
 * @param status how it came out; only {@link Status#FAIL} blocks clipsearch from running
 * @param detail what was found, and for a warning or failure what to do about it
 */
public record CheckResult(String name, Status status, String detail) {

  /** How a check came out. */
  public enum Status {
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
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Status.OK, detail);
  }

  static CheckResult info(String name, String detail) {
    return new CheckResult(name, Status.INFO, detail);
  }

  static CheckResult warn(String name, String detail) {
    return new CheckResult(name, Status.WARN, detail);
  }

  static CheckResult fail(String name, String detail) {
    return new CheckResult(name, Status.FAIL, detail);
  }

  /** The line {@code doctor} prints: status, name, detail. */
  public String line() {
    return String.format("%-4s %-12s %s", status, name, detail);
  }
}
