/**
 * Ingest: keeps a collection's index in step with its folders, and reads what a detail view asks of
 * a photo's file.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.ingest.IngestJob}: one run. A scan ({@link
 *       io.clipsearch.ingest.ScanFeed}, {@link io.clipsearch.ingest.FileScanner}) streams new and
 *       changed files to workers, which read and hash each file ({@link
 *       io.clipsearch.ingest.RootedFile}, the one way a photo is opened), re-use the stored vector
 *       of content the index already holds (unchanged, moved, copied), and send the rest through
 *       the model's {@link io.clipsearch.model.ImagePipeline}: its decode hook writes the thumbnail
 *       and reads the EXIF facts ({@link io.clipsearch.ingest.ExifReader}) from the one decode, and
 *       finds the photo's faces ({@code people.PhotoFaces}). The calling thread embeds in batches,
 *       tags ({@link io.clipsearch.ingest.ImageTagger}) and writes documents with periodic commits;
 *       after a complete run {@link io.clipsearch.ingest.FaceCatchUp} brings the faces in step with
 *       the index (faces of photos gone deleted, photos without faces looked at, no embedding) and
 *       clusters them into persons.
 *   <li>{@link io.clipsearch.ingest.IngestOptions}, {@link io.clipsearch.ingest.IngestProgress} and
 *       {@link io.clipsearch.ingest.IngestReport}: how a run is tuned, what it says while it runs,
 *       and what it did (skipped files with their {@link io.clipsearch.ingest.SkipReason}).
 *   <li>{@link io.clipsearch.ingest.IndexJobs}: runs jobs for a long-running process, one thread
 *       each, at most one per collection, cancelled and awaited on close; {@link
 *       io.clipsearch.ingest.FolderWatcher} reports changed folders for {@code --watch}; {@link
 *       io.clipsearch.ingest.Retagger} re-tags an index from its stored vectors.
 *   <li>{@link io.clipsearch.ingest.PhotoHeader}, {@link io.clipsearch.ingest.ExposureReader} and
 *       {@link io.clipsearch.ingest.PhotoCredits}: what a detail view asks of a file, when it asks
 *       (its exposure, who to credit), not indexed.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * IngestJob job = new IngestJob(model, index, thumbs, List.of(root), IngestOptions.defaults(),
 *     progress -> log.info(progress.line()));
 * IngestReport report = job.run(); // from another thread: job.cancel()
 * }</pre>
 *
 * <p>Depends on {@code collection}, {@code model}, {@code index} and {@code people}; knows nothing
 * of servers. Tags come through {@link io.clipsearch.ingest.ImageTagger}, which the CLI and server
 * fill with the cluster package's zero-shot labeler: ingest does not import {@code cluster}.
 */
package io.clipsearch.ingest;
