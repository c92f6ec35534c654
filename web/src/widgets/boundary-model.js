// What <nl-boundary> knows without the DOM: its attributes checked into a
// state (the network part is network-model.js's), the float64 result at the
// marked point and under the pointer, a coarse table of values for screen
// readers, axis ticks, the diverging colour scale, and HeatMap, which fills an
// RGBA pixel buffer from the core's float32 grid evaluation with no allocation
// per frame. The element only moves these onto a canvas and into the DOM.

import { html } from '../prerender/html.js';
import { activationName } from './neuron-model.js';
import {
  layerShape,
  networkAttributes,
  numpyLayers,
  numpyProduct,
  parseNetworkAttributes,
  sizesOf,
} from './network-model.js';
import { formatMatrix, formatNumber, formatVector, parseArrayText, parseVector } from './parse.js';
import { pyActivation, pyArray } from './share.js';

/** Grid side limits: the core's maximum, and a floor below which the map says nothing. */
export const SIDE = Object.freeze({ min: 16, max: 2048, default: 200 });

/** Most weights and biases the widget puts on sliders; most sample points. */
export const BOUNDARY_LIMITS = Object.freeze({ parameters: 64, points: 256, width: 16, layers: 6, samples: 1 });

/** Side of the coarse table of values (screen readers, no-JS pages). */
export const TABLE_SIDE = 5;

const DIGITS = 3;
const has = (a, name) => a[name] !== undefined && a[name] !== null && String(a[name]).trim() !== '';

/**
 * The attributes of <nl-boundary>, checked: the network's state (one sample:
 * the marked point) plus { extent: { xmin, xmax, ymin, ymax }, side, notice
 * (null, or why the resolution was clamped), points: [[x, y, label]] }.
 */
export function parseBoundaryAttributes(a, core) {
  const extent = parseExtent(has(a, 'extent') ? a.extent : '-1 2 -1 2');
  const inputs = has(a, 'inputs') ? a.inputs : `${(extent.xmin + extent.xmax) / 2} ${(extent.ymin + extent.ymax) / 2}`;
  const net = parseNetworkAttributes({ ...a, inputs }, core, BOUNDARY_LIMITS);
  if (layerShape(net.layers[0]).nIn !== 2) {
    throw new Error(
      `A decision-boundary map needs a network with 2 inputs; this one has ${layerShape(net.layers[0]).nIn}.`,
    );
  }
  if (net.batch) throw new Error('The inputs of a decision-boundary map are one point (x₁ x₂), not a batch.');
  const count = core.parameterCount(sizesOf(net.layers));
  if (count > BOUNDARY_LIMITS.parameters) {
    throw new Error(
      `This network has ${count} weights and biases; the map puts at most ${BOUNDARY_LIMITS.parameters} on sliders.`,
    );
  }
  let side = SIDE.default;
  let notice = null;
  if (has(a, 'resolution')) {
    const r = parseVector(a.resolution, 'resolution', { numbers: 1, text: 64 })[0];
    if (!Number.isFinite(r) || !Number.isInteger(r))
      throw new Error(`The resolution attribute must be a whole number, not ${formatNumber(r)}.`);
    side = Math.min(SIDE.max, Math.max(SIDE.min, r));
    if (side !== r)
      notice = `The resolution ${formatNumber(r)} is outside ${SIDE.min} to ${SIDE.max}; the map uses ${side}.`;
  }
  const points = has(a, 'points') ? parsePoints(a.points) : [];
  return { ...net, extent, side, notice, points };
}

/** "xmin xmax ymin ymax" checked: four finite numbers, each pair increasing, within ±1e6. */
export function parseExtent(text) {
  const v = parseVector(text, 'extent', { numbers: 4, text: 256 });
  if (v.length !== 4)
    throw new Error(`The extent attribute needs four numbers (xmin xmax ymin ymax), not ${v.length}.`);
  const [xmin, xmax, ymin, ymax] = v;
  if (v.some((x) => Math.abs(x) > 1e6)) throw new Error('The extent numbers must lie between -1000000 and 1000000.');
  if (!(xmin < xmax) || !(ymin < ymax)) throw new Error('The extent needs xmin < xmax and ymin < ymax.');
  if (xmax - xmin < 1e-6 || ymax - ymin < 1e-6) throw new Error('The extent is too small to draw.');
  return { xmin, xmax, ymin, ymax };
}

