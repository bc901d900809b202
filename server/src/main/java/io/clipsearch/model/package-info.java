/**
 * CLIP inference: {@link io.clipsearch.model.ClipModel} embeds texts and images into one
 * L2-normalized space, reproducing the reference implementation (open_clip). Models are folders
 * in the published export layout ({@link io.clipsearch.model.ModelFolder}), run on ONNX Runtime
 * or PyTorch through DJL. Engine types stay inside this package; nothing here knows about indexes
 * or servers.
 */
package io.clipsearch.model;
