// The DOM-free parts of <nl-neuron>: attribute parsing (untrusted text) and the
// step-by-step lines built from the core's results.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { activationCall, neuronView, sliderRange, subscripted } from '../../web/src/widgets/neuron-model.js';
import { MAX_LIST_LENGTH, parseNeuronAttributes, parseNumber, parseNumberList } from '../../web/src/widgets/parse.js';

describe('parse.js', () => {
  test('parseNumber accepts decimal numbers only', () => {
    for (const [text, value] of [
      ['0.5', 0.5],
      [' -0.3 ', -0.3],
      ['+2', 2],
      ['.25', 0.25],
      ['1.', 1],
      ['1e-3', 0.001],
      ['0,5', 0.5],
      ['\u22120.3', -0.3],
    ]) {
      assert.equal(parseNumber(text), value, text);
    }
    for (const text of [
      '',
      ' ',
      'abc',
      '0.1x',
      '1.2.3',
      'NaN',
      'Infinity',
      '-Infinity',
      '0x10',
      '1e999',
      '--1',
      '1 2',
      '1,2,3',
    ]) {
      assert.equal(parseNumber(text), null, JSON.stringify(text));
    }
  });

  test('parseNumberList splits on spaces and commas', () => {
    assert.deepEqual(parseNumberList('0.5 -0.3 0.7', 'inputs'), [0.5, -0.3, 0.7]);
    assert.deepEqual(parseNumberList(' 1, 2,3\n4 ', 'inputs'), [1, 2, 3, 4]);
  });

  test('parseNumberList rejects bad lists with a message naming the problem', () => {
    assert.throws(() => parseNumberList('', 'inputs'), /inputs attribute is missing or empty/);
    assert.throws(() => parseNumberList(null, 'weights'), /weights attribute is missing/);
    assert.throws(() => parseNumberList('1 two 3', 'inputs'), /item 2 \("two"\) is not a number/);
    assert.throws(() => parseNumberList('1 NaN', 'inputs'), /item 2/);
    const many = Array.from({ length: MAX_LIST_LENGTH + 1 }, () => '1').join(' ');
    assert.throws(() => parseNumberList(many, 'inputs'), /at most 64/);
    assert.throws(() => parseNumberList('1 '.repeat(5000), 'inputs'), /too long/);
  });

  test('parseNeuronAttributes checks lengths and fills defaults', () => {
    assert.deepEqual(parseNeuronAttributes({ inputs: '1 2', weights: '3,4', bias: '0.5', activation: ' sigmoid ' }), {
      inputs: [1, 2],
      weights: [3, 4],
      bias: 0.5,
      activation: 'sigmoid',
    });
    assert.deepEqual(parseNeuronAttributes({ inputs: '1', weights: '2', bias: null, activation: null }), {
      inputs: [1],
      weights: [2],
      bias: 0,
      activation: 'relu',
    });
    assert.throws(
      () => parseNeuronAttributes({ inputs: '1 2 3', weights: '1 2', bias: '0', activation: 'relu' }),
      /3 inputs but 2 weights/,
    );
    assert.throws(
      () => parseNeuronAttributes({ inputs: '1', weights: '1', bias: '1 2', activation: 'relu' }),
      /one number/,
    );
  });
});

describe('neuron-model.js', () => {
  let core;
  before(async () => {
    core = await loadCore({ moduleUrl: new URL('../../build/wasm/nl_core.mjs', import.meta.url) });
  });

  test('the lesson 1 lines, every number formatted by the core', () => {
    const params = { inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' };
    const view = neuronView(core, params);
    const r = core.neuron(params);
    assert.equal(view.z, r.z);
    assert.equal(view.y, r.y);
    const f = (v) => core.formatFixed(v, 3);
    const p = Array.from(r.products, f);
    assert.deepEqual(
      view.lines.map((pieces) => pieces.join(' ')),
      [
        `z = (${f(0.5)} × ${f(0.5)}) + (${f(-0.3)} × ${f(-0.3)}) + (${f(0.7)} × ${f(0.8)}) + ${f(0.1)}`,
        `= ${p[0]} + ${p[1]} + ${p[2]} + ${f(0.1)}`,
        `= ${f(r.z)}`,
        `y = relu(${f(r.z)}) = ${f(r.y)}`,
      ],
    );
  });

  test('negative terms added to the sum are in parentheses', () => {
    const view = neuronView(core, { inputs: [1, 2], weights: [-0.5, 0.25], bias: -1, activation: 'identity' });
    const [line1, line2] = view.lines.map((pieces) => pieces.join(' '));
    assert.match(line1, /^z = \(\S+ × -\S+\) \+ \(\S+ × \S+\) \+ \(-\S+\)$/);
    assert.match(line2, /^= -\S+ \+ \S+ \+ \(-\S+\)$/);
  });

  test('bad input reaches the caller as the core error', () => {
    assert.throws(() => neuronView(core, { inputs: [1], weights: [1], bias: 0, activation: 'banana' }), Error);
  });

  test('helpers', () => {
    assert.equal(activationCall('relu', '1.000'), 'relu(1.000)');
    assert.equal(activationCall('leaky_relu(0.2)', '-1.000'), 'leaky_relu(-1.000, slope=0.2)');
    assert.equal(subscripted('x', 0), 'x₁');
    assert.equal(subscripted('w', 11), 'w₁₂');
    assert.deepEqual(sliderRange(0.5), { min: -2, max: 2 });
    assert.deepEqual(sliderRange(3.2), { min: -2, max: 4 });
    assert.deepEqual(sliderRange(-7.5), { min: -8, max: 2 });
  });
});