/** "x y label; …" sample points, at most BOUNDARY_LIMITS.points. */
export function parsePoints(text) {
  const { dims, value } = parseArrayText(text, 'points', {
    numbers: 3 * BOUNDARY_LIMITS.points,
    rows: BOUNDARY_LIMITS.points,
    text: 16384,
  });
  const rows = dims === 2 ? value : dims === 1 ? [value] : [[value]];
  if (rows[0].length !== 3)
    throw new Error(`Each of the points needs three numbers, x y label (e.g. "0 0 0; 0 1 1"), not ${rows[0].length}.`);
  return rows;
}

/** The network's first output at one point, float64 (throws the core's Error). */
export function outputAt(core, layers, x, y) {
  const results = core.network({ inputs: [x, y], layers });
  return results[results.length - 1].a.data[0];
}

/**
 * The view: the marked point's results (z, output, layers as nl-network's, one
 * sample) and the text the widget shows: the point, its output, every parameter,
 * and the coarse table { xs, ys, rows } of first outputs.
 */
export function boundaryView(core, state) {
  const results = core.network({ inputs: state.inputs, layers: state.layers });
  const last = results[results.length - 1];
  const { xs, ys } = tableAxes(state.extent);
  const batch = [];
  for (const y of ys) for (const x of xs) batch.push([x, y]);
  const grid = core.network({ inputs: batch, layers: state.layers });
  const g = grid[grid.length - 1].a;
  const firsts = Array.from({ length: batch.length }, (_, i) => g.data[i * g.cols]);
  const params = parameters(state.layers).map((p) => p.value);
  const all = core
    .formatFixed([...state.inputs[0], last.a.data[0], ...params, ...xs, ...ys, ...firsts], DIGITS)
    .split(' ');
  let at = 0;
  const take = (n) => all.slice(at, (at += n));
  const [px, py] = take(2);
  const [out] = take(1);
  const paramText = take(params.length);
  const xText = take(xs.length);
  const yText = take(ys.length);
  const cells = take(firsts.length);
  return {
    z: Array.from(last.z.data),
    output: Array.from(last.a.data),
    layers: results.map((r) => ({ z: Array.from(r.z.data), a: Array.from(r.a.data) })),
    text: {
      point: [px, py],
      output: out,
      params: paramText,
      table: { xs: xText, ys: yText, rows: ys.map((_, r) => cells.slice(r * xs.length, (r + 1) * xs.length)) },
    },
  };
}

/** The coarse table's sample coordinates: TABLE_SIDE evenly spaced values across each axis, y from the top. */
export function tableAxes({ xmin, xmax, ymin, ymax }) {
  const n = TABLE_SIDE;
  const xs = Array.from({ length: n }, (_, i) => xmin + ((xmax - xmin) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, i) => ymax - ((ymax - ymin) * i) / (n - 1));
  return { xs, ys };
}

/**
 * Every weight and bias of the network, in slider order:
 * [{ layer, kind: 'w' | 'b', r, c, value, name }] (r, c index the stored matrix).
 */
export function parameters(layers) {
  const list = [];
  layers.forEach((l, k) => {
    const cols = l.layout === 'cols';
    l.weights.forEach((row, r) =>
      row.forEach((value, c) => {
        const [i, j] = cols ? [r, c] : [c, r]; // input i, neuron j
        list.push({
          layer: k,
          kind: 'w',
          r,
          c,
          value,
          name: `w${sub(j + 1)}${sub(i + 1)}`,
          spoken: `layer ${k + 1} weight from input ${i + 1} to neuron ${j + 1}`,
        });
      }),
    );
    l.biases.forEach((value, j) =>
      list.push({
        layer: k,
        kind: 'b',
        r: 0,
        c: j,
        value,
        name: `b${sub(j + 1)}`,
        spoken: `layer ${k + 1} bias of neuron ${j + 1}`,
      }),
    );
  });
  return list;
}

function sub(n) {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
}

/** The layers with one parameter (from parameters()) set to a new value. */
export function withParameter(layers, p, value) {
  return layers.map((l, k) => {
    if (k !== p.layer) return l;
    if (p.kind === 'b') return { ...l, biases: l.biases.map((v, j) => (j === p.c ? value : v)) };
    return { ...l, weights: l.weights.map((row, r) => (r === p.r ? row.map((v, c) => (c === p.c ? value : v)) : row)) };
  });
}

