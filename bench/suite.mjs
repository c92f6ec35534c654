// The JavaScript side of `npm run bench`: the same data and the same timing
// for every contender that runs in a JavaScript engine, in Node and in
// Chromium alike (no Node or DOM imports here). The workloads are described in
// bench/workloads.json; bench/run.mjs runs each contender in its own process.

/** A seeded uniform generator on [0, 1) (mulberry32): the same numbers in every engine. */
export function uniform(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples from a uniform generator (Box-Muller). */
export function gaussian(next) {
  return () => {
    const u = 1 - next(); // in (0, 1]: log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
}

function randomFloats(normal, count, scale) {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = normal() * scale;
  return out;
}

/**
 * The inputs every contender uses: the dense batch x (batch x nIn), weights w
 * (nIn x nOut, cols layout) and biases b; the grid network's layers in the same
 * layout. Weights scaled by 1/sqrt(nIn) keep the dense outputs O(1).
 */
export function makeData(workloads) {
  const normal = gaussian(uniform(workloads.seed));
  const { batch, nIn, nOut } = workloads.dense;
  const dense = {
    x: randomFloats(normal, batch * nIn, 1),
    w: randomFloats(normal, nIn * nOut, 1 / Math.sqrt(nIn)),
    b: randomFloats(normal, nOut, 0.1),
  };
  const { sizes, activations } = workloads.grid;
  const layers = activations.map((activation, i) => ({
    nIn: sizes[i],
    nOut: sizes[i + 1],
    w: randomFloats(normal, sizes[i] * sizes[i + 1], 1),
    b: randomFloats(normal, sizes[i + 1], 0.1),
    activation,
  }));
  return { dense, layers };
}

/** The grid's sample points, (x, y) per cell centre, row 0 at ymax: what the core computes itself. */
export function gridPoints({ side, extent }) {
  const { xmin, xmax, ymin, ymax } = extent;
  const dx = (xmax - xmin) / side;
  const dy = (ymax - ymin) / side;
  const points = new Float32Array(2 * side * side);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const i = row * side + col;
      points[2 * i] = xmin + (col + 0.5) * dx;
      points[2 * i + 1] = ymax - (row + 0.5) * dy;
    }
  }
  return points;
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Times fn: `warmup` untimed calls, then `runs` timed ones; milliseconds. */
export function timeRuns(fn, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  const inOrder = times.map((t) => Math.round(t * 1000) / 1000);
  times.sort((a, b) => a - b);
  return { median: median(times), min: times[0], max: times[times.length - 1], runs, times: inOrder };
}

/** Nanoseconds per call of fn, the median over `batches` batches of `calls` calls. */
export function timeCalls(fn, { calls, batches }) {
  let sink = 0;
  for (let i = 0; i < calls / 10; i++) sink += fn();
  const perCall = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink += fn();
    perCall.push(((performance.now() - start) * 1e6) / calls);
  }
  perCall.sort((a, b) => a - b);
  if (Number.isNaN(sink)) throw new Error('a per-call result was NaN');
  return { median: median(perCall), min: perCall[0], calls, batches };
}

const flops = ({ batch, nIn, nOut }) => 2 * batch * nIn * nOut;

/** A value of out that depends on every input, so no engine can skip the work. */
function checksum(values) {
  let sum = 0;
  for (let i = 0; i < values.length; i += 97) sum += values[i];
  return sum;
}

