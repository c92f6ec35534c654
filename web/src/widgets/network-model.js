// What <nl-network> (and, for its network, <nl-boundary>) knows without the
// DOM: the attributes checked into a state, the core's forward pass of every
// layer with every number formatted by the core, the parameter count and its
// formula, the diagram's geometry, the state as attribute text, the NumPy
// program that prints the same numbers, and the static HTML of the site build.
// The elements only put these values on screen.

import { html } from '../prerender/html.js';
import { activationName, subscripted } from './neuron-model.js';
import {
  formatMatrices,
  formatMatrix,
  formatNumber,
  formatVector,
  parseArrayText,
  parseIntegers,
  parseMatrices,
  parseNames,
  parseVector,
  parseVectors,
} from './parse.js';
import { pyActivation, pyArray, pyFloat } from './share.js';

/** Decimal places of the Z and A values the widget shows. */
export const DIGITS = 3;

/** Activations the per-layer menu offers. */
export const LAYER_ACTIVATIONS = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity', 'softmax'];

/**
 * Limits of what the widget draws and edits (the core enforces its own, larger
 * limits too): nodes per layer, layers that compute, samples in a batch.
 */
export const NETWORK_LIMITS = Object.freeze({ width: 16, layers: 6, samples: 32 });

const TEXT = { text: 16384, numbers: 2048, rows: 256 };

const has = (a, name) => a[name] !== undefined && a[name] !== null;

function layoutOf(text, fallback = 'rows') {
  const t = String(text ?? '').trim() || fallback;
  if (t !== 'rows' && t !== 'cols')
    throw new Error(`The layout attribute must be rows or cols, not "${t.slice(0, 24)}".`);
  return t;
}

/** The scale of seeded weights: one finite number, at most 1e6 in size. */
function scaleOf(text) {
  const scale = parseVector(text, 'scale', { numbers: 1 })[0];
  if (!Number.isFinite(scale)) throw new Error('The scale attribute must be a finite number.');
  if (Math.abs(scale) > 1e6) throw new Error('The scale attribute must be at most 1000000 in size.');
  return scale;
}

/** Number of inputs and outputs of a layer whose weights are a nested array. */
export function layerShape({ weights, layout }) {
  const rows = weights.length;
  const cols = weights[0].length;
  return layout === 'cols' ? { nIn: rows, nOut: cols } : { nIn: cols, nOut: rows };
}

/** The layer sizes [n_in, n_1, …, n_k] of a state's layers. */
export function sizesOf(layers) {
  return [layerShape(layers[0]).nIn, ...layers.map((l) => layerShape(l).nOut)];
}

/** A core matrix { rows, cols, data } as nested arrays of numbers. */
function nested({ rows, cols, data }) {
  return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(r * cols, (r + 1) * cols)));
}

/**
 * Layers drawn by the core's seeded generator (NumPy's np.random.seed, then
 * randn(n_in, n_out) * scale per layer, cols layout, zero biases), as plain arrays.
 */
export function seededLayers(core, sizes, activations, seed, scale) {
  return core.seededLayers({ sizes, activations, seed, scale }).map((l) => ({
    weights: nested(l.weights),
    biases: Array.from(l.biases),
    activation: l.activation,
    layout: 'cols',
  }));
}

/**
 * The network attributes shared by <nl-network> and <nl-boundary>, checked:
 * { inputs: number[][] (one row per sample), batch, layers: [{ weights (nested),
 * biases, activation (canonical), layout }], seed: { seed, scale } or null }.
 * limits: NETWORK_LIMITS by default. Throws an Error for the reader.
 */
