// What <nl-activation> knows without the DOM: its attributes checked into a
// state (the functions, by the core's canonical names; the range of z; the
// probe's position), the core's values of every function along the range and
// at the probe with every number formatted by the core, the plot's geometry
// (scales, ticks, polylines), the state as attribute text, the NumPy program
// that prints the probe's readout, and the static HTML of the site build. The
// element only puts these values on screen.

import { html } from '../prerender/html.js';
import { formatNumber, parseNames, parseVector } from './parse.js';
import { pyActivation, pyFloat } from './share.js';

/** Decimal places of the values shown. */
export const DIGITS = 3;

/** Samples per curve. */
export const SAMPLES = 241;

/** Probe positions across the range (arrow keys move one of these steps). */
export const STEPS = 100;

/** What the attributes default to. */
export const DEFAULT_FUNCTIONS = 'step sigmoid tanh relu';
export const DEFAULT_RANGE = [-5, 5];

/** Activations the widget can plot (softmax works on whole layers, not one z). */
const PLOTTABLE = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity'];

/** Plot geometry in SVG user units. */
export const PLOT = Object.freeze({ width: 480, height: 280, left: 42, right: 14, top: 12, bottom: 32 });

/**
 * The attributes of <nl-activation>, checked: { functions: canonical names,
 * range: [lo, hi], probe: a step index 0..STEPS }. Throws an Error for the reader.
 */
export function parseActivationAttributes(a, core) {
  const text = a.functions == null || String(a.functions).trim() === '' ? DEFAULT_FUNCTIONS : a.functions;
  const names = parseNames(text, 'functions', { count: 8 });
  const functions = names.map((n, i) => {
    let canonical;
    try {
      canonical = core.parseActivation(n);
    } catch (err) {
      throw new Error(`In functions, item ${i + 1}: ${err.message}.`, { cause: err });
    }
    const base = canonical.replace(/\(.*\)$/, '');
    if (!PLOTTABLE.includes(base)) {
      throw new Error(
        `In functions, item ${i + 1}: ${base} works on a whole layer, not on one z, so it cannot be plotted here.`,
      );
    }
    return canonical;
  });
  if (new Set(functions).size !== functions.length) throw new Error('The functions attribute names a function twice.');
  let range = DEFAULT_RANGE;
  if (a.range != null && String(a.range).trim() !== '') {
    range = parseVector(a.range, 'range', { numbers: 2, text: 200 });
    if (range.length !== 2)
      throw new Error(`The range attribute must be two numbers, e.g. "-5 5", not ${range.length}.`);
    if (!(range[0] < range[1]))
      throw new Error('The range attribute must be two numbers, the smaller first, e.g. "-5 5".');
    if (Math.abs(range[0]) > 1e6 || Math.abs(range[1]) > 1e6)
      throw new Error('The range attribute must lie between -1000000 and 1000000.');
  }
  return { functions, range: [...range], probe: initialProbe(range) };
}

/** The probe's step nearest z = 1, or the middle when 1 is outside the range. */
function initialProbe([lo, hi]) {
  const want = lo < 1 && 1 < hi ? 1 : (lo + hi) / 2;
  return Math.round(((want - lo) / (hi - lo)) * STEPS);
}

/** The z of a probe step. */
export function probeX(state, step = state.probe) {
  const [lo, hi] = state.range;
  if (step <= 0) return lo;
  if (step >= STEPS) return hi;
  // Rounded to a tidy number (0.1 rather than 0.10000000000000142) when the grid allows.
  const x = lo + ((hi - lo) * step) / STEPS;
  const tidy = Number(x.toPrecision(12));
  return Object.is(tidy, -0) ? 0 : tidy;
}

/** The probe step nearest to a z (from the pointer), clamped to the range. */
export function stepOf(state, x) {
  const [lo, hi] = state.range;
  return Math.max(0, Math.min(STEPS, Math.round(((x - lo) / (hi - lo)) * STEPS)));
}

/** The values of one activation at every z of xs, from the core (float64). */
export function activationValues(core, name, xs) {
  const [{ a }] = core.network({
    inputs: xs.map((x) => [x]),
    layers: [{ weights: [[1]], biases: [0], activation: name, layout: 'rows' }],
  });
  return Array.from(a.data);
}

/** "leaky_relu(0.2)" -> 0.2, "leaky_relu" -> 0.01, others null. */
export function slopeOf(canonical) {
  if (canonical === 'leaky_relu') return 0.01;
  const m = /^leaky_relu\((.+)\)$/.exec(canonical);
  return m ? Number(m[1]) : null;
}

/** A function's legend label, with the leaky slope written out by the core. */
function labelOf(core, canonical) {
  const slope = slopeOf(canonical);
  if (slope === null) return canonical;
  return `leaky_relu (slope ${trimZeros(core.formatFixed(slope, 6))})`;
}

const trimZeros = (t) => t.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** Tick positions: a tidy step giving about `count` ticks over [lo, hi]. */
export function ticks(lo, hi, count = 6) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Number(([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag).toPrecision(12));
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)) || 0);
  const decimals = Math.min(12, (String(step).split('.')[1] ?? '').length);
  return { values: out, decimals };
}