/** The wasm core through its loader (web/src/core/core.js): dense, grid and one call from JS. */
export function benchCore(core, workloads) {
  const data = makeData(workloads);
  const { batch, nIn, nOut, activation } = workloads.dense;
  const buffer = (values) => {
    const b = core.float32Buffer(values.length);
    b.view().set(values);
    return b;
  };
  const x = buffer(data.dense.x);
  const w = buffer(data.dense.w);
  const b = buffer(data.dense.b);
  const out = core.float32Buffer(batch * nOut);
  const dense = timeRuns(() => core.denseF32(x, batch, nIn, w, b, nOut, out, activation), workloads);
  const denseChecksum = checksum(out.view());

  const { side, extent } = workloads.grid;
  const grid = core.createGrid(
    data.layers.map((l) => ({
      weights: { rows: l.nIn, cols: l.nOut, data: Float64Array.from(l.w) },
      biases: Float64Array.from(l.b),
      activation: l.activation,
      layout: 'cols',
    })),
  );
  const map = new Float32Array(side * side);
  const gridTime = timeRuns(() => grid.evaluate(extent, side, map), workloads);
  grid.delete();
  for (const buf of [x, w, b, out]) buf.free();

  // One call from JavaScript, as a slider move makes it: lesson 1's neuron and
  // a 3-input, 4-neuron layer (weights n_in x n_out).
  const calls = { calls: workloads.calls, batches: workloads.callBatches };
  const neuronArgs = { inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' };
  const neuron = timeCalls(() => core.neuron(neuronArgs).y, calls);
  const layerArgs = {
    inputs: [[1.0, 2.0, 3.0]],
    weights: [
      [0.2, 0.5, -0.26, 0.1],
      [0.8, -0.91, -0.27, 0.3],
      [-0.5, 0.26, 0.17, -0.4],
    ],
    biases: [2.0, 3.0, 0.5, -1.0],
    activation: 'relu',
    layout: 'cols',
  };
  const layer = timeCalls(() => core.layer(layerArgs).a.data[1], calls);

  return {
    dense: { ...dense, gflops: flops(workloads.dense) / dense.median / 1e6, checksum: denseChecksum },
    grid: { ...gridTime, checksum: checksum(map) },
    neuron,
    layer,
  };
}

/**
 * TF.js with its wasm backend (set up by the caller): matMul + add + relu for
 * the dense workload and the grid network's forward pass, each in tf.tidy,
 * with dataSync so that the time includes completion and the copy out. The
 * input tensors (batch, grid points, weights) are made once, outside the
 * timing, as a page redrawing the same grid would keep them.
 */
export function benchTfjs(tf, workloads) {
  const data = makeData(workloads);
  const { batch, nIn, nOut } = workloads.dense;
  const x = tf.tensor2d(data.dense.x, [batch, nIn]);
  const w = tf.tensor2d(data.dense.w, [nIn, nOut]);
  const b = tf.tensor1d(data.dense.b);
  let result = null;
  const dense = timeRuns(() => {
    result = tf.tidy(() => tf.relu(tf.add(tf.matMul(x, w), b))).dataSync();
  }, workloads);
  const denseChecksum = checksum(result);

  const { side } = workloads.grid;
  const points = tf.tensor2d(gridPoints(workloads.grid), [side * side, 2]);
  const layers = data.layers.map((l) => ({
    w: tf.tensor2d(l.w, [l.nIn, l.nOut]),
    b: tf.tensor1d(l.b),
    act: { tanh: tf.tanh, sigmoid: tf.sigmoid, relu: tf.relu }[l.activation],
  }));
  const grid = timeRuns(() => {
    result = tf.tidy(() => layers.reduce((h, l) => l.act(tf.add(tf.matMul(h, l.w), l.b)), points)).dataSync();
  }, workloads);
  const gridChecksum = checksum(result);
  tf.dispose([x, w, b, points, ...layers.flatMap((l) => [l.w, l.b])]);
  return {
    dense: { ...dense, gflops: flops(workloads.dense) / dense.median / 1e6, checksum: denseChecksum },
    grid: { ...grid, checksum: gridChecksum },
  };
}

/** Plain JavaScript loops over Float32Arrays, written the way one would by hand. */
export function benchPlainJs(workloads) {
  const data = makeData(workloads);
  const { batch, nIn, nOut } = workloads.dense;
  const { x, w, b } = data.dense;
  const out = new Float32Array(batch * nOut);
  const dense = timeRuns(() => {
    for (let r = 0; r < batch; r++) {
      const o = r * nOut;
      for (let c = 0; c < nOut; c++) out[o + c] = b[c];
      for (let k = 0; k < nIn; k++) {
        const xv = x[r * nIn + k];
        const wk = k * nOut;
        for (let c = 0; c < nOut; c++) out[o + c] += xv * w[wk + c];
      }
      for (let c = 0; c < nOut; c++) if (!(out[o + c] > 0)) out[o + c] = 0;
    }
  }, workloads);
  const denseChecksum = checksum(out);

  const { side, extent } = workloads.grid;
  const { xmin, xmax, ymax } = extent;
  const dx = (xmax - xmin) / side;
  const dy = (extent.ymax - extent.ymin) / side;
  const width = Math.max(...data.layers.map((l) => l.nOut), 2);
  const ws = data.layers.map((l) => l.w);
  const bs = data.layers.map((l) => l.b);
  const nIns = data.layers.map((l) => l.nIn);
  const nOuts = data.layers.map((l) => l.nOut);
  const kinds = data.layers.map((l) => ['tanh', 'sigmoid', 'relu'].indexOf(l.activation));
  let h = new Float32Array(width);
  let next = new Float32Array(width);
  const map = new Float32Array(side * side);
  const grid = timeRuns(() => {
    for (let row = 0; row < side; row++) {
      const y = ymax - (row + 0.5) * dy;
      for (let col = 0; col < side; col++) {
        h[0] = xmin + (col + 0.5) * dx;
        h[1] = y;
        for (let li = 0; li < ws.length; li++) {
          const w = ws[li];
          const b = bs[li];
          const nIn = nIns[li];
          const nOut = nOuts[li];
          const kind = kinds[li];
          for (let j = 0; j < nOut; j++) {
            let z = b[j];
            for (let k = 0; k < nIn; k++) z += h[k] * w[k * nOut + j];
            next[j] = kind === 0 ? Math.tanh(z) : kind === 1 ? 1 / (1 + Math.exp(-z)) : z > 0 ? z : 0;
          }
          const t = h;
          h = next;
          next = t;
        }
        map[row * side + col] = h[0];
      }
    }
  }, workloads);
  return {
    dense: { ...dense, gflops: flops(workloads.dense) / dense.median / 1e6, checksum: denseChecksum },
    grid: { ...grid, checksum: checksum(map) },
  };
}
