#!/usr/bin/env node
// npx nlpy FILE.py: runs a program with the wasm build of NeuronLab's Python
// (build/wasm/nlpy.mjs, made by scripts/build.sh). As `python3 FILE.py`: the
// program's stdout byte for byte, a traceback on stderr and exit status 1 on an
// uncaught error. --budget STEPS sets the step budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../build/wasm/nlpy.mjs', import.meta.url);

function usage() {
  process.stderr.write('usage: nlpy [--budget STEPS] FILE.py\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let path = null;
let budget = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget' && i + 1 < args.length) budget = Number(args[++i]);
  else if (path === null) path = args[i];
  else usage();
}
if (path === null) usage();

let source;
try {
  source = readFileSync(path);
} catch {
  process.stderr.write(`nlpy: can't open file '${path}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}

let createNlpy;
try {
  ({ default: createNlpy } = await import(moduleUrl));
} catch {
  process.stderr.write(`nlpy: ${fileURLToPath(moduleUrl)} is missing: build it with "npm run build"\n`);
  process.exit(2);
}
// Node's fetch cannot read file: URLs, so the wasm binary is handed over directly.
const wasm = await createNlpy({ wasmBinary: readFileSync(new URL('nlpy.wasm', moduleUrl)) });

// Copy the source and the file name into the wasm heap, run, read the output back.
const name = Buffer.from(resolve(path) + '\0', 'utf8');
const src = wasm._malloc(source.length + 1);
const file = wasm._malloc(name.length);
wasm.HEAPU8.set(source, src);
wasm.HEAPU8.set(name, file);
const status = wasm._nlpy_run(src, source.length, file, budget);
wasm._free(src);
wasm._free(file);

const bytes = (data, size) => Buffer.from(wasm.HEAPU8.subarray(data, data + size));
const out = bytes(wasm._nlpy_stdout_data(), wasm._nlpy_stdout_size());
const err = bytes(wasm._nlpy_stderr_data(), wasm._nlpy_stderr_size());

// Write everything before exiting (pipes are asynchronous in Node).
const write = (stream, data) =>
  new Promise((done) => (data.length ? stream.write(data, done) : done()));
await write(process.stdout, out);
await write(process.stderr, err);
process.exitCode = status;
