// What <nl-neuron> shares and exports, without a browser: its state as
// attributes (read back exactly) and its NumPy program, run by real NumPy
// (/usr/bin/python3), which must print the core's z exactly and y to within
// the 1 ulp DESIGN.md allows for exp and tanh.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { neuronAttributes, neuronNumpy } from '../../web/src/widgets/neuron-model.js';
import { parseNeuronAttributes } from '../../web/src/widgets/parse.js';

const STATES = [
  { inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' },
  { inputs: [0.5, 0.9, 0.1], weights: [0.4, -0.2, 0.7], bias: 0.1, activation: 'sigmoid' },
  { inputs: [1, -0.5], weights: [0.8, 0.4], bias: 0, activation: 'tanh' },
  { inputs: [1, 1], weights: [1, 1], bias: -1.5, activation: 'step' },
  { inputs: [1, 1], weights: [1, 1], bias: -2, activation: 'step' },
  { inputs: [2, -3], weights: [1e-7, 1e16], bias: -0, activation: 'identity' },
  { inputs: [-1, 2], weights: [3, -4], bias: 0.25, activation: 'leaky_relu' },
  { inputs: [-1, 2], weights: [3, -4], bias: 0.25, activation: 'leaky_relu(0.2)' },
];

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a, b) {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Math.abs(Number(view.getBigInt64(0) - view.getBigInt64(8)));
}

describe('<nl-neuron> sharing and export', () => {
  let core;
  before(async () => {
    core = await loadCore({ moduleUrl: new URL('../../build/wasm/nl_core.mjs', import.meta.url) });
  });

  test('the state as attribute text reads back to the same float64s', () => {
    for (const state of STATES) {
      const back = parseNeuronAttributes(neuronAttributes(state));
      assert.deepEqual(back, state);
      assert.ok(Object.is(back.bias, state.bias), 'the sign of zero too');
    }
  });

  test('NumPy runs the program and prints what the core computes', () => {
    const programs = STATES.map((s) => neuronNumpy({ ...s, activation: core.parseActivation(s.activation) }));
    // One Python process for all of them: each program prints one line.
    const run = spawnSync('/usr/bin/python3', ['-c', programs.map((p) => `exec(${JSON.stringify(p)})`).join('\n')], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, STATES.length);
    STATES.forEach((state, i) => {
      const want = core.neuron(state);
      const [z, y] = lines[i].split(' ').map(Number);
      assert.equal(z, want.z, `z of ${state.activation}: ${lines[i]}`);
      assert.ok(ulps(y, want.y) <= 1, `y of ${state.activation}: NumPy ${y}, core ${want.y}`);
    });
  });
});
