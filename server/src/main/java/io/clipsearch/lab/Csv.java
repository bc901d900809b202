package io.clipsearch.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values: quoted fields may hold commas, doubled quotes and line breaks.
 * Reading for {@link CaptionDataset}, quoting for the CSV export.
 */
final class Csv {

  private Csv() {}

  /** The rows of a CSV text; blank lines are skipped. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, row, field, fieldStarted);
        row = new ArrayList<>();
        fieldStarted = false;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
    }
    endRow(rows, row, field, fieldStarted);
    return rows;
  }

  private static void endRow(
      List<List<String>> rows, List<String> row, StringBuilder field, boolean started) {
    if (started || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(List.copyOf(row));
    }
    field.setLength(0);
  }

  /** A field quoted if it needs to be. */
  static String quote(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
