package io.clipsearch.cli;

import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.faces.FaceModels;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.ingest.DeferredTagger;
import io.clipsearch.ingest.FolderWatcher;
import io.clipsearch.ingest.ImageTagger;
import io.clipsearch.ingest.IngestJob;
import io.clipsearch.ingest.IngestOptions;
import io.clipsearch.ingest.IngestProgress;
import io.clipsearch.ingest.IngestReport;
import io.clipsearch.ingest.Retagger;
import io.clipsearch.ingest.RootPolicy;
import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import io.clipsearch.people.FaceFinders;
import io.clipsearch.people.PhotoFaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch index}: indexes folders of photos into a collection, incrementally.
 *
 * <p>Progress goes to stderr (at most one line a second), the summary to stdout, the list of
 * skipped files to the collection's {@code reports/} folder. Skipped files do not make the exit
 * code non-zero: a collection with a few broken files is indexed successfully; but when every file
 * failed the exit code is 1. A folder that {@link RootPolicy} refuses (a file, a system folder, one
 * holding the data folder) is an error before anything is read. Ctrl-C stops the run and commits
 * what was written, so the next run resumes there.
 *
 * <p>Data folder: {@code --data}, else {@link ClipsearchFolders#data()} ({@code
 * $CLIPSEARCH_DATA_DIR}, else {@code work/data} of a source checkout, else the XDG data folder of
 * an installed program).
 */
@Command(
    header = "Index folders of images into a collection (resumable, --watch).",
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index folders of images into a collection: new and changed files are embedded,",
      "unchanged ones skipped without reading, moved ones re-use their vectors, deleted ones",
      "are removed. Re-running is cheap; --watch keeps the index current."
    })
final class IndexCommand implements Callable<Integer> {

  /** How long a watched folder must be quiet before it is re-scanned. */
  private static final Duration WATCH_QUIET = Duration.ofSeconds(2);

  /** The longest a Ctrl-C waits for the run to commit before the JVM exits anyway. */
  private static final long SHUTDOWN_WAIT_SECONDS = 60;

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders to index, recursively")
  List<Path> dirs;

  @Mixin CollectionOptions collectionOptions;

