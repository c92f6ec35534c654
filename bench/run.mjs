// `npm run bench` (after setup and build): runs every contender in its own
// process, one after another so that none competes with another for the CPU,
// in BENCH_ROUNDS rounds (default 3), then prints one table with the ratios
// and the targets, and writes it all to bench/results/latest.json. A missed target is reported, not fatal: the exit
// status is non-zero only when the benchmark itself could not run.
//
// Contenders, all single-threaded, all on the workloads of bench/workloads.json
// (dense: 1024 x 256 through 256 -> 256 + bias + ReLU; grid: 200 x 200 points
// of [-3, 3]^2 through 2-8-8-1, tanh/tanh/sigmoid):
//   native         build/native/nl_bench_native (bench/native.cpp, g++ -O3 -march=native)
//   wasm-node      the wasm core through its loader in Node   (bench/wasm-node.mjs)
//   wasm-chromium  the same in headless Chromium              (bench/chromium.mjs wasm)
//   tfjs-node      TF.js 4.22 wasm backend, SIMD, 1 thread    (bench/tfjs-node.mjs)
//   tfjs-chromium  the same in headless Chromium              (bench/chromium.mjs tfjs)
//   plain-js       Float32Array loops in Node                 (bench/plain-js.mjs)
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const CHILD_TIMEOUT_MS = 10 * 60 * 1000;

const CONTENDERS = [
  { id: 'native', label: 'native C++ (g++ -O3 -march=native)', command: [join(root, 'build/native/nl_bench_native')] },
  { id: 'wasm-node', label: 'wasm core, Node', command: [node, 'bench/wasm-node.mjs'] },
  { id: 'wasm-chromium', label: 'wasm core, Chromium', command: [node, 'bench/chromium.mjs', 'wasm'] },
  { id: 'tfjs-node', label: 'TF.js wasm, Node', command: [node, 'bench/tfjs-node.mjs'] },
  { id: 'tfjs-chromium', label: 'TF.js wasm, Chromium', command: [node, 'bench/chromium.mjs', 'tfjs'] },
  { id: 'plain-js', label: 'plain JS, Node', command: [node, 'bench/plain-js.mjs'] },
];

/** Runs a command; resolves to the JSON object on its last line of output. */
function runJson([command, ...args]) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        reject(new Error(`${why}: ${(err.trim() || out.trim()).split('\n').slice(-3).join(' | ')}`));
        return;
      }
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`no JSON result in its output: ${last.slice(0, 200)}`));
      }
    });
  });
}

// bench/native.cpp prints flat fields; give them the shape of the others.
function fromNative(r) {
  return {
    engine: 'g++ -O3 -march=native, median of 50 runs after 1 warm-up',
    dense: { median: r.dense_ms, gflops: r.dense_gflops },
    grid: { median: r.grid_ms },
  };
}

