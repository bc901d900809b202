/**
 * The {@code clipsearch} command line (picocli). Commands parse options, call one core method and
 * print; errors people can fix become one line on stderr ({@link io.clipsearch.cli.ErrorReporter}).
 */
package io.clipsearch.cli;
