/**
 * What an installation is and whether it will run well here. Imports neither Micronaut nor picocli,
 * so the server, the command line and the desktop app all use it.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.install.ClipsearchFolders}: where clipsearch keeps its data, models
 *       and settings, for an installed program or a source checkout.
 *   <li>{@link io.clipsearch.install.Doctor}: the checks of {@code clipsearch doctor}, in the order
 *       they print; the runtime and native libraries ({@code RuntimeChecks}), the machine ({@code
 *       HostChecks}), the model, data folder and port ({@code PlaceChecks}).
 *   <li>{@link io.clipsearch.install.CheckResult}: one line of the report, with its {@link
 *       io.clipsearch.install.CheckResult.Outcome} (only {@code FAIL} blocks).
 * </ol>
 *
 * <p>Running the checks:
 *
 * <pre>{@code
 * List<CheckResult> results =
 *     new Doctor(ClipsearchFolders.current(), modelDir, "127.0.0.1", 8080).run(version);
 * results.forEach(r -> System.out.println(r.line()));
 * int exitCode = Doctor.blocked(results) ? 1 : 0;
 * }</pre>
 */
package io.clipsearch.install;
