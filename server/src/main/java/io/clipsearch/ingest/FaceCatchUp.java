package io.clipsearch.ingest;

import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.people.PhotoFaces;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a collection's faces in step with its photo index after an ingest run, without embedding
 * anything: deletes the stored faces of content no longer indexed (photos deleted, or changed to
 * other content), then finds the faces of indexed photos under the run's roots that have none
 * (photos indexed before face finding existed, or while it was off or failed), each decoded once;
 * last, puts the faces not in a person into persons ({@link PhotoFaces#cluster}).
 *
 * <p>Resumable: a photo's stored faces are its mark, so a run stopped part way (cancelled) goes on
 * where it stopped. Runs {@link IngestOptions#workers} threads and blocks its caller until they
 * end; stops within one photo a worker once {@code stop} says so. Closes nothing it was given.
 */
final class FaceCatchUp {

  private static final Logger log = LoggerFactory.getLogger(FaceCatchUp.class);

  private final ImagePipeline images;
  private final SearchBackend reader;
  private final PhotoFaces faces;
  private final List<Path> roots;
  private final IngestOptions options;
  private final BooleanSupplier stop;

  FaceCatchUp(
      ImagePipeline images,
      SearchBackend reader,
      PhotoFaces faces,
      List<Path> roots,
      IngestOptions options,
      BooleanSupplier stop) {
    this.images = images;
    this.reader = reader;
    this.faces = faces;
    this.roots = roots;
    this.options = options;
    this.stop = stop;
  }

  /**
   * @return how many photos' faces were looked for
   * @throws IOException if the index cannot be read or the face store listed
   */
  int run() throws IOException {
    Set<String> indexed = new HashSet<>();
    Map<String, Path> missing = new LinkedHashMap<>();
    try (SearchSession session = reader.session()) {
      session.forEach(
          doc -> {
            indexed.add(doc.id());
            if (roots.stream().anyMatch(doc.path()::startsWith) && faces.missing(doc.id())) {
              missing.putIfAbsent(doc.id(), doc.path());
            }
          });
    }
    int deleted = faces.retain(indexed::contains);
    AtomicInteger done = new AtomicInteger();
    try (ExecutorService pool =
        Executors.newFixedThreadPool(
            options.workers(), Thread.ofPlatform().name("face-catch-up-", 1).daemon().factory())) {
      for (Map.Entry<String, Path> e : missing.entrySet()) {
        pool.execute(
            () -> {
              if (!stop.getAsBoolean() && find(e.getKey(), e.getValue())) {
                done.incrementAndGet();
              }
            });
      }
    } // close waits for every task
    int waiting = faces.cluster();
    if (deleted > 0 || !missing.isEmpty()) {
      log.info(
          "faces: looked for in {} of {} indexed photos that had none; deleted those of {} photos"
              + " no longer indexed; {} faces in no person",
          done.get(),
          missing.size(),
          deleted,
          waiting);
    }
    return done.get();
  }

  /** Reads, decodes and looks at one photo; false if it cannot be read or decoded (logged). */
  private boolean find(String id, Path path) {
    try (RootedFile file = RootedFile.open(path, roots, options.followLinksOutOfRoots())) {
      faces.found(id, images.decode(ImageSource.of(path.toString(), file.readAllBytes())).image());
      return true;
    } catch (IOException | ImageDecodeException | SecurityException e) {
      log.warn("no faces for {}: {}", path, e.getMessage());
      return false;
    }
  }
}
