package io.clipsearch.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human-readable class names for class folder ids, used to build prompts. Immutable.
 *
 * <p>Without a names file a folder's name is used with underscores as spaces ({@code
 * cassette_player} → "cassette player"). A names file ({@code classes.tsv}) has one class a line,
 * {@code id<TAB>name[<TAB>…]}; a name with commas (a WordNet synonym list) gives its first synonym,
 * and a first line whose id is {@code id} or {@code wnid} is a header.
 */
public final class ClassNames {

  private final Map<String, String> names;

  private ClassNames(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  /** Names from folder names. */
  public static ClassNames fromFolderNames() {
    return new ClassNames(Map.of());
  }

  /**
   * Reads a names file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if a line has no name, or an id repeats
   */
  public static ClassNames read(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      String id = fields[0].strip();
      if (i == 0 && (id.equalsIgnoreCase("id") || id.equalsIgnoreCase("wnid"))) {
        continue;
      }
      if (fields.length < 2 || fields[1].isBlank()) {
        throw new IllegalArgumentException(
            tsv + " line " + (i + 1) + ": expected id<TAB>name, got '" + line + "'");
      }
      String name = fields[1].split(",")[0].strip();
      if (names.put(id, name) != null) {
        throw new IllegalArgumentException(
            tsv + " line " + (i + 1) + ": class " + id + " is named twice");
      }
    }
    return new ClassNames(names);
  }

  /**
   * The name of a class folder.
   *
   * @throws IllegalArgumentException if a names file was given and lacks this id
   */
  public String nameOf(String folderName) {
    if (names.isEmpty()) {
      return folderName.replace('_', ' ').strip();
    }
    String name = names.get(folderName);
    if (name == null) {
      throw new IllegalArgumentException(
          "class folder " + folderName + " is not in the class names file");
    }
    return name;
  }
}
