package io.clipsearch.browse;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A collection's photos without a query, newest first (date taken, else modified; ties by path):
 * what a photographer sees before typing anything. One pass over the index keeps only the light
 * fields of each photo (no vectors), so a page of a 100,000-photo collection costs a few MB.
 */
public final class PhotoBrowser {

  private PhotoBrowser() {}

  /** One photo of the listing. */
  public record Photo(String id, Path path, long size, int width, int height, Instant date) {}

  /** A page of the listing and the collection's total. */
  public record Page(List<Photo> photos, int total) {}

  /**
   * @param offset photos to skip
   * @param limit photos to return
   */
  public static Page newest(ImageIndex index, int offset, int limit) throws IOException {
    return newest(index, d -> true, offset, limit);
  }

  /**
   * The photos that {@code keep} accepts, newest first (a place on the map: those taken there).
   *
   * @param offset photos to skip
   * @param limit photos to return
   */
  public static Page newest(ImageIndex index, Predicate<ImageDoc> keep, int offset, int limit) throws IOException {
    List<Photo> all = new ArrayList<>();
    index.forEach(d -> {
      if (keep.test(d)) {
        all.add(photo(d));
      }
    });
    all.sort(Comparator.comparing(Photo::date).reversed().thenComparing(Photo::path));
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page(List.copyOf(all.subList(from, to)), all.size());
  }

  /**
   * The collection's cameras as people write them ("Canon EOS R5", the make not repeated), one per
   * camera the filter tells apart (it matches case-insensitively), sorted by name.
   */
  public static List<String> cameras(ImageIndex index) throws IOException {
    Map<String, String> byKey = new TreeMap<>();
    index.forEach(d -> d.camera().ifPresent(key -> byKey.putIfAbsent(key, display(d))));
    return byKey.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }

  private static String display(ImageDoc d) {
    String make = d.metadata().cameraMake().map(String::strip).orElse("");
    String model = d.metadata().cameraModel().map(String::strip).orElse("");
    if (!make.isEmpty() && model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) {
      make = "";
    }
    return (make + " " + model).strip();
  }

  private static Photo photo(ImageDoc d) {
    return new Photo(d.id(), d.path(), d.size(), d.width(), d.height(), Instant.ofEpochMilli(d.dateMillis()));
  }
}