  @Option(
      names = "--format",
      paramLabel = "float32|int8|int4|bbq",
      description =
          "vector format of a new collection (default: int8, as the server's); must match an existing one")
  String format;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      description =
          "commit after N files (default: "
              + IngestOptions.DEFAULT_COMMIT_EVERY_FILES
              + ", or every 30 s)")
  Integer commitEvery;

  @Option(names = "--watch", description = "after indexing, keep watching the folders until Ctrl-C")
  boolean watch;

  @Option(
      names = "--follow-links-out-of-roots",
      description =
          "follow symbolic links in the folders wherever they lead (default: no link is followed;"
              + " the server then needs clipsearch.images.follow-links-out-of-roots to serve such files)")
  boolean followLinks;

  @Option(
      names = "--no-faces",
      description =
          "do not look for faces (default: faces are found with the nets of --face-models and kept"
              + " on this machine only)")
  boolean noFaces;

  @Option(
      names = "--face-models",
      paramLabel = "DIR",
      description =
          "the face-models folder (default: the installation's " + FaceModels.FOLDER + ")")
  Path faceModels;

  /** The run in progress and the watcher, for the shutdown hook to stop. */
  private volatile IngestJob current;

  private volatile FolderWatcher closeOnStop;
  private volatile boolean stopped;

  /**
   * Zero-shot tags for new images; label vectors computed once per command, watch runs included.
   */
  private ImageTagger tagger;

  /** Finds the faces of the photos decoded, for every run of the command. */
  private PhotoFaces faces;

  @Override
  public Integer call() throws Exception {
    List<Path> roots = new ArrayList<>();
    for (Path dir : dirs) {
      // one spelling per folder: paths are the index's keys
      roots.add(RootPolicy.check(dir, collectionOptions.data).toRealPath());
    }
    Optional<VectorFormat> requested = Optional.ofNullable(format).map(VectorFormat::parse);
    IngestOptions options = IngestOptions.defaults().withFollowLinksOutOfRoots(followLinks);
    if (commitEvery != null) {
      options = options.withCommitEveryFiles(commitEvery);
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = Thread.ofPlatform().unstarted(() -> stop(finished));
    Runtime.getRuntime().addShutdownHook(hook);
    try (ClipModel model = modelOptions.load();
        FaceFinders finders = noFaces ? FaceFinders.off() : FaceFinders.open(faceModelsFolder());
        OpenCollection c = define(model, roots, requested)) {
      faces = new PhotoFaces(finders, c.people());
      // the tag vocabulary is embedded beside the scan (minutes on a large model's first run, read
      // from the cache later); photos indexed before it is ready are tagged after the run
      DeferredTagger deferred =
          new DeferredTagger(
              CompletableFuture.supplyAsync(
                  () ->
                      ZeroShotLabeler.of(
                              LabelVocabulary.defaults(),
                              model,
                              new ClassVectorCache(
                                  CollectionLayout.classVectorsDir(c.layout().dataDir())))
                          ::imageTags,
                  task -> Thread.ofVirtual().name("tag-vocabulary").start(task)));
      tagger = deferred;
      try {
        IngestReport report = runJob(model, c, roots, options, err);
        tagMissed(deferred, c, err);
        printSummary(out, report, c.layout());
        if (report.allFailed()) {
          err.println(
              "error: every file failed (" + report.counts().failed() + "); see the report");
          return 1;
        }
        if (watch && !stopped) {
          watch(model, c, roots, options, err, out);
        }
        return 0;
      } finally {
        deferred.settle(); // before the model closes: its text tower may still be at work
      }
    } finally {
      finished.countDown(); // the index is closed (committed): a waiting shutdown hook may end
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and ends now that we are done
      }
    }
  }

  private Path faceModelsFolder() {
    return faceModels != null
        ? faceModels
        : Path.of(System.getProperty("clipsearch.home", ".")).resolve(FaceModels.FOLDER);
  }

  /** Tags the photos the run indexed before the tag vocabulary was ready. */
  private void tagMissed(DeferredTagger deferred, OpenCollection c, PrintWriter err)
      throws IOException {
    if (deferred.missed() == 0 || stopped) {
      return;
    }
    err.println("tagging the " + deferred.missed() + " photos indexed before the tags were ready");
    try {
      tagger = deferred.await();
      new Retagger(c.index(), c.backend(), tagger).runUntagged();
    } catch (ExecutionException e) {
      err.println("warning: no tags this run: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Creates the collection or adds the roots, then opens it (its index made if new). */
  private OpenCollection define(ClipModel model, List<Path> roots, Optional<VectorFormat> requested)
      throws IOException {
    CollectionOpener opener = collectionOptions.opener(model);
    opener.define(collectionOptions.collection, roots, requested);
    return opener.open(collectionOptions.collection);
  }

  private IngestReport runJob(
      ClipModel model, OpenCollection c, List<Path> roots, IngestOptions options, PrintWriter err)
      throws IOException {
    IngestJob job =
        new IngestJob(
            model, c.index(), c.backend(), c.thumbs(), roots, options, tagger, faces, printer(err));
    current = job;
    if (stopped) {
      job.cancel(); // Ctrl-C came before the job existed
    }
    try {
      return job.run();
    } finally {
      current = null;
    }
  }

  private void watch(
      ClipModel model,
      OpenCollection c,
      List<Path> roots,
      IngestOptions options,
      PrintWriter err,
      PrintWriter out)
      throws IOException, InterruptedException {
    try (FolderWatcher watcher = new FolderWatcher(roots)) {
      closeOnStop = watcher;
      err.println("watching " + roots.size() + " folder(s); Ctrl-C to stop");
      err.flush();
      while (!stopped) {
        Set<Path> changed = watcher.awaitChanges(WATCH_QUIET);
        if (changed.isEmpty() || stopped) {
          break;
        }
        IngestReport report = runJob(model, c, List.copyOf(changed), options, err);
        printSummary(out, report, c.layout());
      }
    }
  }

  /** The shutdown hook: cancel the run, wake the watcher, and wait until the index is closed. */
  private void stop(CountDownLatch finished) {
    stopped = true;
    IngestJob job = current;
    if (job != null) {
      job.cancel();
    }
    FolderWatcher watcher = closeOnStop;
    try {
      if (watcher != null) {
        watcher.close();
      }
      finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("clipsearch: closing the folder watcher: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Progress lines on stderr: phase changes at once, otherwise one a second. */
  private static Consumer<IngestProgress> printer(PrintWriter err) {
    return new Consumer<>() {
      private long last;
      private IngestProgress.Phase lastPhase;

      @Override
      public void accept(IngestProgress p) {
        long now = System.nanoTime();
        if (p.phase() != lastPhase || now - last >= 1_000_000_000L) {
          err.println(p.line());
          err.flush();
          last = now;
          lastPhase = p.phase();
        }
      }
    };
  }

  private static void printSummary(PrintWriter out, IngestReport report, CollectionLayout layout)
      throws IOException {
    Path file = report.write(layout.reportsDir());
    IngestProgress c = report.counts();
    out.printf(
        Locale.ROOT,
        "%s: %d files in %.1f s: %d embedded, %d unchanged, %d moved, %d copied,"
            + " %d deleted, %d failed%n",
        report.cancelled() ? "cancelled" : "indexed",
        c.seen(),
        report.duration().toMillis() / 1000.0,
        c.embedded(),
        c.unchanged(),
        c.moved(),
        c.copied(),
        c.deleted(),
        c.failed());
    out.println("report (" + report.skipped().size() + " skipped): " + file);
    out.flush();
  }
}
