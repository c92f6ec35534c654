// The wasm core through the loader, as the widgets use it, against real NumPy
// (tests/oracle/expected.txt): float64 results within 1 ulp, display text exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadCore } from '../../web/src/core/core.js';
import { keys, matrix, numbers, text, ulps } from './oracle.mjs';

const moduleUrl = new URL('../../build/wasm/nl_core.mjs', import.meta.url);
const core = await loadCore({ moduleUrl });

function assertUlps(actual, expected, what, max = 1) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const d = ulps(actual[i], expected[i]);
    assert.ok(d <= max, `${what}[${i}]: ${actual[i]} vs NumPy ${expected[i]} (${d} ulp)`);
  }
}

test('loadCore returns one instance per process', async () => {
  assert.equal(await loadCore(), core);
  assert.equal(loadCore({ moduleUrl }), loadCore());
});

test('lesson 1: the ReLU neuron and its trace', () => {
  const n = core.neuron({
    inputs: [...numbers('lesson1.relu.x')],
    weights: [...numbers('lesson1.relu.w')],
    bias: numbers('lesson1.relu.b')[0],
    activation: 'relu',
  });
  assertUlps(n.products, numbers('lesson1.relu.products'), 'products');
  assertUlps(
    [n.sum, n.z, n.y],
    [...numbers('lesson1.relu.sum'), ...numbers('lesson1.relu.z'), ...numbers('lesson1.relu.y')],
    'sum z y',
  );
  assert.equal(core.formatFixed(n.products), text('lesson1.relu.products.display'));
  assert.equal(core.formatFixed(n.z), text('lesson1.relu.z.display'));
  assert.equal(core.formatFixed(n.y), text('lesson1.relu.y.display'));
});

test('lesson 1: the sigmoid neuron', () => {
  const n = core.neuron({
    inputs: numbers('lesson1.sigmoid.x'),
    weights: numbers('lesson1.sigmoid.w'),
    bias: numbers('lesson1.sigmoid.b')[0],
    activation: 'sigmoid',
  });
  assertUlps([n.z, n.y], [...numbers('lesson1.sigmoid.z'), ...numbers('lesson1.sigmoid.y')], 'z y');
  assert.equal(core.formatFixed(n.y), text('lesson1.sigmoid.y.display'));
});

test('lesson 2: one sample through the layer (rows layout)', () => {
  const { z, a } = core.layer({
    inputs: numbers('lesson2.layer.x'),
    weights: matrix('lesson2.layer.W'),
    biases: numbers('lesson2.layer.b'),
    activation: 'relu',
    layout: 'rows',
  });
  assertUlps(z.data, numbers('lesson2.layer.z'), 'Z');
  assertUlps(a.data, numbers('lesson2.layer.a'), 'A');
  assert.equal(core.formatFixed(a.data), text('lesson2.layer.display'));
});

test('lesson 3: the batch, row by row', () => {
  const { z, a } = core.layer({
    inputs: matrix('lesson3.batch.X'),
    weights: matrix('lesson2.layer.W'),
    biases: numbers('lesson2.layer.b'),
    activation: 'relu',
  });
  assert.deepEqual([a.rows, a.cols], [...numbers('lesson3.batch.a.shape')]);
  assertUlps(z.data, numbers('lesson3.batch.z'), 'Z');
  assertUlps(a.data, numbers('lesson3.batch.a'), 'A');
  for (let r = 0; r < a.rows; r++) {
    assert.equal(core.formatFixed(a.data.subarray(3 * r, 3 * r + 3)), text(`lesson3.batch.display.${r}`));
  }
});

test('lesson 4: the seeded network reproduces NumPy', () => {
  const layers = core.seededLayers({
    sizes: numbers('lesson4.sizes'),
    activations: ['relu', 'sigmoid'],
    seed: numbers('lesson4.seed')[0],
    scale: numbers('lesson4.scale')[0],
  });
  assertUlps(layers[0].weights.data, numbers('lesson4.W1'), 'W1', 0);
  assertUlps(layers[1].weights.data, numbers('lesson4.W2'), 'W2', 0);
  const [hidden, output] = core.network({ inputs: numbers('lesson4.x'), layers });
  assertUlps(hidden.z.data, numbers('lesson4.z1'), 'z1');
  assertUlps(hidden.a.data, numbers('lesson4.h'), 'h');
  assertUlps(output.z.data, numbers('lesson4.z2'), 'z2');
  assertUlps(output.a.data, numbers('lesson4.out'), 'out');
  assert.equal(core.formatFixed(hidden.a.data, 2), text('lesson4.h.display2'));
  assert.equal(core.formatFixed(output.a.data), text('lesson4.out.display'));
});

