package io.clipsearch.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One query of a relevance set and what answers it: label folder names (or labels of a labels
 * file), file names (with or without extension) or content ids, compared case-insensitively.
 *
 * @param query the query text as a person types it
 * @param relevant the relevance keys, lower case, at least one
 */
public record JudgedQuery(String query, Set<String> relevant) {

  /**
   * @throws IllegalArgumentException if the query is blank or nothing is relevant
   */
  public JudgedQuery {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("a judged query needs query text");
    }
    if (relevant == null || relevant.isEmpty()) {
      throw new IllegalArgumentException("query '" + query + "' lists nothing relevant");
    }
    relevant = Set.copyOf(relevant);
  }

  /**
   * Reads a queries file: one query a line, {@code query<TAB>key[,key…]} (more tab-separated
   * columns add keys); blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line if one has no relevance key
   */
  public static List<JudgedQuery> read(Path file) throws IOException {
    List<JudgedQuery> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      Set<String> keys = new LinkedHashSet<>();
      for (int c = 1; c < columns.length; c++) {
        for (String key : columns[c].split(",")) {
          if (!key.isBlank()) {
            keys.add(key.strip().toLowerCase(Locale.ROOT));
          }
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": expected 'query<TAB>relevant label, file name or id', got '"
                + line
                + "'");
      }
      out.add(new JudgedQuery(columns[0].strip(), keys));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + " has no queries");
    }
    return out;
  }
}
