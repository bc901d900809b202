package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Creates and indexes a collection over {@link RawHttp}, as a client would. */
final class RawHttpCollections {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RawHttpCollections() {}

  /**
   * Creates collection {@code name} on {@code folder} and runs an index job on it to the end.
   *
   * @return the job's id
   */
  static String createAndIndex(RawHttp http, String auth, String name, Path folder)
      throws Exception {
    byte[] create =
        ("{\"name\":\"" + name + "\",\"roots\":[\"" + folder + "\"]}")
            .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response created =
        http.send("POST", "/api/collections", "application/json", create, auth);
    assertEquals(201, created.status(), created.body());
    RawHttp.Response job =
        http.send(
            "POST", "/api/collections/" + name + "/jobs", "application/json", new byte[0], auth);
    assertEquals(202, job.status(), job.body());
    String id = JSON.readTree(job.body()).get("id").asText();
    for (int i = 0; i < 600; i++) {
      JsonNode status = JSON.readTree(http.get("/api/jobs/" + id).body()).get("status");
      String phase = status.get("phase").asText();
      if (phase.equals("DONE") || phase.equals("FAILED") || phase.equals("CANCELLED")) {
        assertEquals("DONE", phase, status.toString());
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not end");
  }
}
