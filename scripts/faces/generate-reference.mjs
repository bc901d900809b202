// Writes the reference outputs of face-api (SSD MobileNet v1 detection, 68-point landmarks and
// 128-d descriptors) on fixture photos from ../shared, for FaceParityTest.
//
//   cd scripts/faces && npm ci && node generate-reference.mjs [--scan FOLDER]
//
// Runs on tfjs's pure-JS CPU backend (tfjs-node needs a native download; the CPU backend is the
// slowest but the plainest arithmetic). Photos are decoded by sharp (libvips with mozjpeg, i.e.
// libjpeg-turbo's decoder, as OpenCV uses on the Java side) and auto-oriented by EXIF, then handed
// to face-api as an RGB tensor: face-api's tensor path (padToSquare + resizeBilinear) is the one
// the Java side reimplements. The SHA-256 of each photo's decoded RGB bytes is recorded, so the
// test can tell a decoder difference from a model difference.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const SHARED = join(REPO, '..', 'shared');
const MODELS = join(HERE, 'node_modules', '@vladmandic', 'face-api', 'model');
const OUT = join(REPO, 'server', 'src', 'test', 'resources', 'io', 'clipsearch', 'faces', 'reference.json');
const MIN_CONFIDENCE = 0.5; // face-api's default for SsdMobilenetv1Options
const PHOTOS = JSON.parse(readFileSync(join(HERE, 'photos.json'), 'utf8'));

async function decode(path) {
  const { data, info } = await sharp(path).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${path}: ${info.channels} channels after decoding`);
  return { data, width: info.width, height: info.height };
}

async function facesOf(image, minConfidence) {
  const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  try {
    const options = new faceapi.SsdMobilenetv1Options({ minConfidence });
    return await faceapi.detectAllFaces(input, options).withFaceLandmarks().withFaceDescriptors();
  } finally {
    input.dispose();
  }
}

const round = (v, digits) => Number(v.toFixed(digits));

function faceJson(face) {
  const { box, score } = face.detection;
  return {
    score: round(score, 7),
    box: [box.x, box.y, box.width, box.height].map((v) => round(v, 6)),
    landmarks: face.landmarks.positions.flatMap((p) => [round(p.x, 4), round(p.y, 4)]),
    descriptor: Array.from(face.descriptor, (v) => round(v, 7)),
  };
}

async function scan(folder) {
  for (const name of readdirSync(join(SHARED, folder), { recursive: true }).sort()) {
    if (!/\.(jpe?g|png)$/i.test(name)) continue;
    const path = join(SHARED, folder, name);
    const faces = await facesOf(await decode(path), MIN_CONFIDENCE);
    if (faces.length) console.log(`${relative(SHARED, path)}\t${faces.length}\t${faces.map((f) => f.detection.score.toFixed(3)).join(',')}`);
  }
}

async function reference() {
  const photos = [];
  for (const [split, files] of Object.entries(PHOTOS)) {
    for (const file of files) {
      const image = await decode(join(SHARED, file));
      const started = performance.now();
      const faces = await facesOf(image, MIN_CONFIDENCE);
      console.log(`${split}\t${file}\t${faces.length} faces\t${(performance.now() - started).toFixed(0)} ms`);
      photos.push({
        file,
        split,
        width: image.width,
        height: image.height,
        rgbSha256: createHash('sha256').update(image.data).digest('hex'),
        faces: faces.map(faceJson),
      });
    }
  }
  const reference = {
    generator: 'scripts/faces/generate-reference.mjs',
    faceApi: require('@vladmandic/face-api/package.json').version,
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    decoder: `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}, mozjpeg), EXIF auto-orientation, RGB`,
    minConfidence: MIN_CONFIDENCE,
    nmsIouThreshold: 0.5,
    preprocessing: {
      detector: 'pad bottom/right with zeros to a square, resizeBilinear to 512x512 (alignCorners=false, halfPixelCenters=false), x/127.5-1',
      landmarks: 'crop floor(clip(detection box)), pad to a square (centred: round(diff/2) after, the rest before), resizeBilinear to 112x112, (x-[122.782,117.001,104.298])/255',
      descriptor: 'dlib alignment box from the eye and mouth centres of the landmarks, crop, pad centred to a square, resizeBilinear to 150x150, (x-[122.782,117.001,104.298])/255',
    },
    photos,
  };
  writeFileSync(OUT, `${JSON.stringify(reference)}\n`);
  console.log(`wrote ${relative(REPO, OUT)}`);
}

await tf.setBackend('cpu');
await tf.ready();
await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODELS);
await faceapi.nets.faceLandmark68Net.loadFromDisk(MODELS);
await faceapi.nets.faceRecognitionNet.loadFromDisk(MODELS);
if (process.argv[2] === '--scan') await scan(process.argv[3]);
else await reference();