/**
 * Everything the widget shows: { z (the probe's x), output (one value per
 * function at the probe), functions: [{ name, label, values (float64 along xs), at, text }],
 * xs, probeText, plot: { x(z), y(v), yRange, xTicks, yTicks (with text) },
 * table: { xs: string[], rows: [{ label, values: string[] }] } }. Throws the core's Error.
 */
export function activationView(core, state) {
  const [lo, hi] = state.range;
  const xs = Array.from({ length: SAMPLES }, (_, i) => (i === SAMPLES - 1 ? hi : lo + ((hi - lo) * i) / (SAMPLES - 1)));
  const x = probeX(state);
  const tableXs = tablePoints(state.range);
  const fns = state.functions.map((name) => {
    const all = activationValues(core, name, [...xs, x, ...tableXs]);
    return {
      name,
      label: labelOf(core, name),
      values: all.slice(0, SAMPLES),
      at: all[SAMPLES],
      table: all.slice(SAMPLES + 1),
    };
  });
  // y range from the sampled values, padded, always showing 0.
  let ymin = 0;
  let ymax = 1;
  for (const f of fns)
    for (const v of f.values) {
      if (v < ymin) ymin = v;
      if (v > ymax) ymax = v;
    }
  const pad = (ymax - ymin) * 0.06;
  ymin -= pad;
  ymax += pad;
  const xt = ticks(lo, hi);
  const yt = ticks(ymin, ymax, 5);
  // Every number on screen, formatted by the core in three calls.
  const shown = core.formatFixed([x, ...fns.map((f) => f.at)], DIGITS).split(' ');
  const tableText = core.formatFixed([...tableXs, ...fns.flatMap((f) => f.table)], DIGITS).split(' ');
  const xTickText = core.formatFixed(xt.values, xt.decimals).split(' ');
  const yTickText = core.formatFixed(yt.values, yt.decimals).split(' ');
  fns.forEach((f, i) => {
    f.text = shown[i + 1];
  });
  const n = tableXs.length;
  return {
    z: x,
    output: fns.map((f) => f.at),
    layers: null,
    xs,
    functions: fns,
    probeText: shown[0],
    plot: {
      xmin: lo,
      xmax: hi,
      ymin,
      ymax,
      xTicks: xt.values.map((v, i) => ({ v, text: xTickText[i] })),
      yTicks: yt.values.map((v, i) => ({ v, text: yTickText[i] })),
    },
    table: {
      xs: tableText.slice(0, n),
      rows: fns.map((f, k) => ({ label: f.label, values: tableText.slice(n + k * n, n + (k + 1) * n) })),
    },
  };
}

/** The z values of the table alternative: both ends, zero when inside, and tidy points between. */
export function tablePoints([lo, hi]) {
  const { values } = ticks(lo, hi, 4);
  const set = [lo, ...values, hi].filter((v, i, all) => all.findIndex((w) => Math.abs(w - v) < 1e-12) === i);
  return set.sort((a, b) => a - b).slice(0, 9);
}

/** Scales from the view's plot ranges to SVG units. */
export function scales(plot) {
  const { width, height, left, right, top, bottom } = PLOT;
  const w = width - left - right;
  const h = height - top - bottom;
  return {
    x: (v) => left + ((v - plot.xmin) / (plot.xmax - plot.xmin)) * w,
    y: (v) => top + ((plot.ymax - v) / (plot.ymax - plot.ymin)) * h,
    invertX: (px) => plot.xmin + ((px - left) / w) * (plot.xmax - plot.xmin),
  };
}

/**
 * A function's curve as SVG path data. The step function is drawn with a
 * vertical jump at 0 (the samples straddle it); others as a polyline.
 */
export function curvePath(xs, values, s) {
  const r = (v) => Math.round(v * 100) / 100;
  return xs.map((x, i) => `${i ? 'L' : 'M'}${r(s.x(x))} ${r(s.y(values[i]))}`).join('');
}

/** The state as <nl-activation> attribute text that parseActivationAttributes reads back. */
export function activationAttributes(state) {
  return {
    functions: state.functions.join(' '),
    range: `${formatNumber(state.range[0])} ${formatNumber(state.range[1])}`,
  };
}

/** A NumPy program that prints the readout: every function's value at the probe's z. */
export function activationNumpy(state) {
  const x = probeX(state);
  const lines = [
    'import numpy as np',
    '',
    `z = np.array([${pyFloat(x)}])  # the probe`,
    `print("z", f"{z[0]:.${DIGITS}f}")`,
  ];
  for (const name of state.functions) {
    lines.push(`print(${JSON.stringify(name)}, f"{(${pyActivation(name, 'z')})[0]:.${DIGITS}f}")`);
  }
  lines.push('');
  return lines.join('\n');
}

/** A small table of values as static HTML for the site build; throws the widget's message on bad attributes. */
export function prerender(attributes, core) {
  const state = parseActivationAttributes(attributes, core);
  const view = activationView(core, state);
  return String(
    html`<div class="nl-static-scroll" tabindex="0" role="region" aria-label="${'Activation functions at a few values of z'}"><table class="nl-static-table">
      <caption>
        Activation functions at a few values of z
      </caption>
      <thead>
        <tr>
          <th scope="col">z</th>
          ${view.table.xs.map((x) => html`<th scope="col">${x}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${view.table.rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.label}</th>
              ${row.values.map((v) => html`<td>${v}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table></div>`,
  );
}
