// Contender: TF.js 4.22 with its wasm backend in Node, one thread, SIMD on.
// Prints one JSON line.
//
// The backend's Node build (dist/tf-backend-wasm.node.js, CommonJS) asks its
// Emscripten glue for setWasmPaths' prefix + file name, which under Node reads
// it with fs.readFileSync: a directory path ending in a separator works (so does
// a file: URL string); an http URL does not, and neither does
// setWasmPaths(..., true), which would hand the file to a fetch that Node 20
// cannot use for files. In Node it never picks the threaded binary
// (WASM_HAS_MULTITHREAD_SUPPORT is false under IS_NODE); setThreadsCount(1)
// also keeps XNNPACK's pool at one thread.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { benchTfjs } from './suite.mjs';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
const wasm = require('@tensorflow/tfjs-backend-wasm');

const workloads = JSON.parse(await readFile(new URL('./workloads.json', import.meta.url), 'utf8'));
wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep);
wasm.setThreadsCount(1);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
if (!(await tf.setBackend('wasm'))) throw new Error('the TF.js wasm backend did not initialise');
await tf.ready();
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
const result = benchTfjs(tf, workloads);
console.log(
  JSON.stringify({
    engine: `node ${process.version} (V8 ${process.versions.v8}), tfjs ${tf.version_core} wasm, simd ${simd}, threads ${wasm.getThreadsCount()}`,
    ...result,
  }),
);
