// Reference features of the bundled model's image backbone (nsfwjs's MobileNet v2 1.4, the TF Hub
// ImageNet feature vector), computed by tfjs itself, for BackboneParityTest.
// Usage: node unpack.mjs /tmp/backbone && node generate-reference.mjs /tmp/backbone
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const SHARED = join(REPO, '..', 'shared');
const OUT = join(REPO, 'server', 'src', 'test', 'resources', 'io', 'clipsearch', 'model', 'lit', 'backbone-reference.json');
const MODEL = 'mobilenet_v2_mid';
const SIZE = 224;
// the graph's feature vector: the pooled 1792 values the nsfw classifier head reads
const FEATURES =
  'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';
const PHOTOS = JSON.parse(readFileSync(join(HERE, 'photos.json'), 'utf8'));

async function load(folder) {
  const model = JSON.parse(readFileSync(join(folder, MODEL, 'model.json'), 'utf8'));
  const weights = readFileSync(join(folder, MODEL, 'weights.bin'));
  return tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
      format: model.format,
      generatedBy: model.generatedBy,
      convertedBy: model.convertedBy,
    }),
  );
}

async function decode(path) {
  const { data, info } = await sharp(path).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${path}: ${info.channels} channels after decoding`);
  return { data, width: info.width, height: info.height };
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node generate-reference.mjs UNPACKED_FOLDER (from unpack.mjs)');
  process.exit(2);
}
await tf.setBackend('cpu');
await tf.ready();
const model = await load(folder);
const photos = [];
for (const file of PHOTOS) {
  const image = await decode(join(SHARED, file));
  const features = tf.tidy(() => {
    const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32').toFloat();
    const input = tf.image.resizeBilinear(pixels, [SIZE, SIZE], false, false).div(255).expandDims(0);
    return model.execute(input, FEATURES);
  });
  const values = Array.from(await features.data(), (v) => Number(v.toFixed(7)));
  features.dispose();
  console.log(`${file}\t${values.length} values\tnorm ${Math.hypot(...values).toFixed(3)}`);
  photos.push({
    file,
    width: image.width,
    height: image.height,
    rgbSha256: createHash('sha256').update(image.data).digest('hex'),
    features: values,
  });
}
const reference = {
  generator: 'scripts/backbone/generate-reference.mjs',
  nsfwjs: JSON.parse(readFileSync(join(HERE, 'node_modules', 'nsfwjs', 'package.json'), 'utf8')).version,
  model: MODEL,
  tfjs: tf.version.tfjs,
  backend: tf.getBackend(),
  decoder: `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), EXIF auto-orientation, RGB`,
  preprocessing: `resizeBilinear to ${SIZE}x${SIZE} (alignCorners=false, halfPixelCenters=false), x/255; the graph maps it to x*2-1`,
  output: FEATURES,
  photos,
};
writeFileSync(OUT, `${JSON.stringify(reference)}\n`);
console.log(`wrote ${relative(REPO, OUT)}`);