test('activation names are canonical and short', () => {
  assert.equal(core.parseActivation(' leaky_relu(0.2) '), 'leaky_relu(0.2)');
  assert.equal(core.parseActivation('leaky_relu(0.01)'), 'leaky_relu');
  assert.deepEqual(core.activationNames, ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity', 'softmax']);
});

test('parameter count of [4, 8, 8, 3]', () => {
  assert.equal(core.parameterCount(numbers('params.sizes')), numbers('params.count')[0]);
});

test('lesson 5: XOR with the OR and AND neurons', () => {
  const [hidden, output] = core.network({
    inputs: matrix('xor.X'),
    layers: [
      { weights: matrix('xor.W1'), biases: numbers('xor.b1'), activation: 'step' },
      { weights: matrix('xor.W2'), biases: numbers('xor.b2'), activation: 'step' },
    ],
  });
  assertUlps(hidden.z.data, numbers('xor.z1'), 'hidden Z', 0);
  assertUlps(hidden.a.data, numbers('xor.a1'), 'hidden A', 0);
  assertUlps(output.a.data, numbers('xor.target'), 'XOR', 0);
});

test('randn: the first 1000 values after seeds 0, 1 and 42 equal NumPy bit for bit', () => {
  for (const seed of [0, 1, 42]) {
    assertUlps(core.randn(seed, 1000), numbers(`randn.seed${seed}`), `seed ${seed}`, 0);
  }
  const last = numbers('randn.seed4294967295');
  assertUlps(core.randn(4294967295, last.length), last, 'seed 2**32-1', 0);
});

test('formatFixed equals Python f-strings', () => {
  let checked = 0;
  for (const key of keys('format.')) {
    const match = /^(format\.\w+)\.fixed(\d+)$/.exec(key);
    if (!match) continue;
    // Python's repr of these ('inf', 'nan') is not a JS number literal: built here.
    const values = match[1] === 'format.special' ? [Infinity, -Infinity, Number.NaN] : numbers(`${match[1]}.values`);
    assert.equal(core.formatFixed(values, Number(match[2])), text(key), key);
    checked += values.length;
  }
  assert.ok(checked > 500, `only ${checked} formatted values found`);
});

test('activations over the sweep', () => {
  for (const name of ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'leaky_relu(0.2)', 'identity']) {
    // Each z as a one-input sample through a one-neuron layer with weight 1, bias 0.
    const z = numbers(`act.${name}.z`);
    const { a } = core.layer({ inputs: Array.from(z, (v) => [v]), weights: [[1]], biases: [0], activation: name });
    assertUlps(a.data, numbers(`act.${name}.y`), name);
  }
});

test('the two layouts agree on transposed weights', () => {
  const seeded = core.seededLayers({ sizes: [7, 5], activations: ['tanh'], seed: 3, scale: 1 });
  const w = seeded[0].weights; // 7 x 5, cols layout
  const transposed = Array.from({ length: w.cols }, (_, j) =>
    Array.from({ length: w.rows }, (_, k) => w.data[k * w.cols + j]),
  );
  const x = Array.from({ length: 4 }, (_, r) => Array.from(core.randn(10 + r, 7)));
  const b = core.randn(99, 5);
  const cols = core.layer({ inputs: x, weights: w, biases: b, activation: 'tanh', layout: 'cols' });
  const rows = core.layer({ inputs: x, weights: transposed, biases: b, activation: 'tanh', layout: 'rows' });
  assert.deepEqual(rows.z.data, cols.z.data);
  assert.deepEqual(rows.a.data, cols.a.data);
});

