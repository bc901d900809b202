/**
 * CLIP inference: {@link io.clipsearch.model.ClipModel} embeds texts and images into one
 * L2-normalized space, reproducing the reference implementation (open_clip). {@link
 * io.clipsearch.model.ClipModels} chooses how a folder loads: a {@link
 * io.clipsearch.model.ModelFamily} registered as a service provider that recognizes it (the mini
 * model, {@code model.mini}), else the open_clip export layout ({@link
 * io.clipsearch.model.OpenClipFamily}, {@link io.clipsearch.model.ModelFolder}) run on ONNX Runtime
 * or PyTorch through DJL; the tokenizer of an open_clip folder is chosen by {@link
 * io.clipsearch.model.TokenizerFamily}. This package imports none of its families' packages. Vector
 * arithmetic ({@link io.clipsearch.model.Vectors}) and prompt ensembling ({@link
 * io.clipsearch.model.PromptEnsemble}) live here once for every caller. Engine types stay inside
 * this package; nothing here knows about indexes or servers.
 */
package io.clipsearch.model;
