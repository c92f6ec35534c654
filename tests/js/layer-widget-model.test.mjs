// The DOM-free models of <nl-layer> and <nl-batch> (layer-model.js,
// batch-model.js) with the wasm core: attribute checking and its messages, the
// shapes written out, numbers formatted by the core, the NumPy programs (run by
// real NumPy, which must print what the widget shows), and prerender().
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import {
  batchNumpy,
  batchView,
  parseBatchAttributes,
  prerender as prerenderBatch,
  withSampleAdded,
  withSampleRemoved,
} from '../../web/src/widgets/batch-model.js';
import {
  layerAttributes,
  layerNumpy,
  layerView,
  parseLayerAttributes,
  prerender as prerenderLayer,
  shapeLine,
} from '../../web/src/widgets/layer-model.js';

const core = await loadCore({ moduleUrl: new URL('../../build/wasm/nl_core.mjs', import.meta.url) });

const W = '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87';
const WT = '0.2 0.5 -0.26; 0.8 -0.91 -0.27; -0.5 0.26 0.17; 1 -0.5 0.87';
const LESSON2 = { inputs: '1 2 3 2.5', weights: W, biases: '2 3 0.5', activation: 'relu' };

function runNumpy(program) {
  const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n');
}

test('the shapes are written out for both layouts', () => {
  assert.equal(shapeLine(1, 4, 3, 'rows'), '(1,4) @ (3,4)ᵀ + (3,) → (1,3)');
  assert.equal(shapeLine(1, 4, 3, 'cols'), '(1,4) @ (4,3) + (3,) → (1,3)');
  assert.equal(shapeLine(3, 4, 3, 'rows'), '(3,4) @ (3,4)ᵀ + (3,) → (3,3)');
  assert.equal(shapeLine(10, 4, 5, 'cols'), '(10,4) @ (4,5) + (5,) → (10,5)');
});

test("a layer in either layout gives the core's numbers, formatted by the core", () => {
  const rows = layerView(core, parseLayerAttributes(LESSON2));
  const cols = layerView(core, parseLayerAttributes({ ...LESSON2, weights: WT, layout: 'cols' }));
  const r = core.layer({
    inputs: [[1, 2, 3, 2.5]],
    weights: [
      [0.2, 0.8, -0.5, 1],
      [0.5, -0.91, 0.26, -0.5],
      [-0.26, -0.27, 0.17, 0.87],
    ],
    biases: [2, 3, 0.5],
    activation: 'relu',
  });
  assert.deepEqual(rows.output, Array.from(r.a.data));
  assert.deepEqual(rows.z, Array.from(r.z.data));
  assert.deepEqual(rows.text.a, core.formatFixed(r.a.data, 3).split(' '));
  assert.deepEqual(cols.text.a, rows.text.a);
  assert.equal(cols.shape, '(1,4) @ (4,3) + (3,) → (1,3)');
  assert.match(cols.note, /\(4,3\): one column per neuron/);
});

test('silent neurons are those whose output is exactly 0', () => {
  const v = layerView(
    core,
    parseLayerAttributes({ inputs: '2 1 3', weights: '1 0 -1; 0 1 1; -1 1 0; 1 -1 1', biases: '0 -1 0 -2' }),
  );
  assert.deepEqual(
    v.silent,
    v.output.map((a) => a === 0),
  );
  assert.ok(v.silent.includes(true) && v.silent.includes(false));
});

test('bad attributes give messages that say what is wrong', () => {
  const bad = (attrs, re) => assert.throws(() => parseLayerAttributes({ ...LESSON2, ...attrs }), re);
  bad({ inputs: '1 2 3' }, /3 numbers, but the layer takes 4 inputs/);
  bad({ biases: '1 2' }, /make 3 neurons .*biases has 2 numbers/);
  bad({ layout: 'diagonal' }, /rows or cols/);
  bad({ weights: '1 2; 3' }, /row 2/);
  bad({ weights: WT, biases: '1 2 3 4' }, /4 numbers, but the layer takes 3 inputs/);
  bad({ weights: Array.from({ length: 13 }, () => '1 2 3 4').join(';') }, /at most 12/);
  assert.throws(() => parseBatchAttributes({ ...LESSON2, inputs: '1 2 3 4; 5 6 7' }), /sample 2|row 2/);
  assert.throws(
    () => parseBatchAttributes({ ...LESSON2, inputs: Array.from({ length: 17 }, () => '1 2 3 4').join(';') }),
    /at most 16/,
  );
  assert.deepEqual(parseLayerAttributes({ ...LESSON2, biases: null }).biases, [0, 0, 0], 'biases default to zeros');
});

test('attributes round-trip through layerAttributes', () => {
  const state = parseLayerAttributes({ ...LESSON2, weights: WT, layout: 'cols' });
  assert.deepEqual(parseLayerAttributes(layerAttributes(state)), state);
});

test('Copy as NumPy: real NumPy prints what the layer and the batch widgets show', () => {
  for (const attrs of [
    LESSON2,
    { ...LESSON2, weights: WT, layout: 'cols', activation: 'tanh' },
    { ...LESSON2, activation: 'leaky_relu(0.2)', inputs: '-1 -2 3 -2.5' },
    { ...LESSON2, activation: 'softmax' },
  ]) {
    const state = parseLayerAttributes(attrs);
    state.activation = core.parseActivation(state.activation);
    const v = layerView(core, state);
    assert.deepEqual(
      runNumpy(layerNumpy(state)),
      [`Z = ${v.text.z.join(' ')}`, `A = ${v.text.a.join(' ')}`],
      attrs.activation,
    );
  }
  const batch = parseBatchAttributes({ ...LESSON2, inputs: '1 2 3 2.5; -0.8 0.4 0.1 1.2; 0.2 0.9 -0.5 0.3' });
  const v = batchView(core, batch);
  assert.equal(v.shape, '(3,4) @ (3,4)ᵀ + (3,) → (3,3)');
  assert.deepEqual(runNumpy(batchNumpy(batch)), [
    'Z =',
    ...v.text.z.map((r) => r.join(' ')),
    'A =',
    ...v.text.a.map((r) => r.join(' ')),
  ]);
});

test('samples are added (a copy of the last) and removed within limits', () => {
  const one = parseBatchAttributes({ ...LESSON2 });
  assert.equal(withSampleRemoved(one, 0), null);
  const two = withSampleAdded(one);
  assert.deepEqual(two.inputs, [one.inputs[0], one.inputs[0]]);
  let s = one;
  for (let i = 1; i < 16; i++) s = withSampleAdded(s);
  assert.equal(s.inputs.length, 16);
  assert.equal(withSampleAdded(s), null);
});

test("prerender gives static tables of the core's Z and A, with attribute text escaped", () => {
  const layer = prerenderLayer(LESSON2, core);
  assert.match(layer, /data-nl-value="output\[1\]">1\.210</);
  assert.match(layer, /\(1,4\) @ \(3,4\)ᵀ/);
  const batch = prerenderBatch({ ...LESSON2, inputs: '1 2 3 2.5; 0.2 0.9 -0.5 0.3' }, core);
  assert.match(batch, /data-nl-value="output\[1\]\[2\]">0\.381</);
  assert.throws(() => prerenderLayer({ ...LESSON2, activation: '<b>x</b>' }, core), /<b>x<\/b>|unknown/);
});
