package io.clipsearch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a command's inputs one per line, from a file or, given {@code -}, standard input. */
final class InputLines {

  private InputLines() {}

  static List<String> read(Path file) throws IOException {
    if (file.toString().equals("-")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return in.lines().toList();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
