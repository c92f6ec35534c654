// What <nl-layer> shows, computed without touching the DOM: the attributes
// checked into a state, the core's Z and A for that state with every number
// formatted by the core, the shapes written out, the plan of the editable
// table (which cell holds which number, in either weight layout), the diagram's
// geometry, and the NumPy program. The element (nl-layer.js) only puts these
// on screen. <nl-batch> (batch-model.js) reuses the parts that a batch shares
// with a single sample. prerender() gives a static table of Z and A for the
// site build (scripts/lib/prerender.mjs).

import { html } from '../prerender/html.js';
import { ACTIVATION_CHOICES, activationName, edgeWidth, subscripted } from './neuron-model.js';
import { formatMatrix, formatVector, parseMatrix, parseVector } from './parse.js';
import { pyActivation, pyArray } from './share.js';

/** Decimal places of every number the layer widgets show. */
export const DIGITS = 3;

/** Most inputs and neurons a layer widget shows: each weight becomes a cell. */
export const MAX_INPUTS = 12;
export const MAX_NEURONS = 12;

/** Activations the layer widgets' menus offer. */
export const LAYER_ACTIVATIONS = [...ACTIVATION_CHOICES, 'softmax'];

export { activationName, edgeWidth, subscripted };

// Limits for the parsers: generous for a dozen by a dozen, small enough that
// hostile text is refused before any work.
const MATRIX_LIMITS = { text: 16384, numbers: MAX_INPUTS * MAX_NEURONS, rows: Math.max(MAX_INPUTS, MAX_NEURONS) };
const VECTOR_LIMITS = { text: 4096, numbers: Math.max(MAX_INPUTS, MAX_NEURONS), rows: 1 };

