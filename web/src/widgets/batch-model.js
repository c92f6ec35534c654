// What <nl-batch> shows, computed without touching the DOM: a batch of samples
// (one per row of X) through one layer, Z = X Wᵀ + b (or X W + b) and
// A = activation(Z), every number formatted by the core, the shapes written
// out, and the NumPy program. The layer itself (weights, biases, layout, the
// diagram's numbers) is layer-model.js's. The element (nl-batch.js) only puts
// these on screen. prerender() gives a static table of Z and A for the site build.

import { html } from '../prerender/html.js';
import {
  DIGITS,
  activationName,
  batchResult,
  checkSample,
  layerSize,
  layoutNote,
  numpyLayerLines,
  parseLayerParams,
  shapeLine,
  shapeText,
} from './layer-model.js';
import { formatMatrix, formatVector, parseMatrix } from './parse.js';
import { pyArray } from './share.js';

/** Most samples (rows of X) a batch widget holds: each becomes a row of cells. */
export const MAX_SAMPLES = 16;

/**
 * The attributes of <nl-batch>, checked: { inputs: number[][] (one sample per
 * row), weights, biases, activation, layout }. Throws an Error whose message
 * says what is wrong.
 */
export function parseBatchAttributes(attrs) {
  const params = parseLayerParams(attrs);
  const { nIn } = layerSize(params);
  const inputs = parseMatrix(attrs.inputs, 'inputs', { text: 16384, numbers: MAX_SAMPLES * nIn, rows: MAX_SAMPLES });
  if (inputs.length > MAX_SAMPLES)
    throw new Error(`The inputs attribute has ${inputs.length} samples; this widget shows at most ${MAX_SAMPLES}.`);
  inputs.forEach((row, i) =>
    checkSample(row, nIn, params.layout, inputs.length > 1 ? `In inputs, sample ${i + 1}` : 'The inputs attribute'),
  );
  return { inputs, ...params };
}

/**
 * The view of <nl-batch>: { z: number[][], output: number[][] (the properties),
 * text: { samples, weights, biases, z, a }, silent: boolean[][], shape, note,
 * outShape: "(3, 3)" }.
 */
export function batchView(core, state) {
  const r = batchResult(core, state, state.inputs);
  const { nIn, nOut } = layerSize(state);
  const s = state.inputs.length;
  return {
    z: r.z,
    output: r.a,
    text: r.text,
    silent: r.silent,
    shape: shapeLine(s, nIn, nOut, state.layout),
    note: layoutNote(nIn, nOut, state.layout),
    outShape: shapeText(s, nOut),
    inShape: shapeText(s, nIn),
  };
}

/** What the layer diagram shows for sample i: { inputs, weights, z, a } texts and silent flags. */
export function sampleText(view, i) {
  return {
    text: { inputs: view.text.samples[i], weights: view.text.weights, z: view.text.z[i], a: view.text.a[i] },
    silent: view.silent[i],
  };
}

/** The state with a sample added (a copy of the last one) or removed; null when at the limit. */
export function withSampleAdded(state) {
  if (state.inputs.length >= MAX_SAMPLES) return null;
  return { ...state, inputs: [...state.inputs, [...state.inputs[state.inputs.length - 1]]] };
}

/** The state without sample i; null when it is the only one. */
export function withSampleRemoved(state, i) {
  if (state.inputs.length <= 1) return null;
  return { ...state, inputs: state.inputs.filter((_, k) => k !== i) };
}

/** The batch as <nl-batch> attribute text (parseBatchAttributes reads it back exactly). */
export function batchAttributes({ inputs, weights, biases, activation, layout }) {
  const attrs = {
    inputs: formatMatrix(inputs),
    weights: formatMatrix(weights),
    biases: formatVector(biases),
    activation,
  };
  if (layout === 'cols') attrs.layout = 'cols';
  return attrs;
}

/**
 * A NumPy program that computes the same batch and prints Z and A row by row
 * with the widget's 3 decimals, so its output reads exactly as the widget does.
 */
export function batchNumpy(state) {
  const { nIn } = layerSize(state);
  const row = `" ".join([f"{v:.${DIGITS}f}" for v in row])`;
  return [
    'import numpy as np',
    '',
    `X = ${pyArray(state.inputs)}  # the batch, one sample per row, shape (${state.inputs.length}, ${nIn})`,
    ...numpyLayerLines(state, 'X'),
    '',
    'print("Z =")',
    'for row in Z:',
    `    print(${row})`,
    'print("A =")',
    'for row in A:',
    `    print(${row})`,
    '',
  ].join('\n');
}

/**
 * The widget's initial output as a static table, for the site build: one row
 * per sample, each neuron's Z and A. Throws an Error with the widget's own
 * message on bad attributes.
 */
export function prerender(attributes, core) {
  const params = parseBatchAttributes(attributes);
  params.activation = core.parseActivation(params.activation);
  const view = batchView(core, params);
  const name = activationName(params.activation);
  const neurons = view.text.z[0].map((_, j) => j);
  return String(
    html`<p class="nl-static-shape">${view.shape}</p>
      <div class="nl-static-scroll" tabindex="0" role="region" aria-label="${'Output of the layer for each sample'}"><table class="nl-static-table">
        <caption>
          Output of the layer for each sample: Z, and A = ${name}(Z), shape ${view.outShape}
        </caption>
        <thead>
          <tr>
            <th scope="col">sample</th>
            ${neurons.map((j) => html`<th scope="col">Z${j + 1}</th>`)}${neurons.map((j) => html`<th scope="col">A${j + 1}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${view.text.z.map(
            (zRow, i) =>
              html`<tr>
                <th scope="row">${i + 1}</th>
                ${zRow.map((z, j) => html`<td data-nl-value="z[${i}][${j}]">${z}</td>`)}${view.text.a[i].map((a, j) => html`<td data-nl-value="output[${i}][${j}]">${a}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table></div>`,
  );
}