/** A symmetric slider range that holds the value: ±2, or ±2|v| rounded up for larger values; and a step. */
export function sliderRange(value) {
  const m = Math.max(2, Math.ceil(2 * Math.abs(value)));
  return { min: -m, max: m, step: m > 10 ? 0.1 : 0.01 };
}

/** Round tick values across [min, max], about `count` of them, and the decimals they need. */
export function ticks(min, max, count = 5) {
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / mag === 2.5 ? 1 : 0));
  const values = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
    values.push(Number(v.toFixed(10)));
  return { values, digits };
}

// Diverging orange (0) → near white (0.5) → blue (1): distinct under the
// common colour-vision deficiencies, and with the 0.5 line drawn dark.
const STOPS = [
  [0, [179, 88, 6]],
  [0.25, [241, 163, 64]],
  [0.5, [247, 247, 247]],
  [0.75, [146, 197, 222]],
  [1, [33, 102, 172]],
];

/** The colour of a value in [0, 1] (clamped) as [r, g, b]. */
export function colourOf(value) {
  const v = Math.min(1, Math.max(0, value));
  let i = 0;
  while (i < STOPS.length - 2 && v > STOPS[i + 1][0]) i++;
  const [a, ca] = STOPS[i];
  const [b, cb] = STOPS[i + 1];
  const t = (v - a) / (b - a);
  return ca.map((x, k) => Math.round(x + (cb[k] - x) * t));
}

/** The legend's CSS gradient, from 0 (left) to 1 (right). */
/** The plane's coordinates at fractions (fx, fy) of the map's width and height, fy from the top. */
export function planeAt({ xmin, xmax, ymin, ymax }, fx, fy) {
  const f = (v) => Math.min(1, Math.max(0, v));
  return { x: xmin + (xmax - xmin) * f(fx), y: ymax - (ymax - ymin) * f(fy) };
}

/** Where a point lies on the map, as fractions of its width and height (fy from the top). */
export function fractionOf({ xmin, xmax, ymin, ymax }, x, y) {
  return { fx: (x - xmin) / (xmax - xmin), fy: (ymax - y) / (ymax - ymin) };
}

/** A coordinate rounded to 3 decimals, as a point picked on the map is stored. */
export function roundCoordinate(v) {
  return Number(v.toFixed(3));
}

/** The marked point moved by one arrow-key step: a 20th of the extent (Shift: a 5th), kept inside. */
export function stepPoint({ xmin, xmax, ymin, ymax }, [x, y], dx, dy, big = false) {
  const k = big ? 5 : 20;
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [
    roundCoordinate(clamp(x + (dx * (xmax - xmin)) / k, xmin, xmax)),
    roundCoordinate(clamp(y + (dy * (ymax - ymin)) / k, ymin, ymax)),
  ];
}

/** The hover readout: the point and the network's float64 first output there, formatted by the core. */
export function probeText(core, layers, x, y) {
  const out = outputAt(core, layers, x, y);
  const [tx, ty, to] = core.formatFixed([x, y, out], DIGITS).split(' ');
  return { x: tx, y: ty, output: to, value: out };
}

export const LEGEND_GRADIENT = `linear-gradient(to right, ${STOPS.map(([at, c]) => `rgb(${c.join(' ')}) ${at * 100}%`).join(', ')})`;

const LUT_SIZE = 1024;
const CONTOUR = [20, 20, 20];

/**
 * The heat map of a network's first output over a square grid: evaluated by the
 * core's float32 grid kernel into one reused Float32Array, then coloured into
 * an RGBA buffer (an ImageData's data) through a lookup table. Cells where the
 * output crosses 0.5 against a neighbour are drawn dark: the decision line.
 * draw() allocates nothing once the side is fixed. Call delete() when done.
 */
export class HeatMap {
  #core;
  #grid = null;
  #values = new Float32Array(0);
  #lut = new Uint8ClampedArray(LUT_SIZE * 3);

  constructor(core) {
    this.#core = core;
    for (let i = 0; i < LUT_SIZE; i++) this.#lut.set(colourOf(i / (LUT_SIZE - 1)), 3 * i);
  }

  /** The last evaluated float32 values, row 0 at ymax. */
  get values() {
    return this.#values;
  }