const workloads = JSON.parse(await readFile(join(root, 'bench/workloads.json'), 'utf8'));
// Rounds: every contender runs once per round, in a fresh process, and the
// order flips every other round, so a slow spell of a shared machine is spread
// over the contenders instead of landing on one. Each result below is the
// median of the per-round medians (and the fastest single run seen).
const rounds = Math.max(1, Number.parseInt(process.env.BENCH_ROUNDS ?? '3', 10) || 3);
const started = new Date();
const loadBefore = loadavg();
const perRound = Object.fromEntries(CONTENDERS.map((c) => [c.id, []]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...CONTENDERS].reverse() : CONTENDERS;
  for (const c of order) {
    process.stderr.write(`bench: round ${round + 1}/${rounds}: ${c.label} ... `);
    const t0 = performance.now();
    try {
      const r = await runJson(c.command);
      perRound[c.id].push(c.id === 'native' ? fromNative(r) : r);
      process.stderr.write(`done (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    } catch (e) {
      perRound[c.id].push({ error: e.message });
      process.stderr.write(`FAILED: ${e.message}\n`);
    }
  }
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n === 0 ? undefined : n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One result per contender from its rounds (failed rounds left out).
function combine(runs) {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return { error: runs.map((r) => r.error).join('; ') };
  const out = { engine: ok[0].engine, rounds: ok.length, failedRounds: runs.length - ok.length };
  for (const what of ['dense', 'grid', 'neuron', 'layer']) {
    if (!ok[0][what]) continue;
    const medians = ok.map((r) => r[what].median);
    const mins = ok.map((r) => r[what].min).filter((m) => m !== undefined);
    out[what] = {
      median: median(medians),
      min: mins.length ? Math.min(...mins) : undefined,
      roundMedians: medians,
    };
  }
  if (out.dense)
    out.dense.gflops =
      (2 * workloads.dense.batch * workloads.dense.nIn * workloads.dense.nOut) / out.dense.median / 1e6;
  return out;
}
const results = {};
for (const c of CONTENDERS) results[c.id] = { label: c.label, ...combine(perRound[c.id]) };

async function gzipped(file) {
  const bytes = await readFile(join(root, file));
  return { file, bytes: bytes.length, gzip9: gzipSync(bytes, { level: 9 }).length };
}
const sizes = await Promise.all(['build/wasm/nl_core.wasm', 'build/wasm/nl_core.mjs'].map(gzipped));

// Ratios: dense throughput (time of the other / time of ours), so > 1 means
// the first named is faster.
const ms = (id, what) => results[id]?.[what]?.median;
const speedup = (ours, theirs, what = 'dense') =>
  ms(ours, what) && ms(theirs, what) ? ms(theirs, what) / ms(ours, what) : null;
const ratios = [
  { name: 'dense: wasm-node / native', value: speedup('wasm-node', 'native'), target: 0.7 },
  { name: 'dense: wasm-chromium / native', value: speedup('wasm-chromium', 'native'), target: 0.7 },
  { name: 'dense: wasm-node vs TF.js-wasm-node', value: speedup('wasm-node', 'tfjs-node'), target: 1.0 },
  {
    name: 'dense: wasm-chromium vs TF.js-wasm-chromium',
    value: speedup('wasm-chromium', 'tfjs-chromium'),
    target: 1.5,
  },
  { name: 'dense: wasm-node vs plain JS', value: speedup('wasm-node', 'plain-js') },
  { name: 'dense: wasm-chromium vs plain JS', value: speedup('wasm-chromium', 'plain-js') },
  { name: 'grid: wasm-node vs TF.js-wasm-node', value: speedup('wasm-node', 'tfjs-node', 'grid') },
  { name: 'grid: wasm-chromium vs TF.js-wasm-chromium', value: speedup('wasm-chromium', 'tfjs-chromium', 'grid') },
  { name: 'grid: wasm-node vs plain JS', value: speedup('wasm-node', 'plain-js', 'grid') },
];
const atMost = (name, value, limit, unit) => ({ name, value, limit, unit });
const limits = [
  atMost('grid: wasm-node', ms('wasm-node', 'grid'), 2, 'ms'),
  atMost('grid: wasm-chromium', ms('wasm-chromium', 'grid'), 2, 'ms'),
  atMost('one neuron from JS: Node', ms('wasm-node', 'neuron'), 1000, 'ns'),
  atMost('one neuron from JS: Chromium', ms('wasm-chromium', 'neuron'), 1000, 'ns'),
  atMost('one 3x4 layer from JS: Node', ms('wasm-node', 'layer'), 1000, 'ns'),
  atMost('one 3x4 layer from JS: Chromium', ms('wasm-chromium', 'layer'), 1000, 'ns'),
  atMost('nl_core.wasm gzip -9', sizes[0].gzip9 / 1000, 80, 'KB'),
];
const verdict = (ok) => (ok === null ? 'MISS (no result)' : ok ? 'PASS' : 'MISS');
for (const r of ratios) r.pass = r.target === undefined ? undefined : r.value === null ? null : r.value >= r.target;
for (const l of limits) {
  l.pass =
    l.value === undefined || l.value === null
      ? null
      : l.unit === 'ms' || l.unit === 'ns'
        ? l.value < l.limit
        : l.value <= l.limit;
}

// The table.
const fmt = (v, digits = 2) => (v === undefined || v === null ? '-' : v.toFixed(digits));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const lines = [];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
lines.push(`NeuronLab benchmark, ${started.toISOString()}`);
lines.push(`${cpu}, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at start`);
lines.push(
  `dense ${workloads.dense.batch}x${workloads.dense.nIn} -> ${workloads.dense.nOut} (${workloads.dense.activation}), ` +
    `grid ${workloads.grid.side}x${workloads.grid.side} through ${workloads.grid.sizes.join('-')} ` +
    `(${workloads.grid.activations.join('/')})`,
);
lines.push(
  `each figure: median over ${rounds} rounds (a fresh process each) of the median of ${workloads.runs} runs after ` +
    `${workloads.warmup} warm-up (native: 50 after 1); (min): fastest single run; per call: median of ` +
    `${workloads.callBatches} x ${workloads.calls} calls`,
);
lines.push('');
lines.push(
  `${pad('contender', 36)}${lpad('dense ms', 10)}${lpad('(min)', 8)}${lpad('GFLOP/s', 9)}${lpad('grid ms', 9)}${lpad('(min)', 8)}` +
    `${lpad('neuron ns', 11)}${lpad('layer ns', 10)}`,
);
for (const c of CONTENDERS) {
  const r = results[c.id];
  if (r.error) {
    lines.push(`${pad(c.label, 36)}ERROR: ${r.error}`);
    continue;
  }
  lines.push(
    `${pad(c.label, 36)}${lpad(fmt(r.dense.median), 10)}${lpad(fmt(r.dense.min), 8)}${lpad(fmt(r.dense.gflops, 1), 9)}` +
      `${lpad(fmt(r.grid.median), 9)}${lpad(fmt(r.grid.min), 8)}${lpad(fmt(r.neuron?.median, 0), 11)}${lpad(fmt(r.layer?.median, 0), 10)}`,
  );
}
for (const c of CONTENDERS) {
  if (results[c.id].failedRounds)
    lines.push(`note: ${c.label} failed in ${results[c.id].failedRounds} round(s): see perRound in latest.json`);
}
lines.push('');
lines.push('per-round medians, ms (dense | grid): how much the machine moved during the run');
for (const c of CONTENDERS) {
  const r = results[c.id];
  if (r.error) continue;
  const list = (v) => v.roundMedians.map((m) => m.toFixed(2)).join(' ');
  lines.push(`  ${pad(c.label, 36)}${list(r.dense)} | ${list(r.grid)}`);
}
lines.push('');
lines.push('ratios (time of the second / time of the first: > 1 means the first is faster)');
for (const r of ratios) {
  const target = r.target === undefined ? '' : `target >= ${r.target.toFixed(2)}   ${verdict(r.pass)}`;
  lines.push(`  ${pad(r.name, 46)}${lpad(fmt(r.value), 8)}   ${target}`);
}
lines.push('');
lines.push('limits');
for (const l of limits) {
  lines.push(
    `  ${pad(l.name, 46)}${lpad(fmt(l.value, l.unit === 'KB' ? 1 : 2), 8)} ${pad(l.unit, 3)} target ${l.unit === 'KB' ? '<=' : '<'} ${l.limit} ${pad(l.unit, 3)} ${verdict(l.pass)}`,
  );
}
lines.push('');
lines.push('sizes');
for (const s of sizes) lines.push(`  ${pad(s.file, 46)}${lpad(s.bytes, 8)} B raw  ${lpad(s.gzip9, 7)} B gzip -9`);
lines.push('');
lines.push('engines');
for (const c of CONTENDERS) if (results[c.id].engine) lines.push(`  ${pad(c.id, 15)}${results[c.id].engine}`);
console.log(lines.join('\n'));

await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(
  join(root, 'bench/results/latest.json'),
  `${JSON.stringify(
    {
      date: started.toISOString(),
      machine: {
        cpu,
        cores: cpus().length,
        loadavgAtStart: loadBefore,
        loadavgAtEnd: loadavg(),
        node: process.version,
      },
      workloads,
      rounds,
      contenders: results,
      perRound,
      ratios,
      limits,
      sizes,
      table: lines,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwritten to bench/results/latest.json');
