package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Closing the server while an index job runs (Ctrl-C, the app's window closed mid-indexing): the
 * job is cancelled and awaited before the indexes close, so it ends cleanly (no {@code
 * AlreadyClosedException}, no error), the index reopens with what was committed, and the next job
 * resumes from there instead of starting over.
 */
class ShutdownDuringJobTest {

  static final String TOKEN = "shutdown-token";
  static final String AUTH = "Authorization: Bearer " + TOKEN;
  static final int PHOTOS = 400;
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void closingTheServerMidJobCancelsItCleanlyAndTheNextJobResumes(@TempDir Path tmp)
      throws Exception {
    Path photos = Files.createDirectories(tmp.resolve("photos"));
    writeDistinctJpegs(photos, PHOTOS);
    Path data = tmp.resolve("data");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    try {
      JobInfo cut;
      try (ApplicationContext context = start(data)) {
        RawHttp http = new RawHttp(context.getBean(EmbeddedServer.class).getPort());
        byte[] create =
            ("{\"name\":\"photos\",\"roots\":[\"" + photos + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
            201, http.send("POST", "/api/collections", "application/json", create, AUTH).status());
        RawHttp.Response started =
            http.send(
                "POST", "/api/collections/photos/jobs", "application/json", new byte[0], AUTH);
        assertEquals(202, started.status(), started.body());
        String id = JSON.readTree(started.body()).get("id").asText();
        JobService jobs = context.getBean(JobService.class);
        Await.until(
            "the job to embed a photo",
            Duration.ofMinutes(3),
            () -> jobs.get(id).status().embedded() > 0 || jobs.get(id).finished() != null);
        JobInfo midway = jobs.get(id);
        assertTrue(
            midway.status().embedded() > 0 && midway.finished() == null,
            "the job should be embedding when the server closes: " + midway);

        context.close();

        cut = jobs.get(id);
      }
      assertTrue(cut.finished() != null, "closing returned before the job ended: " + cut);
      assertNull(cut.error(), "the cancelled job failed: " + cut.error());
      assertTrue(
          cut.status().embedded() < PHOTOS, "the job ended before the server closed: " + cut);
      List<String> closedErrors =
          log.list.stream()
              .filter(
                  e ->
                      mentionsAlreadyClosed(e.getThrowableProxy())
                          || e.getFormattedMessage().contains("AlreadyClosed"))
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
      assertEquals(List.of(), closedErrors);

      try (ApplicationContext context = start(data)) {
        RawHttp http = new RawHttp(context.getBean(EmbeddedServer.class).getPort());
        long committed =
            JSON.readTree(http.get("/api/collections/photos", AUTH).body())
                .get("documents")
                .asLong();
        assertTrue(committed > 0, "nothing of the cut job was committed");

        String id =
            JSON.readTree(
                    http.send(
                            "POST",
                            "/api/collections/photos/jobs",
                            "application/json",
                            new byte[0],
                            AUTH)
                        .body())
                .get("id")
                .asText();
        JobInfo resumed = await(context.getBean(JobService.class), id);
        assertNull(resumed.error(), resumed.toString());
        assertEquals(
            committed, resumed.status().unchanged(), "the re-run did not resume: " + resumed);
        assertEquals(PHOTOS - committed, resumed.status().embedded(), resumed.toString());
        JsonNode collection = JSON.readTree(http.get("/api/collections/photos", AUTH).body());
        assertEquals(PHOTOS, collection.get("documents").asLong(), collection.toString());
      }
    } finally {
      root.detachAppender(log);
    }
  }

  private static ApplicationContext start(Path data) {
    return ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
                "clipsearch.data.dir", data.toString(),
                "clipsearch.auth.token", TOKEN),
            "test")
        .getApplicationContext();
  }

  private static JobInfo await(JobService jobs, String id) throws Exception {
    Await.until(
        "job " + id + " to finish", Duration.ofMinutes(5), () -> jobs.get(id).finished() != null);
    return jobs.get(id);
  }

  private static boolean mentionsAlreadyClosed(IThrowableProxy t) {
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      if (p.getClassName().endsWith("AlreadyClosedException")) {
        return true;
      }
    }
    return false;
  }

  /** Small JPEGs of random blocks: every one a different image, so none is a copy of another. */
  private static void writeDistinctJpegs(Path dir, int n) throws Exception {
    Random random = new Random(17);
    for (int i = 0; i < n; i++) {
      BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      for (int y = 0; y < 64; y += 16) {
        for (int x = 0; x < 96; x += 16) {
          g.setColor(new Color(random.nextInt(0xFFFFFF)));
          g.fillRect(x, y, 16, 16);
        }
      }
      g.dispose();
      ImageIO.write(image, "jpg", dir.resolve(String.format("photo-%04d.jpg", i)).toFile());
    }
  }
}
