// What <nl-neuron> shows, computed without touching the DOM: the core's result
// for one neuron and every number of it formatted by the core, plus the
// step-by-step lines of lesson 1. The element (nl-neuron.js) only puts these
// strings on screen. prerender() gives the same numbers as static HTML for the
// site build (scripts/lib/prerender.mjs).

import { html } from '../prerender/html.js';
import { formatNumber, formatVector, parseNeuronAttributes } from './parse.js';
import { pyActivation, pyArray, pyFloat } from './share.js';

/** Decimal places of every number the neuron widget shows. */
export const DIGITS = 3;

/** Activations the widget's menu offers (softmax is for layers, not one neuron). */
export const ACTIVATION_CHOICES = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity'];

/**
 * Computes the neuron with the core and formats its numbers.
 * params: { inputs: number[], weights: number[], bias: number, activation: string }.
 * Returns { z, y, text: { inputs[], weights[], bias, z, y }, lines }, where
 * lines holds the step-by-step working as arrays of pieces that read correctly
 * when joined by single spaces and may wrap between pieces.
 * Throws the core's Error on bad input.
 */
export function neuronView(core, params) {
  const result = core.neuron(params);
  const n = params.inputs.length;
  // One call formats everything: the numbers cross into wasm once per update.
  const all = core
    .formatFixed([...params.inputs, ...params.weights, ...result.products, params.bias, result.z, result.y], DIGITS)
    .split(' ');
  const inputs = all.slice(0, n);
  const weights = all.slice(n, 2 * n);
  const products = all.slice(2 * n, 3 * n);
  const [bias, z, y] = all.slice(3 * n);

  const line1 = [`z = (${inputs[0]} × ${weights[0]})`];
  for (let i = 1; i < n; i++) line1.push(`+ (${inputs[i]} × ${weights[i]})`);
  line1.push(`+ ${term(bias)}`);

  const line2 = [`= ${products[0]}`];
  for (let i = 1; i < n; i++) line2.push(`+ ${term(products[i])}`);
  line2.push(`+ ${term(bias)}`);

  const lines = [line1, line2, [`= ${z}`], [`y = ${activationCall(params.activation, z)}`, `= ${y}`]];
  return { z: result.z, y: result.y, text: { inputs, weights, bias, z, y }, lines };
}

/** A number added to a sum: negative ones in parentheses, "+ (-0.150)". */
function term(text) {
  return text.startsWith('-') ? `(${text})` : text;
}

/**
 * The activation applied to z as written in the working: "relu(1.000)", and for
 * a parametrised one such as the core's "leaky_relu(0.2)", "leaky_relu(1.000, slope=0.2)".
 */
export function activationCall(canonical, zText) {
  const m = /^([A-Za-z_]+)\((.*)\)$/.exec(canonical);
  if (!m) return `${canonical}(${zText})`;
  const param = m[1] === 'leaky_relu' ? `slope=${m[2]}` : m[2];
  return `${m[1]}(${zText}, ${param})`;
}

/** The plain name of an activation for labels: "leaky_relu(0.2)" -> "leaky_relu". */
export function activationName(canonical) {
  return canonical.replace(/\(.*\)$/, '');
}

/** Slider bounds: -2..2, widened to whole numbers that include the value. */
export function sliderRange(value) {
  return { min: Math.min(-2, Math.floor(value)), max: Math.max(2, Math.ceil(value)) };
}

/** Stroke width of an edge in diagram units: thicker for larger |w|, capped. */
export function edgeWidth(weight) {
  return 1 + 3 * Math.min(Math.abs(weight), 2);
}

/** "x₁", "w₁₂": a letter with a 1-based subscript index. */
export function subscripted(letter, index) {
  const digits = '₀₁₂₃₄₅₆₇₈₉';
  return letter + String(index + 1).replace(/\d/g, (d) => digits[d]);
}

/**
 * The widget's initial numbers as static HTML, placed by the site build inside
 * the element (after the author's fallback text), so a lesson reads correctly
 * without JavaScript, in feed readers and in print. attributes: the element's
 * attributes as written ({ inputs, weights, bias, activation, ... }); core: a
 * loaded core. Throws an Error with the widget's own message on bad attributes.
 */
export function prerender(attributes, core) {
  const params = parseNeuronAttributes(attributes);
  params.activation = core.parseActivation(params.activation);
  const view = neuronView(core, params);
  const name = activationName(params.activation);
  return String(
    html`<div class="nl-static-steps" tabindex="0" role="region" aria-label="The steps of the computation">${view.lines.map((line) => html`<div>${line.join(' ')}</div>`)}</div>
      <p class="nl-static-result">
        Before the activation, z = <span data-nl-value="z">${view.text.z}</span>; after ${name}, y =
        <span data-nl-value="y">${view.text.y}</span>.
      </p>`,
  );
}

/** The state as <nl-neuron> attribute text (parseNeuronAttributes reads it back exactly). */
export function neuronAttributes({ inputs, weights, bias, activation }) {
  return { inputs: formatVector(inputs), weights: formatVector(weights), bias: formatNumber(bias), activation };
}

/**
 * A NumPy program that computes the same neuron, as lesson 1 writes it: every
 * number in Python's own notation, so NumPy reads exactly the widget's float64s.
 */
export function neuronNumpy({ inputs, weights, bias, activation }) {
  return [
    'import numpy as np',
    '',
    `x = ${pyArray(inputs)}  # inputs`,
    `w = ${pyArray(weights)}  # weights`,
    `b = ${pyFloat(bias)}  # bias`,
    '',
    'z = x @ w + b',
    `y = ${pyActivation(activation, 'z')}  # ${activation}`,
    'print(z, y)',
    '',
  ].join('\n');
}
