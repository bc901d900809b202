package io.clipsearch.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the lists of a JSON request body: JSON allows {@code null} anywhere, our services do not,
 * so a {@code null} list or element is a 400 naming the field instead of a failure deep inside.
 */
final class RequestLists {

  private RequestLists() {}

  /**
   * @return {@code list}
   * @throws IllegalArgumentException if the list is missing or holds a null
   */
  static <T> List<T> noNulls(String field, List<T> list) {
    if (list == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return noNullElements(field, list);
  }

  /**
   * @return {@code list}, which may be null (an optional field)
   * @throws IllegalArgumentException if the list holds a null
   */
  static <T> List<T> noNullElements(String field, List<T> list) {
    if (list != null && list.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(field + " must not contain null");
    }
    return list;
  }

  /**
   * @return {@code map}, which may be null (an optional field)
   * @throws IllegalArgumentException if a value is null or holds a null
   */
  static <T> Map<String, List<T>> noNullValues(String field, Map<String, List<T>> map) {
    if (map != null) {
      map.forEach((key, list) -> noNulls(field + "[" + key + "]", list));
    }
    return map;
  }
}
