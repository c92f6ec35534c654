// Contender: the wasm core (build/wasm/nl_core.mjs) in Node, through the
// loader the pages use. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import { loadCore } from '../web/src/core/core.js';
import { benchCore } from './suite.mjs';

const workloads = JSON.parse(await readFile(new URL('./workloads.json', import.meta.url), 'utf8'));
const core = await loadCore({ moduleUrl: new URL('../build/wasm/nl_core.mjs', import.meta.url) });
const result = benchCore(core, workloads);
console.log(JSON.stringify({ engine: `node ${process.version} (V8 ${process.versions.v8})`, ...result }));
