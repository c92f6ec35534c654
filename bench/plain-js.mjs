// Contender: plain JavaScript loops over Float32Arrays in Node. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import { benchPlainJs } from './suite.mjs';

const workloads = JSON.parse(await readFile(new URL('./workloads.json', import.meta.url), 'utf8'));
const result = benchPlainJs(workloads);
console.log(JSON.stringify({ engine: `node ${process.version} (V8 ${process.versions.v8})`, ...result }));