/** "1 number", "3 numbers". */
function count(n, word = 'number') {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "(3,4)": a shape as NumPy writes it, without spaces; "(3,)" for a vector. */
export function shapeText(...dims) {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(',')})`;
}

/** The layout attribute: 'rows' (default) or 'cols'; throws a reader-facing Error otherwise. */
export function parseLayout(text) {
  const t = String(text ?? '').trim();
  if (t === '' || t === 'rows') return 'rows';
  if (t === 'cols') return 'cols';
  throw new Error(`The layout attribute must be rows or cols, not "${t.slice(0, 24)}${t.length > 24 ? '…' : ''}".`);
}

/** The activation attribute, trimmed (default relu); the core decides which names exist. */
export function parseActivationText(text) {
  const act = String(text ?? '').trim() || 'relu';
  if (act.length > 40) throw new Error('The activation attribute is too long.');
  return act;
}

/**
 * The weights, biases, activation and layout of a layer from its attributes:
 * { weights: number[][] as written (n_out x n_in for rows, n_in x n_out for
 * cols), biases: number[] (zeros when absent), activation, layout }.
 * Throws an Error whose message says what is wrong.
 */
export function parseLayerParams({ weights, biases, activation, layout }) {
  const lay = parseLayout(layout);
  const w = parseMatrix(weights, 'weights', MATRIX_LIMITS);
  const nOut = lay === 'rows' ? w.length : w[0].length;
  const nIn = lay === 'rows' ? w[0].length : w.length;
  const shape = shapeText(w.length, w[0].length);
  if (nOut > MAX_NEURONS) {
    throw new Error(
      `The weights ${shape} make ${count(nOut, 'neuron')} (layout="${lay}"); this widget shows at most ${MAX_NEURONS}.`,
    );
  }
  if (nIn > MAX_INPUTS) {
    throw new Error(
      `The weights ${shape} take ${count(nIn, 'input')} (layout="${lay}"); this widget shows at most ${MAX_INPUTS}.`,
    );
  }
  let b;
  if (biases == null || String(biases).trim() === '') {
    b = new Array(nOut).fill(0);
  } else {
    b = parseVector(biases, 'biases', VECTOR_LIMITS);
    if (b.length !== nOut) {
      const per = lay === 'rows' ? 'one row of weights per neuron' : 'one column of weights per neuron';
      throw new Error(
        `The weights ${shape} make ${count(nOut, 'neuron')} (${per}), but biases has ${count(b.length)}: one bias per neuron.`,
      );
    }
  }
  return { weights: w, biases: b, activation: parseActivationText(activation), layout: lay };
}

/** Checks one sample's length against the layer's inputs; `where` names it in the message. */
export function checkSample(sample, nIn, layout, where) {
  if (sample.length !== nIn) {
    const how = layout === 'rows' ? 'numbers in each row of the weights' : 'rows of the weights';
    throw new Error(`${where} has ${count(sample.length)}, but the layer takes ${count(nIn, 'input')} (the ${how}).`);
  }
}

/**
 * The attributes of <nl-layer>, checked: { inputs: number[], weights, biases,
 * activation, layout }. Throws an Error whose message says what is wrong.
 */
export function parseLayerAttributes(attrs) {
  const params = parseLayerParams(attrs);
  const { nIn } = layerSize(params);
  const inputs = parseVector(attrs.inputs, 'inputs', VECTOR_LIMITS);
  checkSample(inputs, nIn, params.layout, 'The inputs attribute');
  return { inputs, ...params };
}

/** n_in and n_out of a state's weights. */
export function layerSize({ weights, layout }) {
  return layout === 'rows'
    ? { nIn: weights[0].length, nOut: weights.length }
    : { nIn: weights.length, nOut: weights[0].length };
}

/** The weight joining input k to neuron j, in either layout. */
export function weightOf({ weights, layout }, j, k) {
  return layout === 'rows' ? weights[j][k] : weights[k][j];
}

/**
 * The shapes of the product written out: rows "(1,4) @ (3,4)ᵀ + (3,) → (1,3)"
 * (W is n_out x n_in and is transposed), cols "(1,4) @ (4,3) + (3,) → (1,3)".
 */
export function shapeLine(samples, nIn, nOut, layout) {
  const w = layout === 'rows' ? `${shapeText(nOut, nIn)}ᵀ` : shapeText(nIn, nOut);
  return `${shapeText(samples, nIn)} @ ${w} + ${shapeText(nOut)} → ${shapeText(samples, nOut)}`;
}

/** One sentence on how W is laid out, for the reader. */
export function layoutNote(nIn, nOut, layout) {
  return layout === 'rows'
    ? `W has shape ${shapeText(nOut, nIn)}: one row per neuron, so Z = X Wᵀ + b.`
    : `W has shape ${shapeText(nIn, nOut)}: one column per neuron (layout="cols"), so Z = X W + b.`;
}

/** Splits a flat list of formatted numbers into rows of `cols`. */
function rowsOf(list, cols) {
  const out = [];
  for (let i = 0; i < list.length; i += cols) out.push(list.slice(i, i + cols));
  return out;
}

/**
 * Computes a layer over a batch with the core and formats every number.
 * state: { weights, biases, activation, layout }; samples: number[][].
 * Returns { z: number[][], a: number[][], text: { samples, weights, biases, z, a },
 * silent: boolean[][] (where the activation output is exactly 0) }.
 * Throws the core's Error on bad input.
 */
export function batchResult(core, state, samples) {
  const { weights, biases, activation, layout } = state;
  const r = core.layer({ inputs: samples, weights, biases, activation, layout });
  const { rows, cols } = r.z;
  const flatX = samples.flat();
  const flatW = weights.flat();
  // One call formats everything: the numbers cross into wasm once per update.
  const all = core.formatFixed([...flatX, ...flatW, ...biases, ...r.z.data, ...r.a.data], DIGITS).split(' ');
  let at = 0;
  const take = (n) => all.slice(at, (at += n));
  const text = {
    samples: rowsOf(take(flatX.length), samples[0].length),
    weights: rowsOf(take(flatW.length), weights[0].length),
    biases: take(biases.length),
    z: rowsOf(take(rows * cols), cols),
    a: rowsOf(take(rows * cols), cols),
  };
  const z = rowsOf(Array.from(r.z.data), cols);
  const a = rowsOf(Array.from(r.a.data), cols);
  return { z, a, text, silent: a.map((row) => row.map((v) => v === 0)) };
}

/**
 * The view of <nl-layer>: { z: number[], output: number[] (the properties),
 * text: { inputs, weights, biases, z, a }, silent: boolean[], shape, note }.
 */
export function layerView(core, state) {
  const r = batchResult(core, state, [state.inputs]);
  const { nIn, nOut } = layerSize(state);
  return {
    z: r.z[0],
    output: r.a[0],
    text: { inputs: r.text.samples[0], weights: r.text.weights, biases: r.text.biases, z: r.text.z[0], a: r.text.a[0] },
    silent: r.silent[0],
    shape: shapeLine(1, nIn, nOut, state.layout),
    note: layoutNote(nIn, nOut, state.layout),
  };
}

// Diagram geometry, in SVG user units (the SVG scales to its box).
const G = {
  width: 420,
  row: 46,
  top: 24,
  inputX: 40,
  inputW: 58,
  nodeH: 26,
  neuronX: 266,
  neuronR: 22,
  outX: 328,
  outW: 62,
};

/**
 * Where the diagram puts things for nIn inputs and nOut neurons:
 * { width, height, inputs: [{ x, y, w, h }], neurons: [{ cx, cy, r }], outputs: [{ x, y, w, h }],
 *   edge(j, k) -> "x1,y1 x2,y2" }.
 */
export function diagramGeometry(nIn, nOut) {
  const rows = Math.max(nIn, nOut, 2);
  const height = G.top * 2 + rows * G.row;
  const column = (n) => {
    const first = G.top + ((rows - n) * G.row) / 2 + G.row / 2;
    return Array.from({ length: n }, (_, i) => first + i * G.row);
  };
  const inputs = column(nIn).map((y) => ({ x: G.inputX, y: y - G.nodeH / 2, w: G.inputW, h: G.nodeH, cy: y }));
  const neurons = column(nOut).map((cy) => ({ cx: G.neuronX, cy, r: G.neuronR }));
  const outputs = neurons.map((n) => ({ x: G.outX, y: n.cy - G.nodeH / 2, w: G.outW, h: G.nodeH, cy: n.cy }));
  const edge = (j, k) => {
    const a = inputs[k];
    const n = neurons[j];
    // Edges end on the neuron's left side, aimed at its centre.
    const dx = n.cx - (a.x + a.w);
    const dy = n.cy - a.cy;
    const len = Math.hypot(dx, dy);
    return `${a.x + a.w},${a.cy} ${n.cx - (dx / len) * n.r},${n.cy - (dy / len) * n.r}`;
  };
  return { width: G.width, height, inputs, neurons, outputs, edge };
}

/** Stroke width of an edge: thicker for larger |w| (thinner than the neuron's, as there are many). */
export function layerEdgeWidth(weight) {
  return 0.6 + (edgeWidth(weight) - 1) * 0.75;
}

/** The layer as <nl-layer> attribute text (parseLayerAttributes reads it back exactly). */
export function layerAttributes({ inputs, weights, biases, activation, layout }) {
  const attrs = {
    inputs: formatVector(inputs),
    weights: formatMatrix(weights),
    biases: formatVector(biases),
    activation,
  };
  if (layout === 'cols') attrs.layout = 'cols';
  return attrs;
}

/** The lines of a NumPy program that define W, b and compute Z and A from `x` (a name). */
export function numpyLayerLines({ weights, biases, activation, layout }, x) {
  const { nIn, nOut } = layerSize({ weights, layout });
  const wShape =
    layout === 'rows' ? `(${nOut}, ${nIn}): one row per neuron` : `(${nIn}, ${nOut}): one column per neuron`;
  return [
    `W = ${pyArray(weights)}  # weights, shape ${wShape}`,
    `b = ${pyArray(biases)}  # biases, one per neuron`,
    '',
    `Z = ${x} @ ${layout === 'rows' ? 'W.T' : 'W'} + b`,
    `A = ${pyActivation(activation, 'Z')}  # ${activation}`,
  ];
}

