/**
 * Ingest: keeps a collection's index in step with its folders. {@link
 * io.clipsearch.ingest.IngestJob} scans root folders, skips files the index already holds
 * unchanged, re-uses vectors of moved and copied files, decodes the rest once (for the tensor, the
 * EXIF facts and the thumbnail), embeds them in batches and writes them to a {@link
 * io.clipsearch.index.ImageIndex} with periodic commits, and the thumbnails to the collection's
 * {@link io.clipsearch.collection.ThumbnailStore}. {@link io.clipsearch.ingest.IndexJobs} runs such
 * jobs for a long-running process (one thread each, at most one per collection, cancelled and
 * awaited on close); {@link io.clipsearch.ingest.FolderWatcher} reports changed folders for {@code
 * --watch}. Depends on {@code collection}, {@code model} and {@code index}; knows nothing of
 * servers. Tags come through {@link io.clipsearch.ingest.ImageTagger}, which the CLI and server
 * fill with the cluster package's zero-shot labeler (ingest does not import {@code cluster});
 * {@link io.clipsearch.ingest.Retagger} re-tags an index from its stored vectors. {@link
 * io.clipsearch.ingest.RootedFile} is the one way a photo (or a folder's {@code MANIFEST.tsv}) is
 * opened; {@link io.clipsearch.ingest.PhotoHeader}, {@link io.clipsearch.ingest.ExposureReader} and
 * {@link io.clipsearch.ingest.PhotoCredits} read what a detail view asks of a file, when it asks:
 * its exposure and who to credit for it.
 */
package io.clipsearch.ingest;
