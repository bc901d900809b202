/**
 * Fetching CLIP models from the Hugging Face Hub into the layout the loader reads. Nothing here
 * loads or runs a model; it only puts files in place.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.hub.KnownModels}: the catalog of published models ({@link
 *       io.clipsearch.model.hub.KnownModel}), by name.
 *   <li>{@link io.clipsearch.model.hub.ModelLayout}: the files a model folder must have.
 *   <li>{@link io.clipsearch.model.hub.ModelDownloader}: the resumable, verified download, made of
 *       one class per job: the file list ({@code HubListing}), HTTP with the token kept on the
 *       Hub's origin ({@code HubClient}), the ranged transfer into {@code .part} files ({@code
 *       RangeDownload}, {@code IdleWatchdog}), hash verification ({@code HubFileCheck}) and the
 *       move into place ({@code PartFiles}).
 *   <li>{@link io.clipsearch.model.hub.ProgressListener} and {@link
 *       io.clipsearch.model.hub.ConsoleProgressBar}: progress for people.
 *   <li>{@link io.clipsearch.model.hub.PullJob}: one pull a server runs in the background, watches
 *       and cancels; {@link io.clipsearch.model.hub.ModelShelf}: how complete the folders of a
 *       models folder are.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (ModelDownloader hub = ModelDownloader.fromEnvironment()) {
 *   Path folder = hub.pull(KnownModels.require("ViT-B-32"), Path.of("models"), progress);
 * }
 * }</pre>
 */
package io.clipsearch.model.hub;
