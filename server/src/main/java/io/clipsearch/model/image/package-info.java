/**
 * Image files in, model input out, exactly as the reference (Pillow + torchvision) does it.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.model.image.ImageSource}: where the encoded bytes come from, a file or
 *       an upload.
 *   <li>{@link io.clipsearch.model.image.ImageDecoder}: reads the bytes, sniffs the format from its
 *       signature, parses the header once (size, EXIF orientation, the rest of the metadata),
 *       refuses images over the pixel cap, and hands the pixels to the {@link
 *       io.clipsearch.model.image.FormatDecoder} of the format. The result is a {@link
 *       io.clipsearch.model.image.DecodedFile}: upright RGB pixels ({@link
 *       io.clipsearch.model.image.DecodedImage}) and the parsed metadata. A file that cannot be
 *       decoded raises an {@link io.clipsearch.model.image.ImageDecodeException} with its reason.
 *   <li>{@link io.clipsearch.model.image.FormatDecoder}: the one place formats plug in. Today
 *       OpenCV reads JPEG, PNG, WebP, BMP and TIFF, and ImageIO reads GIF; a new format (HEIC,
 *       AVIF, camera RAW) is one more implementation, listed in {@code ImageDecoder.FORMATS}.
 *   <li>{@link io.clipsearch.model.image.ClipPreprocessor}: pixels to the normalized CHW tensor a
 *       visual encoder takes (resize with Pillow's filters, {@link
 *       io.clipsearch.model.image.PilResampler}; crop or squash; mean and std), as {@link
 *       io.clipsearch.model.image.PreprocessConfig} of the model's folder says.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * ImageDecoder decoder = new ImageDecoder();
 * DecodedFile file = decoder.decodeFile(ImageSource.of(Path.of("photo.jpg")), 0);
 * PreprocessConfig config = PreprocessConfig.read(modelDir.resolve("preprocess_cfg.json"));
 * float[] tensor = new ClipPreprocessor(config).toTensor(file.image());
 * }</pre>
 *
 * <p>{@link io.clipsearch.model.ImagePipeline} strings these steps together for a model. No
 * inference engine types here; the decoders and the preprocessor are thread-safe.
 */
package io.clipsearch.model.image;
