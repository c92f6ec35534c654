// share.js: what a widget puts in the URL hash, the embed snippet, the NumPy
// and JSON it exports. Expected Python reprs are what CPython 3 prints.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  embedSnippet,
  escapeHtml,
  jsonText,
  pyActivation,
  pyArray,
  pyFloat,
  readHashState,
  writeHashState,
} from '../../web/src/widgets/share.js';

describe('URL hash state', () => {
  const allowed = ['inputs', 'weights', 'bias', 'activation'];

  test('write then read gives the same attributes; other widgets and anchors are kept', () => {
    const attrs = { inputs: '0.5 -0.3 0.7', weights: '1; 2 | 3', bias: '1e+21', activation: 'leaky_relu(0.2)' };
    const hash = writeHashState('#intro&n2.bias=3', 'n1', attrs);
    assert.equal(
      hash,
      '#intro&n2.bias=3&n1.inputs=0.5+-0.3+0.7&n1.weights=1;+2+|+3&n1.bias=1e%2B21&n1.activation=leaky_relu(0.2)',
    );
    assert.deepEqual(readHashState(hash, 'n1', allowed), attrs);
    assert.deepEqual(readHashState(hash, 'n2', allowed), { bias: '3' });
    assert.equal(readHashState(hash, 'n3', allowed), null);
    assert.equal(readHashState(hash, '', allowed), null);
  });

  test('writing again replaces the entries; null removes them', () => {
    let hash = writeHashState('', 'a', { bias: '1' });
    hash = writeHashState(hash, 'b', { bias: '2' });
    hash = writeHashState(hash, 'a', { bias: '3' });
    assert.equal(hash, '#b.bias=2&a.bias=3');
    assert.equal(writeHashState(hash, 'b', null), '#a.bias=3');
    assert.equal(writeHashState('#a.bias=3', 'a', null), '');
  });

  test('ids with odd characters are encoded, and do not match by prefix', () => {
    const hash = writeHashState('', 'my widget&x', { bias: '1' });
    assert.equal(hash, '#my+widget%26x.bias=1');
    assert.deepEqual(readHashState(hash, 'my widget&x', allowed), { bias: '1' });
    assert.equal(readHashState('#n10.bias=1', 'n1', allowed), null);
  });

  test('hostile hashes: unknown names, bad escapes, huge text', () => {
    assert.deepEqual(readHashState('#n1.onclick=x&n1.__proto__=y&n1.bias=%E0%A4%A&n1.inputs=1', 'n1', allowed), {
      inputs: '1',
    });
    assert.equal(readHashState(`#n1.bias=${'1'.repeat(70000)}`, 'n1', allowed), null);
    const state = readHashState('#n1.inputs=%3Cimg%20src%3Dx%3E', 'n1', allowed);
    assert.equal(state.inputs, '<img src=x>', 'decoded as text; the widget parser refuses it');
    assert.equal(Object.getPrototypeOf(readHashState('#n1.bias=1', 'n1', allowed)), Object.prototype);
  });
});

describe('embed snippet', () => {
  test('script tag and element with every attribute escaped', () => {
    const snippet = embedSnippet('https://host/nl/embed.js?v="1"', 'nl-neuron', {
      inputs: '0.5 -0.3',
      activation: '"><script>alert(1)</script>',
      bias: null,
    });
    assert.equal(
      snippet,
      '<script type="module" src="https://host/nl/embed.js?v=&#34;1&#34;"></script>\n' +
        '<nl-neuron inputs="0.5 -0.3" activation="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"></nl-neuron>',
    );
    assert.equal(escapeHtml(`&<>"'`), '&#38;&#60;&#62;&#34;&#39;');
  });
});

describe('NumPy text', () => {
  test('pyFloat writes what Python repr() writes', () => {
    const cases = [
      [0, '0.0'],
      [-0, '-0.0'],
      [1, '1.0'],
      [-2, '-2.0'],
      [0.1, '0.1'],
      [-0.3, '-0.3'],
      [1e15, '1000000000000000.0'],
      [1e16, '1e+16'],
      [123456789012345680, '1.2345678901234568e+17'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [0.9999999999999999, '0.9999999999999999'],
      [100, '100.0'],
      [2.5e-5, '2.5e-05'],
      [12345.678, '12345.678'],
      [1e22, '1e+22'],
      [-1.25e-10, '-1.25e-10'],
    ];
    for (const [value, text] of cases) assert.equal(pyFloat(value), text, String(value));
  });

  test('arrays and activations', () => {
    assert.equal(pyArray([0.5, -1]), 'np.array([0.5, -1.0])');
    assert.equal(
      pyArray([
        [1, 2],
        [3, 4],
      ]),
      'np.array([[1.0, 2.0], [3.0, 4.0]])',
    );
    assert.equal(pyArray(Float64Array.of(1e-5)), 'np.array([1e-05])');
    assert.equal(pyActivation('relu', 'z'), 'np.maximum(0.0, z)');
    assert.equal(pyActivation('leaky_relu(0.2)', 'z'), 'np.where(z > 0, z, 0.2 * z)');
    assert.equal(pyActivation('identity', 'z'), 'z');
    assert.throws(() => pyActivation('banana', 'z'), /no NumPy form/);
  });
});

describe('JSON text', () => {
  test('typed arrays become arrays; number arrays stay on one line', () => {
    const text = jsonText({
      inputs: Float64Array.of(0.5, -0.3),
      weights: [
        [1, 2],
        [3, 4],
      ],
      activation: 'relu',
      z: 1e-7,
    });
    assert.equal(
      text,
      '{\n  "inputs": [0.5, -0.3],\n  "weights": [\n    [1, 2],\n    [3, 4]\n  ],\n  "activation": "relu",\n  "z": 1e-7\n}',
    );
    assert.deepEqual(JSON.parse(text).inputs, [0.5, -0.3]);
  });
});
