package io.clipsearch.model.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file of a Hub repository as the tree API lists it.
 *
 * <p>For a Git LFS file the API publishes the content's SHA-256 ({@code lfs.oid}) and size ({@code
 * lfs.size}); for a small file kept in Git, only its size and Git blob id ({@code oid}, the SHA-1
 * of {@code "blob <size>\0" + content}). Exactly one of {@code sha256} and {@code gitBlobSha1} is
 * set.
 */
record HubFile(String path, long size, String sha256, String gitBlobSha1) {

  HubFile {
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + path + ": " + size);
    }
    if ((sha256 == null) == (gitBlobSha1 == null)) {
      throw new IllegalArgumentException(path + ": exactly one of sha256 and gitBlobSha1");
    }
  }

  /**
   * The files in one page of {@code /api/models/{repo}/tree/{revision}?recursive=true}; directories
   * are left out.
   *
   * @throws IllegalArgumentException if the JSON is not an array of tree entries
   */
  static List<HubFile> parseTree(JsonNode page) {
    if (!page.isArray()) {
      throw new IllegalArgumentException(
          "expected a JSON array of files, got " + page.getNodeType());
    }
    List<HubFile> files = new ArrayList<>();
    for (JsonNode entry : page) {
      if (!"file".equals(entry.path("type").asText())) {
        continue;
      }
      String path = text(entry, "path");
      JsonNode lfs = entry.get("lfs");
      if (lfs != null && lfs.isObject()) {
        files.add(new HubFile(path, number(lfs, "size"), text(lfs, "oid"), null));
      } else {
        files.add(new HubFile(path, number(entry, "size"), null, text(entry, "oid")));
      }
    }
    return files;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("tree entry without text '" + field + "': " + node);
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException("tree entry without number '" + field + "': " + node);
    }
    return value.asLong();
  }
}