  /** Evaluates the layers over extent at side×side and fills rgba (length 4·side²). */
  draw(layers, extent, side, rgba) {
    if (this.#grid) this.#grid.setLayers(layers);
    else this.#grid = this.#core.createGrid(layers);
    const cells = side * side;
    if (this.#values.length !== cells) this.#values = new Float32Array(cells);
    const v = this.#values;
    this.#grid.evaluate(extent, side, v);
    const lut = this.#lut;
    const top = LUT_SIZE - 1;
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        const i = row * side + col;
        const x = v[i];
        const above = x > 0.5;
        const edge = (col + 1 < side && v[i + 1] > 0.5 !== above) || (row + 1 < side && v[i + side] > 0.5 !== above);
        const o = 4 * i;
        if (edge) {
          rgba[o] = CONTOUR[0];
          rgba[o + 1] = CONTOUR[1];
          rgba[o + 2] = CONTOUR[2];
        } else {
          const k = 3 * (x <= 0 ? 0 : x >= 1 ? top : (x * top + 0.5) | 0);
          rgba[o] = lut[k];
          rgba[o + 1] = lut[k + 1];
          rgba[o + 2] = lut[k + 2];
        }
        rgba[o + 3] = 255;
      }
    }
  }

  delete() {
    this.#grid?.delete();
    this.#grid = null;
  }
}

/** The state as attribute text that parseBoundaryAttributes reads back. */
export function boundaryAttributes(state) {
  const attrs = networkAttributes(state);
  delete attrs.sizes;
  attrs.sizes = sizesOf(state.layers).join(' ');
  const { xmin, xmax, ymin, ymax } = state.extent;
  attrs.extent = formatVector([xmin, xmax, ymin, ymax]);
  attrs.resolution = String(state.side);
  if (state.points.length) attrs.points = formatMatrix(state.points);
  return attrs;
}

/** A NumPy program that prints the marked point's output and the coarse table, as the widget shows them. */
export function boundaryNumpy(state) {
  const { xs, ys } = tableAxes(state.extent);
  const lines = ['import numpy as np', '', ...numpyLayers(state), '', 'def forward(X):'];
  let input = 'X';
  state.layers.forEach((l, i) => {
    lines.push(`    Z${i + 1} = ${numpyProduct(l, i, input)}`);
    lines.push(`    A${i + 1} = ${pyActivation(l.activation, `Z${i + 1}`)}  # ${l.activation}`);
    input = `A${i + 1}`;
  });
  lines.push(`    return ${input}[:, 0]  # the first output`, '');
  lines.push(`point = ${pyArray(state.inputs[0])}`);
  lines.push('print("output at", " ".join(f"{v:.3f}" for v in point), f"{forward(np.atleast_2d(point))[0]:.3f}")');
  lines.push(`xs = ${pyArray(xs)}`, `ys = ${pyArray(ys)}  # from the top`);
  lines.push('for y in ys:', '    row = forward(np.array([[x, y] for x in xs]))');
  lines.push('    print(f"{y:.3f}", " ".join(f"{v:.3f}" for v in row))', '');
  return lines.join('\n');
}

/**
 * Static HTML for the site build: what the map shows, in words, and the coarse
 * table of values. Throws the widget's message on bad attributes.
 */
export function prerender(attributes, core) {
  const state = parseBoundaryAttributes(attributes, core);
  const view = boundaryView(core, state);
  const t = view.text.table;
  const acts = state.layers.map((l) => activationName(l.activation)).join(', ');
  return String(
    html`<p class="nl-static-result">
        Decision-boundary map of a ${sizesOf(state.layers).join('-')} network (${acts}): its first output over x₁ and
        x₂. At the marked point (${view.text.point[0]}, ${view.text.point[1]}) the output is
        <span data-nl-value="output">${view.text.output}</span>.
      </p>
      <div class="nl-static-scroll" tabindex="0" role="region" aria-label="${'Output at a grid of points'}"><table class="nl-static-table">
        <caption>
          Output at a ${TABLE_SIDE}×${TABLE_SIDE} grid of points (rows: x₂, columns: x₁)
        </caption>
        <thead>
          <tr>
            <th scope="col">x₂ \\ x₁</th>
            ${t.xs.map((x) => html`<th scope="col">${x}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${t.rows.map(
            (row, r) =>
              html`<tr>
                <th scope="row">${t.ys[r]}</th>
                ${row.map((v) => html`<td>${v}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table></div>`,
  );
}