test('bad input is an Error carrying the core message', () => {
  const W = matrix('lesson2.layer.W');
  const cases = [
    [
      () => core.layer({ inputs: [1, 2, 3], weights: W, biases: [1, 2, 3], activation: 'relu' }),
      /shapes \(1,3\) and \(3,4\)ᵀ not aligned/,
    ],
    [
      () => core.layer({ inputs: [1, 2, 3, 4], weights: W, biases: [1, 2], activation: 'relu' }),
      /biases \(2,\) do not match weights \(3,4\)/,
    ],
    [
      () => core.neuron({ inputs: [1, Number.NaN], weights: [1, 2], bias: 0, activation: 'relu' }),
      /inputs contain nan at \[1\]/,
    ],
    [
      () => core.neuron({ inputs: [1, 2], weights: [1, Infinity], bias: 0, activation: 'relu' }),
      /weights contain inf at \[1\]/,
    ],
    [() => core.neuron({ inputs: [1], weights: [1], bias: 0, activation: 'swish' }), /unknown activation 'swish'/],
    [() => core.neuron({ inputs: [1], weights: [1], bias: 0, activation: 'softmax' }), /softmax needs a layer/],
    [() => core.neuron({ inputs: [], weights: [], bias: 0, activation: 'relu' }), /inputs are empty/],
    [
      () => core.neuron({ inputs: [1, 2], weights: [1], bias: 0, activation: 'relu' }),
      /inputs \(2,\) and weights \(1,\) not aligned/,
    ],
    [
      () =>
        core.layer({
          inputs: [new Array(4097).fill(1)],
          weights: [new Array(4097).fill(1)],
          biases: [0],
          activation: 'relu',
        }),
      /too wide: at most 4096/,
    ],
    [() => core.parameterCount([4]), /at least two entries/],
    [() => core.parameterCount([4, 0, 3]), /layer size 0/],
    [() => core.network({ inputs: [1, 2], layers: [] }), /at least one layer/],
    [
      () => core.createGrid([{ weights: [[1, 2, 3]], biases: [0], activation: 'relu' }]),
      /needs a network with 2 inputs/,
    ],
    [
      () => core.neuron({ inputs: [1e200, 1e200], weights: [1e200, 1e200], bias: 0, activation: 'relu' }),
      /z overflowed to inf/,
    ],
    [
      () =>
        core.layer({
          inputs: [
            [1, 2],
            [3, 1e300],
          ],
          weights: [
            [1, 1e10],
            [1, 1],
          ],
          biases: [0, 0],
          activation: 'relu',
        }),
      /Z overflowed to inf at \[1,0\]/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, message);
  // After errors the core keeps working.
  assert.equal(
    core.formatFixed(core.neuron({ inputs: [1], weights: [2], bias: 0.5, activation: 'identity' }).y),
    '2.500',
  );
});

test('results stay right after the wasm memory grows', () => {
  const big = core.float32Buffer(8 << 20); // 32 MiB: forces the heap to grow
  try {
    const n = core.neuron({
      inputs: numbers('lesson1.relu.x'),
      weights: numbers('lesson1.relu.w'),
      bias: 0.1,
      activation: 'relu',
    });
    assertUlps([n.z], numbers('lesson1.relu.z'), 'z after growth');
  } finally {
    big.free();
  }
});

test('the grid map matches the float64 network at sampled cells', () => {
  const layers = core.seededLayers({
    sizes: [2, 8, 8, 1],
    activations: ['tanh', 'tanh', 'sigmoid'],
    seed: 5,
    scale: 1,
  });
  const grid = core.createGrid(layers);
  const side = 50;
  const out = new Float32Array(side * side);
  const box = { xmin: -3, xmax: 2, ymin: -1, ymax: 4 };
  grid.evaluate(box, side, out);
  grid.delete();
  for (const [row, col] of [
    [0, 0],
    [0, side - 1],
    [side - 1, 0],
    [17, 33],
    [side - 1, side - 1],
  ]) {
    const x = box.xmin + ((col + 0.5) * (box.xmax - box.xmin)) / side;
    const y = box.ymax - ((row + 0.5) * (box.ymax - box.ymin)) / side;
    const exact = core.network({ inputs: [x, y], layers }).at(-1).a.data[0];
    const got = out[row * side + col];
    assert.ok(Math.abs(got - exact) <= 1e-5 * Math.abs(exact), `cell (${row},${col}): ${got} vs ${exact}`);
  }
});
