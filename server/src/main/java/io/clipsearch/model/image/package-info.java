/**
 * Images in, model input out: {@link io.clipsearch.model.image.ImageDecoder} turns encoded bytes
 * into upright RGB pixels, {@link io.clipsearch.model.image.ClipPreprocessor} turns those into the
 * normalized tensor a CLIP visual encoder takes, matching open_clip's reference preprocessing (PIL
 * + torchvision) exactly. No inference engine types here.
 */
package io.clipsearch.model.image;
