package io.clipsearch.ingest;

import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.XmpTags;
import io.clipsearch.ingest.FileScanner.Found;
import io.clipsearch.ingest.IngestProgress.Phase;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.image.DecodedFile;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.people.PhotoFaces;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest run: brings a {@link ImageIndex} in step with the image files under some root folders.
 *
 * <p>Strategy:
 *
 * <ol>
 *   <li><b>Scan</b> (its own thread, {@link ScanFeed}): walk the roots by stat ({@link
 *       FileScanner}) and compare with the index's file states a chunk at a time: a file of the
 *       same path, size and mtime is unchanged and never opened, so a re-run over an unchanged
 *       folder costs one stat per file (and a few for its XMP sidecar: a photo whose sidecar was
 *       edited, added or removed since is read again, and its stored vector re-used with the new
 *       tags, as for a touched file). New and changed files stream to the workers as they are
 *       found, so nothing per file is held but an 8-byte hash of its path. Indexed paths no longer
 *       found are deleted at the end, except under a root or folder that could not be read (an
 *       unmounted disk must not empty the index).
 *   <li><b>Prepare</b> ({@link IngestOptions#workers} threads): read each new or changed file, hash
 *       it (SHA-256: the content id). If the index already holds that content, the stored vector is
 *       re-used without decoding: a <em>move</em> when the other path is gone, a <em>copy</em>
 *       otherwise. Else the file goes through the first stage of the model's {@link ImagePipeline}
 *       ({@link ImagePipeline#prepare}): decoded once (pixel cap and EXIF orientation applied), and
 *       in its {@link ImagePipeline.DecodeHook} the thumbnail is written from those pixels, the
 *       faces are found and stored ({@link PhotoFaces}), and the EXIF facts and embedded XMP are
 *       read from the metadata the decoder parsed (the header is parsed once); then preprocessed.
 *       The photo's XMP sidecar, if any, is read by the worker ({@link PhotoXmp}) and overrides the
 *       embedded XMP field by field, for new and re-used documents alike. Results go to a bounded
 *       queue ({@link IngestOptions#queueCapacity}); workers block when it is full, so memory stays
 *       flat on any collection size.
 *   <li><b>Embed and write</b> (calling thread): prepared images are embedded by the pipeline's
 *       last stage ({@link ImagePipeline#embedPrepared}) in batches of {@link
 *       IngestOptions#batchSize} while the workers prepare the next ones; documents are upserted by
 *       path and committed every {@link IngestOptions#commitEveryFiles} writes or {@link
 *       IngestOptions#commitInterval}, then once at the end. Each new vector is tagged by the
 *       {@link ImageTagger} (zero-shot labels, computed once per job by whoever made the tagger).
 *   <li><b>Faces</b> (after a complete run, when face finding is on): {@link FaceCatchUp} deletes
 *       the faces of content no longer indexed, finds those of indexed photos that have none (no
 *       embedding), and clusters the new faces into persons.
 * </ol>
 *
 * <p>Bad files (unreadable, empty, not an image, corrupt, over the pixel cap) are skipped and
 * listed in the {@link IngestReport}; the run goes on. Crash safety comes from the index: upserts
 * are keyed by path and commits are atomic, so after a kill the next run finds the committed files
 * unchanged and does the rest.
 *
 * <p>Threads: {@link #run} blocks its caller, which also calls the progress listener (never
 * concurrently, at most once per {@link IngestOptions#progressInterval} apart from phase changes).
 * {@link #cancel} may be called from any thread, as may interrupting the running thread: the run
 * stops taking files, commits what it has written, and returns a report whose phase is {@link
 * Phase#CANCELLED}. A job runs once. It closes nothing it was given: the model, index and thumbnail
 * store stay the caller's.
 *
 * <pre>{@code
 * IngestJob job = new IngestJob(model, index, reader, thumbs, List.of(root), IngestOptions.defaults(),
 *     progress -> log.info(progress.line()));
 * executor.submit(job::run);   // later: job.cancel()
 * }</pre>
 */
public final class IngestJob {

  private static final Logger log = LoggerFactory.getLogger(IngestJob.class);

  /** How often the writer wakes when idle, to send progress and notice cancellation. */
  private static final long POLL_MILLIS = 50;

  private final ImagePipeline images;
  private final ImageIndex index;
  private final SearchBackend reader;
  private final ThumbnailStore thumbs;
  private final List<Path> roots;
  private final IngestOptions options;
  private final ImageTagger tagger;
  private final PhotoFaces faces;
  private final ProgressTracker progress;
  private final ExifReader exif = new ExifReader();
  private final List<SkippedFile> skipped = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean cancelled;
  private volatile boolean started;

  /** Set on the running thread only: it was interrupted, and is interrupted again on return. */
  private boolean interrupted;

  /**
   * @param model embeds the images; its id must be the index's model
   * @param index where documents go
   * @param reader the read side of {@code index}: the stored file states and contents
   * @param thumbs where thumbnails go
   * @param roots absolute folders to scan, recursively
   * @param options workers, batches, queue and commit policy
   * @param listener receives progress snapshots on the thread running the job
   * @throws IllegalArgumentException if the model is not the index's or a root is not absolute
   */
  public IngestJob(
      ClipModel model,
      ImageIndex index,
      SearchBackend reader,
      ThumbnailStore thumbs,
      List<Path> roots,
      IngestOptions options,
      Consumer<IngestProgress> listener) {
    this(model, index, reader, thumbs, roots, options, ImageTagger.NONE, PhotoFaces.OFF, listener);
  }

  /**
   * @param tagger tags each newly embedded image from its vector (called on the writing thread);
   *     re-used documents (unchanged, moved, copied) keep the tags stored with their vector
   * @param faces finds and stores the faces of each decoded photo, and after the run those of
   *     indexed photos that have none ({@link FaceCatchUp}); {@link PhotoFaces#OFF} for none
   * @throws IllegalArgumentException if the model is not the index's or a root is not absolute
   */
  public IngestJob(
      ClipModel model,
      ImageIndex index,
      SearchBackend reader,
      ThumbnailStore thumbs,
      List<Path> roots,
      IngestOptions options,
      ImageTagger tagger,
      PhotoFaces faces,
      Consumer<IngestProgress> listener) {
    this.tagger = Objects.requireNonNull(tagger, "tagger");
    this.faces = Objects.requireNonNull(faces, "faces");
    Objects.requireNonNull(model, "model");
    this.index = Objects.requireNonNull(index, "index");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.thumbs = Objects.requireNonNull(thumbs, "thumbs");
    this.roots = List.copyOf(roots);
    this.options = Objects.requireNonNull(options, "options");
    this.progress =
        new ProgressTracker(
            Objects.requireNonNull(listener, "listener"), options.progressInterval().toNanos());
    this.images = model.images();
    if (!model.info().id().equals(index.space().modelId())) {
      throw new IllegalArgumentException(
          "model "
              + model.info().id()
              + " cannot write to the index of "
              + index.space().modelId());
    }
    for (Path root : this.roots) {
      if (!root.isAbsolute()) {
        throw new IllegalArgumentException("root folder must be absolute: " + root);
      }
    }
  }

  /** Asks the run to stop soon; it commits what it has written. Safe from any thread, any time. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel} was asked (or the run was interrupted). */
  boolean cancelRequested() {
    return cancelled;
  }

  /**
   * Runs the job to the end, or until cancelled.
   *
   * @return the counters and the skipped files
   * @throws IOException if the index cannot be written (what was committed stays)
   * @throws IllegalStateException if the job was already run
   * @throws EmbeddingException if the inference engine fails
   */
  public IngestReport run() throws IOException {
    if (started) {
      throw new IllegalStateException("an ingest job runs once");
    }
    started = true;
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    progress.emit(Phase.SCANNING);
    ScanFeed feed =
        new ScanFeed(
            reader,
            roots,
            new FileScanner(options.followLinksOutOfRoots()),
            progress,
            options.queueCapacity(),
            options.maxFiles(),
            () -> cancelled,
            this::skip);
    Thread scan = feed.start();
    try {
      process(feed);
    } finally {
      join(scan); // the walk ends within one file once cancelled
    }
    boolean complete = !stopping() && feed.failure().isEmpty();
    if (complete) {
      progress.emit(Phase.COMMITTING);
      for (Path gone : feed.gone()) {
        index.delete(gone);
        progress.deleted.incrementAndGet();
      }
    }
    index.commit();
    if (complete && faces.enabled()) {
      index.refresh(); // the catch-up reads what was just written and deleted
      new FaceCatchUp(images, reader, faces, roots, options, () -> cancelled).run();
    }
    if (feed.failure().isPresent()) {
      throw feed.failure().get(); // what was written is committed: a later run goes on from there
    }
    IngestProgress last = progress.emit(stopping() ? Phase.CANCELLED : Phase.DONE);
    if (interrupted) {
      Thread.currentThread().interrupt(); // the caller's interrupt status, kept for the caller
    }
    return new IngestReport(roots, start, Duration.ofNanos(System.nanoTime() - t0), last, skipped);
  }

  /**
   * Whether to stop. An interrupt of the running thread counts as {@link #cancel} and is cleared
   * here (and set again when {@link #run} returns): Lucene writes through interruptible channels,
   * and an interrupt during a write or commit would close the index writer for good.
   */
  private boolean stopping() {
    if (Thread.interrupted()) {
      interrupted = true;
      cancelled = true;
    }
    return cancelled;
  }

  /** A file or folder the scan could not walk: reported, and the run goes on. */
  private void skip(SkippedFile s) {
    log.warn("skipped {}: {}", s.path(), s.message());
    skipped.add(s);
  }

  // ---- prepare (workers) ----------------------------------------------------------------------

  /** A worker's result for one file. */
  private sealed interface Prepared {}

  /** Decoded and preprocessed: waiting for its vector. */
  private record ToEmbed(Found file, String id, Facts facts, ImagePipeline.Prepared image)
      implements Prepared {}

  /** Content the index already holds: written with the stored vector. */
  private record Reused(ImageDoc doc, Kind kind) implements Prepared {
    enum Kind {
      MOVED,
      COPIED,
      UNCHANGED
    }
  }

  private record Skipped(SkippedFile file) implements Prepared {}

  /** Sent by each worker when it takes no more files. */
  private record WorkerDone() implements Prepared {}

  private final class Worker implements Runnable {
    private final ScanFeed files;
    private final BlockingQueue<Prepared> out;

    Worker(ScanFeed files, BlockingQueue<Prepared> out) {
      this.files = files;
      this.out = out;
    }

    @Override
    public void run() {
      try {
        Found file;
        while (!cancelled && (file = files.next()) != null) {
          if (!offer(prepare(file))) {
            return;
          }
        }
      } catch (InterruptedException e) {
        cancelled = true;
      } finally {
        // cancellation may have left the queue full; the writer stops taking then, and needs no
        // signal
        offer(new WorkerDone());
      }
    }

    /** Puts into the queue, giving up on cancellation. */
    private boolean offer(Prepared p) {
      try {
        while (!out.offer(p, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          if (cancelled) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        cancelled = true;
        return false;
      }
    }
  }

  /** Everything done for one file before inference; failures are the file's, never the run's. */
  private Prepared prepare(Found file) {
    String name = file.path().toString();
    try {
      byte[] bytes = read(file.path());
      String id = sha256(bytes);
      PhotoXmp.Sidecar sidecar =
          PhotoXmp.sidecar(file.path(), roots, options.followLinksOutOfRoots());
      Optional<Prepared> reused = reuse(file, id, bytes, sidecar);
      if (reused.isPresent()) {
        return reused.get();
      }
      Facts facts = new Facts(id, sidecar);
      ImagePipeline.Prepared image = images.prepare(ImageSource.of(name, bytes), facts);
      if (image.error() != null) {
        ImageDecodeException e = image.error();
        return new Skipped(new SkippedFile(file.path(), SkipReason.of(e.reason()), e.getMessage()));
      }
      return new ToEmbed(file, id, facts, image);
    } catch (IOException | SecurityException e) {
      return new Skipped(
          new SkippedFile(
              file.path(),
              SkipReason.UNREADABLE,
              name
                  + ": cannot read: "
                  + (e instanceof IOException io ? FileScanner.describe(io) : e.toString())));
    } catch (RuntimeException | OutOfMemoryError e) {
      log.warn("unexpected failure preparing {}", name, e);
      return new Skipped(new SkippedFile(file.path(), SkipReason.FAILED, name + ": " + e));
    }
  }

  /**
   * The file's bytes, opened by {@link RootedFile}: a FIFO or a link swapped in since the scan is
   * refused (unread, skipped) instead of blocking a worker or reading another file.
   */
  private byte[] read(Path file) throws IOException {
    try (RootedFile opened = RootedFile.open(file, roots, options.followLinksOutOfRoots())) {
      return opened.readAllBytes();
    }
  }

  /**
   * The stored document of this content under the new path, if the index has the content: its
   * vector and EXIF facts with the XMP read now (a sidecar edited since is why an unchanged photo
   * is read again), from the header alone, without decoding the pixels.
   */
  private Optional<Prepared> reuse(Found file, String id, byte[] bytes, PhotoXmp.Sidecar sidecar)
      throws IOException {
    Optional<ImageDoc> stored;
    try (SearchSession session = reader.session()) {
      stored = session.findById(id);
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ImageDoc old = stored.get();
    Reused.Kind kind =
        old.path().equals(file.path())
            ? Reused.Kind.UNCHANGED // touched, same bytes
            : !Files.exists(old.path()) ? Reused.Kind.MOVED : Reused.Kind.COPIED;
    if (thumbs.find(id).isEmpty()) { // the thumbnail folder was cleared: the one decode we need
      try {
        writeThumbnail(id, images.decode(ImageSource.of(file.path().toString(), bytes)).image());
      } catch (ImageDecodeException e) {
        log.warn("no thumbnail for {}: {}", file.path(), e.getMessage());
      }
    }
    XmpTags embedded =
        PhotoHeader.read(new ByteArrayInputStream(bytes))
            .map(PhotoXmp::embedded)
            .orElse(XmpTags.NONE);
    return Optional.of(
        new Reused(
            new ImageDoc(
                file.path(),
                id,
                file.size(),
                file.mtimeMillis(),
                old.width(),
                old.height(),
                old.metadata().withXmp(embedded.overriddenBy(sidecar.tags())),
                old.vector(),
                old.tags(),
                sidecar.mtimeMillis()),
            kind));
  }

  /**
   * The pipeline's hook for one file: writes its thumbnail from the decoded pixels and keeps its
   * size, EXIF facts and XMP tags (embedded, overridden by the sidecar's) for its document. Used on
   * one worker thread; handed to the writer through the queue.
   */
  private final class Facts implements ImagePipeline.DecodeHook {
    private final String id;
    private final PhotoXmp.Sidecar sidecar;
    private int width;
    private int height;
    private PhotoMetadata metadata = PhotoMetadata.NONE;

    Facts(String id, PhotoXmp.Sidecar sidecar) {
      this.id = id;
      this.sidecar = sidecar;
    }

    @Override
    public void decoded(ImageSource source, DecodedFile decoded) {
      DecodedImage image = decoded.image();
      width = image.width();
      height = image.height();
      metadata =
          exif.read(source.name(), decoded.metadata())
              .withXmp(PhotoXmp.embedded(decoded.metadata()).overriddenBy(sidecar.tags()));
      writeThumbnail(id, image);
      faces.found(id, image);
    }
  }

  private void writeThumbnail(String id, DecodedImage image) {
    try {
      thumbs.write(id, image);
    } catch (IOException e) {
      // a thumbnail is a cache: the photo is still searchable, and a later run can make it
      log.warn("cannot write the thumbnail of {}: {}", id, e.toString());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // ---- embed and write (calling thread) -------------------------------------------------------

  private void process(ScanFeed feed) throws IOException {
    BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(options.queueCapacity());
    int workers = options.workers();
    List<Thread> threads = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      threads.add(
          Thread.ofPlatform()
              .name("ingest-worker-" + (w + 1))
              .daemon()
              .start(new Worker(feed, queue)));
    }
    Writer writer = new Writer();
    int running = workers;
    boolean scanning = true;
    try {
      List<ToEmbed> batch = new ArrayList<>(options.batchSize());
      while (running > 0 && !stopping()) {
        Prepared p = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        switch (p) {
          case null -> {}
          case WorkerDone d -> running--;
          case ToEmbed e -> batch.add(e);
          case Reused r -> writer.write(r);
          case Skipped s -> {
            skipped.add(s.file());
            progress.failed.incrementAndGet();
            log.warn("skipped {}", s.file().message());
          }
        }
        // a full batch, or the last files: queue empty and every worker finished
        if (batch.size() >= options.batchSize() || (running == 0 && !batch.isEmpty())) {
          writer.embed(batch);
          batch.clear();
        }
        writer.maybeCommit();
        if (scanning && feed.finished()) {
          scanning = false;
          progress.emit(Phase.INDEXING); // the total is known from here
        }
        progress.maybeEmit(scanning ? Phase.SCANNING : Phase.INDEXING);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      cancelled = true;
    } finally {
      if (running > 0) {
        cancelled = true; // cancelled, or an error above: either way the workers must stop
      }
      for (Thread t : threads) {
        join(t);
      }
    }
  }

  /** Waits for a worker or the scan: each stops within one file once cancelled. */
  private void join(Thread t) {
    while (true) {
      try {
        t.join();
        return;
      } catch (InterruptedException e) {
        interrupted = true;
        cancelled = true;
      }
    }
  }

  /** Index writes and the commit policy; used by the calling thread only. */
  private final class Writer {
    private int sinceCommit;
    private long lastCommit = System.nanoTime();

    void embed(List<ToEmbed> batch) throws IOException {
      List<ImagePipeline.Prepared> prepared = new ArrayList<>(batch.size());
      batch.forEach(e -> prepared.add(e.image()));
      List<ImageEmbedding> embedded = images.embedPrepared(prepared);
      for (int i = 0; i < batch.size(); i++) {
        ToEmbed e = batch.get(i);
        Found f = e.file();
        Facts facts = e.facts();
        // every prepared image here was decoded: those that were not went to the report instead
        float[] vector = ((ImageEmbedding.Embedded) embedded.get(i)).vector();
        index.upsert(
            new ImageDoc(
                f.path(),
                e.id(),
                f.size(),
                f.mtimeMillis(),
                facts.width,
                facts.height,
                facts.metadata,
                vector,
                tagger.tags(vector),
                facts.sidecar.mtimeMillis()));
        progress.embedded.incrementAndGet();
        sinceCommit++;
      }
    }

    void write(Reused r) throws IOException {
      index.upsert(r.doc());
      switch (r.kind()) {
        case MOVED -> progress.moved.incrementAndGet();
        case COPIED -> progress.copied.incrementAndGet();
        case UNCHANGED -> {
          progress.unchanged.incrementAndGet();
          progress.rereadUnchanged.incrementAndGet();
        }
      }
      sinceCommit++;
    }

    void maybeCommit() throws IOException {
      long now = System.nanoTime();
      if (sinceCommit >= options.commitEveryFiles()
          || (sinceCommit > 0 && now - lastCommit >= options.commitInterval().toNanos())) {
        index.commit();
        sinceCommit = 0;
        lastCommit = now;
      }
    }
  }
}
