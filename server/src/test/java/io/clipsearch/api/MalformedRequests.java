package io.clipsearch.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed requests to every endpoint, reproducibly from a seed: odd and overflowing
 * parameter values, bad percent-encoding, mutated and truncated JSON bodies, nulls and wrong types
 * in fields, random bytes as images, with and without the token.
 */
final class MalformedRequests {

  /** One generated request. */
  record Request(
      String method, String target, String contentType, byte[] body, boolean authorized) {
    @Override
    public String toString() {
      String text =
          body == null
              ? ""
              : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return method
          + " "
          + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
          + " "
          + text;
    }
  }

  private record Endpoint(String method, String path, List<String> params, String validBody) {}

  private static final List<String> NAMES =
      List.of(
          "photos",
          "nope",
          "..",
          "%2e%2e",
          "a%00b",
          "%zz",
          "x".repeat(300),
          "%E7%8C%AB",
          "photos%2F..%2F..",
          " ",
          "%20");
  private static final List<String> IDS =
      List.of(
          "0",
          "..%2F..%2Fetc%2Fpasswd",
          "%zz",
          "f".repeat(64),
          "x".repeat(5000),
          "%00",
          "-1",
          "null");
  private static final List<String> VALUES =
      List.of(
          "",
          "-1",
          "0",
          "1",
          "2147483647",
          "-2147483648",
          "99999999999999999999",
          "1.5",
          "NaN",
          "Infinity",
          "-Infinity",
          "abc",
          "%zz",
          "%00",
          "%F0%9F%98%80",
          "a".repeat(3000),
          "true",
          "null",
          "1e309",
          "%2B999999999-12-31T00:00:00Z",
          "-999999999-01-01",
          "2024-13-45",
          "0,0,1,1",
          "1,1,0,0",
          "NaN,0,1,1",
          "0,0,1",
          "/",
          "..%2F..",
          "like:",
          "like:%zz",
          "-%22",
          "2:%22a",
          "%22%22",
          "%2B",
          "-",
          "umap",
          "pca",
          "date_desc",
          "landscape",
          "%5B%5D");
  private static final List<String> JSON_VALUES =
      List.of(
          "null",
          "1.5",
          "-1",
          "0",
          "1e400",
          "2147483648",
          "\"x\"",
          "\"\"",
          "[]",
          "{}",
          "[null]",
          "[1]",
          "true",
          "\"" + "y".repeat(5000) + "\"",
          "[".repeat(200) + "]".repeat(200),
          "[\"a\",null]",
          "-0",
          "\"\\u0000\"",
          "\"like:\"");
  private static final List<String> SEARCH_PARAMS =
      List.of(
          "q",
          "collection",
          "from",
          "to",
          "folder",
          "camera",
          "shape",
          "minSize",
          "sort",
          "offset",
          "limit",
          "hybrid",
          "minScore",
          "cutoff",
          "minRating",
          "label",
          "rejected");

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/api/search", SEARCH_PARAMS, null),
          new Endpoint(
              "POST",
              "/api/search",
              List.of(),
              "{\"q\":\"cat\",\"collection\":\"photos\",\"offset\":0,\"limit\":5,\"from\":\"2020-01-01\",\"sort\":\"relevance\",\"minScore\":0.2,"
                  + "\"minRating\":4,\"label\":\"red\",\"rejected\":true}"),
          new Endpoint("POST", "/api/search/image", SEARCH_PARAMS, ""),
          new Endpoint("GET", "/api/images/{id}", List.of("collection"), null),
          new Endpoint("GET", "/api/images/{id}/thumbnail", List.of("collection"), null),
          new Endpoint("GET", "/api/images/{id}/info", List.of("collection"), null),
          new Endpoint("GET", "/api/collections", List.of(), null),
          new Endpoint("GET", "/api/collections/{name}", List.of(), null),
          new Endpoint(
              "POST",
              "/api/collections",
              List.of(),
              "{\"name\":\"fuzz\",\"roots\":[\"/nonexistent\"],\"vectorFormat\":\"int8\"}"),
          new Endpoint("DELETE", "/api/collections/{name}/roots", List.of("path"), null),
          new Endpoint("POST", "/api/collections/{name}/jobs", List.of(), ""),
          new Endpoint("POST", "/api/collections/{name}/tags", List.of(), ""),
          new Endpoint("GET", "/api/jobs", List.of(), null),
          new Endpoint("GET", "/api/jobs/{id}", List.of(), null),
          new Endpoint("GET", "/api/jobs/{id}/events", List.of(), null),
          new Endpoint("GET", "/api/jobs/{id}/report", List.of(), null),
          new Endpoint("DELETE", "/api/jobs/{id}", List.of(), null),
          new Endpoint("GET", "/api/collections/{name}/clusters", List.of("k"), null),
          new Endpoint("POST", "/api/collections/{name}/clusters", List.of("k"), ""),
          new Endpoint(
              "GET", "/api/collections/{name}/map", List.of("bbox", "limit", "method"), null),
          new Endpoint("GET", "/api/collections/{name}/duplicates", List.of("threshold"), null),
          new Endpoint("GET", "/api/model", List.of(), null),
          new Endpoint(
              "POST", "/api/embed/text", List.of(), "{\"texts\":[\"a photo of a cat\",\"a dog\"]}"),
          new Endpoint("POST", "/api/embed/image", List.of("name"), ""),
          new Endpoint(
              "POST",
              "/api/lab/matrix",
              List.of(),
              "{\"collection\":\"photos\",\"imageIds\":[\"abc\"],\"texts\":[\"a dog\"],\"logitScale\":100}"),
          new Endpoint(
              "POST",
              "/api/lab/zeroshot",
              List.of(),
              "{\"collection\":\"photos\",\"imageIds\":[\"abc\"],\"labels\":[\"cat\",\"dog\"],\"templates\":[\"a photo of a {}.\"],\"logitScale\":100}"),
          new Endpoint("GET", "/health", List.of(), null),
          new Endpoint("GET", "/api/nothing-here", List.of("x"), null));

  private final Random random;

  MalformedRequests(long seed) {
    this.random = new Random(seed);
  }

  /** The endpoints covered (method and path), for the test's message. */
  static int endpointCount() {
    return ENDPOINTS.size();
  }

  /** The {@code i}-th request: endpoints in turn, each with a fresh malformation. */
  Request next(int i) {
    Endpoint e = ENDPOINTS.get(i % ENDPOINTS.size());
    String path = e.path().replace("{name}", pick(NAMES)).replace("{id}", pick(IDS));
    StringBuilder target = new StringBuilder(path);
    if (!e.params().isEmpty()) {
      int count = 1 + random.nextInt(4);
      for (int p = 0; p < count; p++) {
        target.append(p == 0 ? '?' : '&').append(pick(e.params())).append('=').append(pick(VALUES));
      }
    }
    boolean authorized = random.nextBoolean();
    if (e.validBody() == null) {
      return new Request(e.method(), target.toString(), "application/json", null, authorized);
    }
    if (e.validBody()
        .isEmpty()) { // an image or an empty body: random bytes, sometimes an image header
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      if (bytes.length > 4 && random.nextBoolean()) {
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
      }
      return new Request(
          e.method(),
          target.toString(),
          pick(List.of("image/jpeg", "application/octet-stream", "application/json", "text/plain")),
          bytes,
          authorized);
    }
    return new Request(
        e.method(),
        target.toString(),
        pick(
            List.of(
                "application/json",
                "application/json",
                "text/plain",
                "application/x-www-form-urlencoded")),
        json(e.validBody()).getBytes(StandardCharsets.UTF_8),
        authorized);
  }

  private String json(String valid) {
    return switch (random.nextInt(6)) {
      case 0 -> valid.substring(0, random.nextInt(valid.length())); // truncated
      case 1 -> valid + pick(List.of("garbage", "}", ",", "{}", "\u0000"));
      case 2 -> pick(JSON_VALUES);
      default -> replaceValue(valid);
    };
  }

  /** Replaces the value of one field of the valid body with an odd JSON value. */
  private String replaceValue(String valid) {
    List<Integer> colons = new java.util.ArrayList<>();
    for (int c = valid.indexOf(':'); c >= 0; c = valid.indexOf(':', c + 1)) {
      colons.add(c);
    }
    int colon = pick(colons);
    int end = colon + 1;
    int depth = 0;
    boolean inString = false;
    for (; end < valid.length(); end++) {
      char ch = valid.charAt(end);
      if (ch == '"' && valid.charAt(end - 1) != '\\') {
        inString = !inString;
      } else if (!inString && (ch == '[' || ch == '{')) {
        depth++;
      } else if (!inString && (ch == ']' || ch == '}')) {
        if (depth-- == 0) {
          break;
        }
      } else if (!inString && ch == ',' && depth == 0) {
        break;
      }
    }
    return valid.substring(0, colon + 1) + pick(JSON_VALUES) + valid.substring(end);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