export function parseNetworkAttributes(a, core, limits = NETWORK_LIMITS) {
  if (!has(a, 'activations'))
    throw new Error('The activations attribute is missing: name one per layer, e.g. "relu sigmoid".');
  const activations = parseNames(a.activations, 'activations', { count: limits.layers }).map((n) =>
    core.parseActivation(n),
  );
  const seeded = has(a, 'seed');
  let layers;
  let seed = null;
  if (seeded) {
    if (has(a, 'weights') || has(a, 'biases')) {
      throw new Error('A network has either weights and biases, or seed (with sizes and scale), not both.');
    }
    if (!has(a, 'sizes')) throw new Error('A seeded network needs sizes, e.g. sizes="4 5 1".');
    const sizes = parseIntegers(a.sizes, 'sizes', { min: 1, max: limits.width, count: limits.layers + 1 });
    if (sizes.length < 2) throw new Error('The sizes attribute needs at least two numbers: the inputs and one layer.');
    const s = parseIntegers(a.seed, 'seed', { count: 1 })[0];
    const scale = has(a, 'scale') ? scaleOf(a.scale) : 1;
    // Seeded weights are drawn as randn(n_in, n_out): one column per neuron.
    if (has(a, 'layout') && layoutOf(a.layout, 'cols') !== 'cols') {
      throw new Error(
        'layout="rows" contradicts seed: seeded weights are drawn as randn(n_in, n_out), one column per neuron (cols layout). Leave layout out, or write layout="cols".',
      );
    }
    if (activations.length !== sizes.length - 1) {
      throw new Error(
        `${sizes.length} layer sizes make ${sizes.length - 1} layers, but ${activations.length} activations are named.`,
      );
    }
    layers = seededLayers(core, sizes, activations, s, scale);
    seed = { seed: s, scale };
  } else {
    if (!has(a, 'weights'))
      throw new Error('The weights attribute is missing: give weights and biases, or seed and sizes.');
    if (has(a, 'scale')) {
      scaleOf(a.scale); // a bad number is named as such first
      throw new Error(
        'The scale attribute applies only to seeded weights (with seed and sizes); with weights given it would be ignored, so leave it out.',
      );
    }
    const layout = layoutOf(a.layout);
    const weights = parseMatrices(a.weights, 'weights', TEXT);
    const biases = has(a, 'biases') ? parseVectors(a.biases, 'biases', TEXT) : null;
    if (biases && biases.length !== weights.length) {
      throw new Error(`weights has ${weights.length} layers but biases has ${biases.length}.`);
    }
    if (activations.length !== weights.length) {
      throw new Error(`weights has ${weights.length} layers but ${activations.length} activations are named.`);
    }
    layers = weights.map((w, i) => {
      const layer = { weights: w, biases: [], activation: activations[i], layout };
      const { nOut } = layerShape(layer);
      layer.biases = biases ? biases[i] : new Array(nOut).fill(0);
      if (layer.biases.length !== nOut) {
        throw new Error(`Layer ${i + 1} has ${nOut} neurons but ${layer.biases.length} biases.`);
      }
      return layer;
    });
    const sizes = sizesOf(layers);
    if (has(a, 'sizes')) {
      const given = parseIntegers(a.sizes, 'sizes', { min: 1, max: 4096, count: limits.layers + 1 });
      if (given.join(' ') !== sizes.join(' ')) {
        throw new Error(`sizes says ${given.join(' ')} but the weights make a ${sizes.join(' ')} network.`);
      }
    }
    sizes.forEach((n, i) => {
      if (n > limits.width)
        throw new Error(`Layer ${i} has ${n} nodes; this widget draws at most ${limits.width} per layer.`);
    });
    for (let i = 1; i < layers.length; i++) {
      const before = layerShape(layers[i - 1]).nOut;
      const nIn = layerShape(layers[i]).nIn;
      if (nIn !== before) throw new Error(`Layer ${i} has ${before} outputs but layer ${i + 1} takes ${nIn} inputs.`);
    }
  }
  if (layers.length > limits.layers)
    throw new Error(`This widget shows at most ${limits.layers} layers, not ${layers.length}.`);
  const nIn = layerShape(layers[0]).nIn;
  let inputs;
  let batch = false;
  if (has(a, 'inputs')) {
    const { dims, value } = parseArrayText(a.inputs, 'inputs', TEXT);
    batch = dims === 2;
    inputs = dims === 2 ? value : [dims === 0 ? [value] : value];
    if (inputs.length > limits.samples)
      throw new Error(`The inputs hold ${inputs.length} samples; this widget shows at most ${limits.samples}.`);
    if (inputs[0].length !== nIn) {
      throw new Error(`The inputs have ${inputs[0].length} numbers per sample but the first layer takes ${nIn}.`);
    }
  } else {
    inputs = [new Array(nIn).fill(0)];
  }
  return { inputs, batch, layers, seed };
}

/** A core matrix as the widget's results: one array per sample, or one array for one sample. */
function asResult(m, batch) {
  return batch ? nested(m) : Array.from(m.data);
}

/**
 * The forward pass and everything the widget shows of it. Returns
 * { z, output, layers: [{ z, a }] (float64 arrays), sizes, count, formula,
 *   text: { inputs: string[][], layers: [{ z: string[][], a: string[][] }],
 *           weights: string[][][] (per layer, as stored), biases: string[][] } }.
 * Throws the core's Error.
 */
