// What <nl-xor> knows without the DOM: its attributes checked into a state (a
// 2-2-1 network of step neurons, weights one row per neuron), the core's
// forward pass of the four corners of the unit square with every number
// formatted by the core, pass/fail per row, the decision-region map from the
// core's grid evaluation turned into drawable runs, the state as attribute
// text, the NumPy program that prints the same truth table, and the static
// HTML of the site build. The element only puts these values on screen.

import { html } from '../prerender/html.js';
import { formatMatrices, formatVector, parseMatrices, parseVectors } from './parse.js';
import { pyArray } from './share.js';

/** The four inputs, one per row, and the answers XOR should give. */
export const XOR_INPUTS = Object.freeze([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
export const XOR_TARGETS = Object.freeze([0, 1, 1, 0]);

/** Decimal places of the pre-activations shown (the step outputs show as 0 or 1). */
export const Z_DIGITS = 3;

/** The square the decision-region map covers: a margin around the unit square. */
export const EXTENT = Object.freeze({ xmin: -0.25, xmax: 1.25, ymin: -0.25, ymax: 1.25 });

/** Cells per side of the decision-region map. */
export const MAP_SIDE = 60;

const TEXT = { text: 4096, numbers: 64, rows: 8 };
const has = (a, name) => a[name] !== undefined && a[name] !== null && String(a[name]).trim() !== '';

const transpose = (m) => m[0].map((_, j) => m.map((row) => row[j]));

/**
 * The attributes of <nl-xor>, checked: { hidden: { weights: 2x2, biases: [2] },
 * out: { weights: [v1, v2], bias } }, weights one row per neuron. weights and
 * biases default to zeros; layout rows (default) or cols as for nl-network.
 * Throws an Error for the reader.
 */
export function parseXorAttributes(a) {
  const layout = has(a, 'layout') ? String(a.layout).trim() : 'rows';
  if (layout !== 'rows' && layout !== 'cols')
    throw new Error(`The layout attribute must be rows or cols, not "${layout.slice(0, 24)}".`);
  let w1 = [
    [0, 0],
    [0, 0],
  ];
  let w2 = [[0, 0]];
  if (has(a, 'weights')) {
    const w = parseMatrices(a.weights, 'weights', TEXT);
    if (w.length !== 2)
      throw new Error(
        `The weights attribute needs two matrices separated by "|" (hidden layer | output neuron), not ${w.length}.`,
      );
    [w1, w2] = layout === 'cols' ? w.map(transpose) : w;
    const shape = (m) => `${layout === 'cols' ? m[0].length : m.length}×${layout === 'cols' ? m.length : m[0].length}`;
    if (w1.length !== 2 || w1[0].length !== 2)
      throw new Error(
        `The hidden layer's weights must be 2×2 (two neurons, two inputs), not ${shape(w1)}: e.g. weights="1 1; 1 1 | 1 -2".`,
      );
    if (w2.length !== 1 || w2[0].length !== 2)
      throw new Error(
        `The output neuron's weights must be two numbers (one per hidden neuron), not ${shape(w2)}: e.g. "… | 1 -2".`,
      );
  }
  let b1 = [0, 0];
  let b2 = 0;
  if (has(a, 'biases')) {
    const b = parseVectors(a.biases, 'biases', TEXT);
    if (b.length !== 2)
      throw new Error(
        `The biases attribute needs two parts separated by "|" (hidden layer | output neuron), not ${b.length}.`,
      );
    if (b[0].length !== 2)
      throw new Error(
        `The hidden layer needs 2 biases, one per neuron, not ${b[0].length}: e.g. biases="-0.5 -1.5 | -0.5".`,
      );
    if (b[1].length !== 1) throw new Error(`The output neuron needs 1 bias, not ${b[1].length}.`);
    [b1, [b2]] = b;
  }
  return { hidden: { weights: w1.map((r) => [...r]), biases: [...b1] }, out: { weights: [...w2[0]], bias: b2 } };
}

/** The state's layers as the core takes them (rows layout, step activations). */
export function xorLayers(state) {
  return [
    { weights: state.hidden.weights, biases: state.hidden.biases, activation: 'step', layout: 'rows' },
    { weights: [state.out.weights], biases: [state.out.bias], activation: 'step', layout: 'rows' },
  ];
}

const rows = ({ rows: r, cols, data }) =>
  Array.from({ length: r }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));

/**
 * The forward pass of the four corners and everything the widget shows of it:
 * { z: number[4], output: number[4], layers: [{ z, a }] (4×2 and 4×1),
 *   passes: boolean[4], passed, solved,
 *   text: { rows: [{ x1, x2, h1, h2, z, y, target }], params: { hidden: string[2][3], out: string[3] } } }.
 * Throws the core's Error.
 */
export function xorView(core, state) {
  const [hidden, out] = core.network({ inputs: XOR_INPUTS, layers: xorLayers(state) });
  const output = Array.from(out.a.data);
  const z = Array.from(out.z.data);
  const passes = output.map((y, i) => y === XOR_TARGETS[i]);
  const passed = passes.filter(Boolean).length;
  // Every number in one call to the core: the 0/1 values with no decimals, the
  // pre-activations and parameters with Z_DIGITS.
  const whole = core.formatFixed([...XOR_INPUTS.flat(), ...hidden.a.data, ...output, ...XOR_TARGETS], 0).split(' ');
  const params = [
    ...state.hidden.weights[0],
    state.hidden.biases[0],
    ...state.hidden.weights[1],
    state.hidden.biases[1],
  ];
  params.push(...state.out.weights, state.out.bias);
  const exact = core.formatFixed([...z, ...hidden.z.data, ...params], Z_DIGITS).split(' ');
  const text = {
    rows: XOR_INPUTS.map((_, i) => ({
      x1: whole[2 * i],
      x2: whole[2 * i + 1],
      h1: whole[8 + 2 * i],
      h2: whole[8 + 2 * i + 1],
      y: whole[16 + i],
      target: whole[20 + i],
      z: exact[i],
      hz1: exact[4 + 2 * i],
      hz2: exact[4 + 2 * i + 1],
    })),
    params: { hidden: [exact.slice(12, 15), exact.slice(15, 18)], out: exact.slice(18, 21) },
  };
  return {
    z,
    output,
    layers: [
      { z: rows(hidden.z), a: rows(hidden.a) },
      { z: rows(out.z), a: rows(out.a) },
    ],
    passes,
    passed,
    solved: passed === 4,
    text,
  };
}

/** The sentence the widget shows and announces about the truth table. */
export function verdict(view) {
  if (view.solved) return 'All four rows pass: this network computes XOR.';
  const failing = view.text.rows.filter((_, i) => !view.passes[i]).map((r) => `(${r.x1}, ${r.x2})`);
  const list = failing.length > 1 ? `${failing.slice(0, -1).join(', ')} and ${failing.at(-1)}` : failing[0];
  return `${view.passed} of 4 rows pass; ${failing.length > 1 ? 'the rows' : 'the row'} ${list} ${failing.length > 1 ? 'fail' : 'fails'}.`;
}

/**
 * The decision-region map as horizontal runs of cells where the output is 1:
 * [{ row, col, length }] over a side×side grid whose row 0 is at the top (ymax).
 * values: the core's grid output (0 or 1 per cell, row-major).
 */
export function regionRuns(values, side) {
  const runs = [];
  for (let r = 0; r < side; r++) {
    let start = -1;
    for (let c = 0; c <= side; c++) {
      const on = c < side && values[r * side + c] > 0.5;
      if (on && start < 0) start = c;
      if (!on && start >= 0) {
        runs.push({ row: r, col: start, length: c - start });
        start = -1;
      }
    }
  }
  return runs;
}

/** An SVG path of runs drawn in a box of `size` units whose grid has `side` cells a side. */
export function runsPath(runs, side, size, offset = 0) {
  const cell = size / side;
  const n = (v) => Math.round(v * 100) / 100;
  return runs
    .map(
      ({ row, col, length }) =>
        `M${n(offset + col * cell)} ${n(offset + row * cell)}h${n(length * cell)}v${n(cell)}h${n(-length * cell)}z`,
    )
    .join('');
}

/**
 * Where a hidden neuron's line w1·x1 + w2·x2 + b = 0 crosses the map's extent:
 * [[x, y], [x, y]] in input coordinates, or null when it misses the square or
 * both weights are zero. Geometry for drawing only; no number on screen comes from it.
 */
export function neuronLine([w1, w2], b, extent = EXTENT) {
  const { xmin, xmax, ymin, ymax } = extent;
  const points = [];
  const add = (x, y) => {
    const eps = 1e-9;
    if (x < xmin - eps || x > xmax + eps || y < ymin - eps || y > ymax + eps) return;
    if (points.some(([px, py]) => Math.abs(px - x) < 1e-9 && Math.abs(py - y) < 1e-9)) return;
    points.push([x, y]);
  };
  if (w2 !== 0) {
    add(xmin, -(b + w1 * xmin) / w2);
    add(xmax, -(b + w1 * xmax) / w2);
  }
  if (w1 !== 0) {
    add(-(b + w2 * ymin) / w1, ymin);
    add(-(b + w2 * ymax) / w1, ymax);
  }
  return points.length >= 2 ? points.slice(0, 2) : null;
}

/** The state as <nl-xor> attribute text that parseXorAttributes reads back exactly. */
export function xorAttributes(state) {
  return {
    weights: formatMatrices([state.hidden.weights, [state.out.weights]]),
    biases: `${formatVector(state.hidden.biases)} | ${formatVector([state.out.bias])}`,
  };
}

/** A NumPy program that computes the same network and prints the truth table as the widget shows it. */
export function xorNumpy(state) {
  return [
    'import numpy as np',
    '',
    'def step(z):',
    '    return np.where(z > 0, 1.0, 0.0)  # 1 where z > 0, else 0',
    '',
    'X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # the four inputs',
    'target = np.array([0.0, 1.0, 1.0, 0.0])  # XOR',
    `W1 = ${pyArray(state.hidden.weights)}  # one row per hidden neuron`,
    `b1 = ${pyArray(state.hidden.biases)}`,
    `W2 = ${pyArray([state.out.weights])}  # the output neuron`,
    `b2 = ${pyArray([state.out.bias])}`,
    '',
    'H = step(X @ W1.T + b1)  # (4, 2): the hidden neurons h1, h2',
    'Z = H @ W2.T + b2  # (4, 1): the output neuron before the step',
    'out = step(Z)',
    '',
    'print("x1 x2 h1 h2 z out target")',
    'for x, h, z, y, t in zip(X, H, Z[:, 0], out[:, 0], target):',
    '    print(f"{x[0]:.0f} {x[1]:.0f} {h[0]:.0f} {h[1]:.0f} {z:.3f} {y:.0f} {t:.0f}", "pass" if y == t else "fail")',
    'print("computes XOR:", bool(np.array_equal(out[:, 0], target)))',
    '',
  ].join('\n');
}

/** The truth table as static HTML for the site build; throws the widget's message on bad attributes. */
export function prerender(attributes, core) {
  const view = xorView(core, parseXorAttributes(attributes));
  return String(
    html`<div class="nl-static-scroll" tabindex="0" role="region" aria-label="${'Truth table'}"><table class="nl-static-table">
        <caption>
          Truth table of the network as given
        </caption>
        <thead>
          <tr>
            <th scope="col">x₁</th>
            <th scope="col">x₂</th>
            <th scope="col">h₁</th>
            <th scope="col">h₂</th>
            <th scope="col">output</th>
            <th scope="col">XOR</th>
            <th scope="col">row</th>
          </tr>
        </thead>
        <tbody>
          ${view.text.rows.map(
            (r, i) =>
              html`<tr>
                <td>${r.x1}</td>
                <td>${r.x2}</td>
                <td>${r.h1}</td>
                <td>${r.h2}</td>
                <td>${r.y}</td>
                <td>${r.target}</td>
                <td>${view.passes[i] ? '✓ pass' : '✗ fail'}</td>
              </tr>`,
          )}
        </tbody>
      </table></div>
      <p class="nl-static-result">${verdict(view)}</p>`,
  );
}
