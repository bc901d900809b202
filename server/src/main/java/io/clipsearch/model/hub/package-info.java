/**
 * Fetching CLIP models: the catalog of known published models ({@link
 * io.clipsearch.model.hub.KnownModels}), the folder layout a model must have ({@link
 * io.clipsearch.model.hub.ModelLayout}) and the resumable, verified download from the Hugging Face
 * Hub ({@link io.clipsearch.model.hub.ModelDownloader}), made of one class per job: the file list
 * ({@code HubListing}), HTTP with the token kept on the Hub's origin ({@code HubClient}), the
 * ranged transfer into {@code .part} files ({@code RangeDownload}, {@code IdleWatchdog}), hash
 * verification ({@code HubFileCheck}) and the move into place ({@code PartFiles}).
 *
 * <p>Nothing here loads or runs a model; it only puts files in place for the loader.
 */
package io.clipsearch.model.hub;