export function networkView(core, state) {
  const results = core.network({ inputs: state.inputs, layers: state.layers });
  const sizes = sizesOf(state.layers);
  const count = core.parameterCount(sizes);
  // Everything formatted in one call to the core, then cut back into shape.
  const all = [];
  const slots = [];
  const take = (values) => {
    slots.push(values.length);
    for (const v of values) all.push(v);
  };
  take(state.inputs.flat());
  for (const r of results) {
    take(r.z.data);
    take(r.a.data);
  }
  for (const l of state.layers) {
    take(l.weights.flat());
    take(l.biases);
  }
  const digits = core.formatFixed(all, DIGITS).split(' ');
  let at = 0;
  const next = () => {
    const n = slots.shift();
    const out = digits.slice(at, at + n);
    at += n;
    return out;
  };
  const rowsOf = (flat, cols) =>
    Array.from({ length: flat.length / cols }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
  const text = { inputs: rowsOf(next(), sizes[0]), layers: [], weights: [], biases: [] };
  results.forEach((r) => text.layers.push({ z: rowsOf(next(), r.z.cols), a: rowsOf(next(), r.a.cols) }));
  state.layers.forEach((l) => {
    text.weights.push(rowsOf(next(), l.weights[0].length));
    text.biases.push(next());
  });
  const last = results[results.length - 1];
  return {
    z: asResult(last.z, state.batch),
    output: asResult(last.a, state.batch),
    layers: results.map((r) => ({ z: asResult(r.z, state.batch), a: asResult(r.a, state.batch) })),
    sizes,
    count,
    formula: parameterFormula(core, sizes, count),
    text,
  };
}

/** "4×5 + 5 + 5×1 + 1 = 31", every number formatted by the core. */
export function parameterFormula(core, sizes, count) {
  const n = core.formatFixed([...sizes, count], 0).split(' ');
  const terms = [];
  for (let i = 0; i + 1 < sizes.length; i++) terms.push(`${n[i]}×${n[i + 1]} + ${n[i + 1]}`);
  return `${terms.join(' + ')} = ${n[n.length - 1]}`;
}

/** A layer's role in words: "hidden layer 1", "output layer". */
export function layerName(index, count) {
  return index === count - 1 ? 'output layer' : count > 2 ? `hidden layer ${index + 1}` : 'hidden layer';
}

/** The shapes of a layer's product written out: "(1,4) @ (4,5) + (5,) → (1,5)". */
export function shapeText(samples, layer) {
  const { nIn, nOut } = layerShape(layer);
  const w = layer.layout === 'cols' ? `(${nIn},${nOut})` : `(${nOut},${nIn})ᵀ`;
  return `(${samples},${nIn}) @ ${w} + (${nOut},) → (${samples},${nOut})`;
}

/** Stroke width of an edge in diagram units, by |w| relative to the largest |w| of the network. */
export function edgeWidth(weight, largest) {
  return 0.8 + 4 * Math.min(1, Math.abs(weight) / (largest || 1));
}

/** The weight from input i to neuron j of a layer, whatever its layout. */
export function weightAt(layer, i, j) {
  return layer.layout === 'cols' ? layer.weights[i][j] : layer.weights[j][i];
}

/**
 * Where the diagram's nodes go: { width, height, columns: [{ x, ys: number[] }] },
 * one column per layer size, nodes spread evenly and centred vertically.
 */
export function diagramLayout(sizes, { width = 560, gap = 46, pad = 30 } = {}) {
  const most = Math.max(...sizes);
  const height = pad * 2 + (most - 1) * gap;
  const step = (width - 2 * 60) / Math.max(1, sizes.length - 1);
  const columns = sizes.map((n, c) => {
    const top = height / 2 - ((n - 1) * gap) / 2;
    return { x: 60 + c * step, ys: Array.from({ length: n }, (_, i) => top + i * gap) };
  });
  return { width, height, columns };
}

/** Node names: x₁ for inputs, h₁ or h²₁ … for hidden layers, ŷ₁ for outputs. */
export function nodeName(layerIndex, node, layerCount) {
  if (layerIndex === 0) return subscripted('x', node);
  if (layerIndex === layerCount) return subscripted('ŷ', node);
  return layerCount > 2 ? `${subscripted('h', node)}⁽${'⁰¹²³⁴⁵⁶⁷⁸⁹'[layerIndex]}⁾` : subscripted('h', node);
}

/**
 * The state as attribute text that parseNetworkAttributes reads back to the same
 * state: the seed while the weights are still the seeded ones, else every weight.
 */
export function networkAttributes(state) {
  const attrs = {
    inputs: state.batch ? formatMatrix(state.inputs) : formatVector(state.inputs[0]),
    sizes: sizesOf(state.layers).join(' '),
    activations: state.layers.map((l) => l.activation).join(' '),
  };
  if (state.seed) {
    attrs.seed = String(state.seed.seed);
    attrs.scale = formatNumber(state.seed.scale);
  } else {
    attrs.layout = state.layers[0].layout;
    attrs.weights = formatMatrices(state.layers.map((l) => l.weights));
    attrs.biases = state.layers.map((l) => formatVector(l.biases)).join(' | ');
  }
  return attrs;
}

/** The layers as NumPy source lines: seeded as lesson 4 draws them, or every number written out. */
export function numpyLayers(state) {
  const lines = [];
  const sizes = sizesOf(state.layers);
  if (state.seed) {
    lines.push(`np.random.seed(${state.seed.seed})`);
    state.layers.forEach((_, i) => {
      lines.push(`W${i + 1} = np.random.randn(${sizes[i]}, ${sizes[i + 1]}) * ${pyFloat(state.seed.scale)}`);
      lines.push(`b${i + 1} = np.zeros(${sizes[i + 1]})`);
    });
  } else {
    state.layers.forEach((l, i) => {
      lines.push(`W${i + 1} = ${pyArray(l.weights)}  # ${l.layout === 'cols' ? 'one column' : 'one row'} per neuron`);
      lines.push(`b${i + 1} = ${pyArray(l.biases)}`);
    });
  }
  return lines;
}

/** The product of layer i as NumPy writes it. */
export function numpyProduct(layer, i, input) {
  return `${input} @ W${i + 1}${layer.layout === 'cols' ? '' : '.T'} + b${i + 1}`;
}

/**
 * A NumPy program that computes the same network and prints every layer's Z
 * and A as the widget shows them (3 decimals, one line per sample).
 */
export function networkNumpy(state) {
  const x = state.batch ? pyArray(state.inputs) : pyArray(state.inputs[0]);
  const lines = ['import numpy as np', '', `X = np.atleast_2d(${x})  # one sample per row`, ...numpyLayers(state), ''];
  lines.push('def show(name, m):', '    for row in m:', '        print(name, " ".join(f"{v:.3f}" for v in row))', '');
  let input = 'X';
  state.layers.forEach((l, i) => {
    lines.push(`Z${i + 1} = ${numpyProduct(l, i, input)}`);
    lines.push(`A${i + 1} = ${pyActivation(l.activation, `Z${i + 1}`)}  # ${l.activation}`);
    lines.push(`show("layer ${i + 1} Z", Z${i + 1})`, `show("layer ${i + 1} A", A${i + 1})`);
    input = `A${i + 1}`;
  });
  const sizes = sizesOf(state.layers);
  lines.push(
    `print("parameters", sum(W.size + b.size for W, b in [${state.layers.map((_, i) => `(W${i + 1}, b${i + 1})`).join(', ')}]))`,
  );
  lines.push(`# layer sizes ${sizes.join(' ')}`, '');
  return lines.join('\n');
}

/**
 * The widget's initial numbers as static HTML for the site build: each layer's
 * Z and A and the parameter count. Throws the widget's message on bad attributes.
 */
export function prerender(attributes, core) {
  const state = parseNetworkAttributes(attributes, core);
  const view = networkView(core, state);
  const tables = view.text.layers.map((t, i) => {
    const layer = state.layers[i];
    const name = layerName(i, state.layers.length);
    return html`<div class="nl-static-scroll" tabindex="0" role="region" aria-label="${`${name}: Z and A`}"><table class="nl-static-table">
      <caption>
        ${name} (${activationName(layer.activation)}): ${shapeText(state.inputs.length, layer)}
      </caption>
      <tbody>
        ${t.z.map(
          (row, s) =>
            html`<tr>
                <th scope="row">Z${state.batch ? ` ${s + 1}` : ''}</th>
                ${row.map((v) => html`<td>${v}</td>`)}
              </tr>
              <tr>
                <th scope="row">A${state.batch ? ` ${s + 1}` : ''}</th>
                ${t.a[s].map((v) => html`<td>${v}</td>`)}
              </tr>`,
        )}
      </tbody>
    </table></div>`;
  });
  return String(
    html`${tables}
      <p class="nl-static-result">Parameters: ${view.formula}.</p>`,
  );
}
