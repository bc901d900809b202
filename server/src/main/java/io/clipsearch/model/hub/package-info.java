/**
 * Fetching CLIP models: the catalog of known published models ({@link
 * io.clipsearch.model.hub.KnownModels}), the folder layout a model must have ({@link
 * io.clipsearch.model.hub.ModelLayout}) and the resumable, verified download from the Hugging Face
 * Hub ({@link io.clipsearch.model.hub.ModelDownloader}).
 *
 * <p>Nothing here loads or runs a model; it only puts files in place for the loader.
 */
package io.clipsearch.model.hub;