/**
 * A NumPy program that computes the same layer and prints Z and A with the
 * widget's 3 decimals, so its output reads exactly as the widget does.
 */
export function layerNumpy(state) {
  return [
    'import numpy as np',
    '',
    `x = ${pyArray(state.inputs)}  # inputs, shape (${state.inputs.length},)`,
    ...numpyLayerLines(state, 'x'),
    '',
    `print("Z =", " ".join([f"{v:.${DIGITS}f}" for v in Z]))`,
    `print("A =", " ".join([f"{v:.${DIGITS}f}" for v in A]))`,
    '',
  ].join('\n');
}

/**
 * The widget's initial Z and A as a static table, for the site build: the
 * lesson reads correctly without JavaScript, in feed readers and in print.
 * Throws an Error with the widget's own message on bad attributes.
 */
export function prerender(attributes, core) {
  const params = parseLayerAttributes(attributes);
  params.activation = core.parseActivation(params.activation);
  const view = layerView(core, params);
  const name = activationName(params.activation);
  return String(
    html`<p class="nl-static-shape">${view.shape}</p>
      <div class="nl-static-scroll" tabindex="0" role="region" aria-label="${`Each neuron's Z and A`}"><table class="nl-static-table">
        <caption>
          Each neuron's Z, and A = ${name}(Z)
        </caption>
        <thead>
          <tr>
            <th scope="col">neuron</th>
            <th scope="col">Z</th>
            <th scope="col">A</th>
          </tr>
        </thead>
        <tbody>
          ${view.text.z.map(
            (z, j) =>
              html`<tr>
                <th scope="row">${j + 1}</th>
                <td data-nl-value="z[${j}]">${z}</td>
                <td data-nl-value="output[${j}]">${view.text.a[j]}</td>
              </tr>`,
          )}
        </tbody>
      </table></div>`,
  );
}
