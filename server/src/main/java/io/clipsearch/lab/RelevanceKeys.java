package io.clipsearch.lab;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys that make each indexed image relevant to a {@link JudgedQuery}: its file name, the name
 * without extension, its folder's name, its content id, and the labels a labels file gives its file
 * name (for collections whose names say nothing, such as camera-style {@code IMG_1000.jpg}). All
 * lower case. Immutable after construction.
 */
public final class RelevanceKeys {

  private final Map<Path, Set<String>> keys = new HashMap<>();

  private RelevanceKeys() {}

  /**
   * Collects the keys of every document of the index, in one session of its read side.
   *
   * @param labels file name → labels (empty: none)
   */
  public static RelevanceKeys of(SearchBackend backend, Map<String, List<String>> labels)
      throws IOException {
    RelevanceKeys out = new RelevanceKeys();
    try (SearchSession session = backend.session()) {
      session.forEach(doc -> out.keys.put(doc.path(), keysOf(doc, labels)));
    }
    return out;
  }

  /**
   * Reads a labels file: {@code file name<TAB>label[,label…]} a line.
   *
   * @throws IllegalArgumentException naming the line if one has no label
   */
  public static Map<String, List<String>> readLabels(Path file) throws IOException {
    Map<String, List<String>> out = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String[] columns = lines.get(i).split("\t");
      if (lines.get(i).isBlank()) {
        continue;
      }
      if (columns.length < 2) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": expected 'file name<TAB>labels'");
      }
      out.put(columns[0].strip().toLowerCase(Locale.ROOT), List.of(columns[1].split(",")));
    }
    return out;
  }

  /** Whether the image of this path answers the query. */
  public boolean relevant(Path path, JudgedQuery query) {
    Set<String> own = keys.getOrDefault(path, Set.of());
    for (String k : query.relevant()) {
      if (own.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** How many indexed images answer the query. */
  public int relevantCount(JudgedQuery query) {
    int n = 0;
    for (Path p : keys.keySet()) {
      n += relevant(p, query) ? 1 : 0;
    }
    return n;
  }

  /** Indexed images. */
  public int size() {
    return keys.size();
  }

  private static Set<String> keysOf(ImageDoc doc, Map<String, List<String>> labels) {
    Set<String> own = new HashSet<>();
    String name = doc.path().getFileName().toString().toLowerCase(Locale.ROOT);
    own.add(name);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      own.add(name.substring(0, dot));
    }
    Path parent = doc.path().getParent();
    if (parent != null && parent.getFileName() != null) {
      own.add(parent.getFileName().toString().toLowerCase(Locale.ROOT));
    }
    own.add(doc.id().toLowerCase(Locale.ROOT));
    labels.getOrDefault(name, List.of()).forEach(l -> own.add(l.strip().toLowerCase(Locale.ROOT)));
    return own;
  }
}
