// Writes nsfwjs's bundled models (JavaScript modules wrapping a tfjs model.json and base64 weight
// shards) as plain tfjs files: OUT/<model>/model.json and OUT/<model>/weights.bin.
// Usage: node unpack.mjs OUT [model ...]   (default: mobilenet_v2_mid)
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const [out, ...names] = process.argv.slice(2);
if (!out) {
  console.error('usage: node unpack.mjs OUT [model ...]');
  process.exit(2);
}
// the package's exports hide its model files; they sit in its folder under node_modules
const models = fileURLToPath(new URL('node_modules/nsfwjs/dist/models', import.meta.url));
for (const name of names.length ? names : ['mobilenet_v2_mid']) {
  const model = require(join(models, name, 'model.min.js'));
  const shards = [];
  for (const group of model.weightsManifest) {
    for (const path of group.paths) {
      // the modules export the shard's bytes as base64
      const file = join(models, name, path + '.min.js');
      shards.push(Buffer.from(require(file), 'base64'));
    }
    group.paths = ['weights.bin'];
  }
  if (model.weightsManifest.length !== 1) {
    throw new Error(name + ': more than one weight group');
  }
  mkdirSync(join(out, name), { recursive: true });
  writeFileSync(join(out, name, 'weights.bin'), Buffer.concat(shards));
  writeFileSync(join(out, name, 'model.json'), JSON.stringify(model));
  console.log(name + ': ' + Buffer.concat(shards).length + ' weight bytes');
}
