/**
 * Faces: detection, 68-point landmarks and 128-d descriptors, exact to face-api's reference
 * ({@code @vladmandic/face-api}, the face-api.js models). {@link io.clipsearch.faces.FaceFinder}
 * turns a decoded image into {@link io.clipsearch.faces.Face}s; {@link
 * io.clipsearch.faces.FaceModels} loads the three ONNX nets that {@link
 * io.clipsearch.faces.TfjsFaceExport} writes, at development time, from the package's tfjs weights.
 * The nets run on ONNX Runtime through DJL (engine types only in {@code OnnxNet}); every step
 * around them (padding and bilinear resizing, anchor decoding, non-maximum suppression, the mapping
 * of landmarks back to the image, dlib's alignment crop) is Java here, following face-api's
 * arithmetic. Imports {@code model.image} (decoding), {@code model.onnx} (the ONNX messages) and
 * {@code model.tfjs} (tfjs weights, the ONNX graph writer), nothing else of clipsearch.
 */
package io.clipsearch.faces;
