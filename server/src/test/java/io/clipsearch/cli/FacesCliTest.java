package io.clipsearch.cli;

import static com.fasterxml.jackson.databind.json.JsonMapper.builder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clipsearch faces}: one JSON line per face, undecodable files reported after the rest. */
class FacesCliTest {

  private static final String MODELS = Path.of("..", "models", "faces").toString();
  private final ObjectMapper json = builder().build();

  @Test
  void printsOneLinePerFaceAndReportsBadFiles(@TempDir Path dir) throws Exception {
    // a tuning photo of the face reference: two faces above face-api's default score
    Path photo = SharedFixtures.path("sample-images/kodak24/kodim12.jpg");
    Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");

    CliRun run = CliRun.of("faces", "--models", MODELS, photo.toString(), broken.toString());

    assertEquals(FacesCommand.EXIT_SOME_FAILED, run.exitCode(), run.err());
    String[] lines = run.lines();
    assertEquals(3, lines.length, run.out());
    for (int i = 0; i < 2; i++) {
      JsonNode face = json.readTree(lines[i]);
      assertEquals(photo.toString(), face.get("file").asText());
      assertTrue(face.get("score").asDouble() > 0.5, lines[i]);
      assertEquals(4, face.get("box").size());
      assertEquals(136, face.get("landmarks").size());
      assertEquals(128, face.get("descriptor").size());
    }
    JsonNode failure = json.readTree(lines[2]);
    assertEquals(broken.toString(), failure.get("file").asText());
    assertTrue(failure.has("reason"), lines[2]);
  }

  @Test
  void aMissingModelsFolderIsOneClearLine() {
    CliRun run = CliRun.of("faces", "--models", "/no/such/faces", "photo.jpg");

    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode());
    assertEquals(
        "clipsearch: /no/such/faces/ssd_mobilenetv1.onnx: no face net (models/faces/README.md says"
            + " how to convert them)",
        run.err().strip());
  }
}
