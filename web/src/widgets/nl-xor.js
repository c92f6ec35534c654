/**
 * <nl-xor>: the XOR puzzle. A 2-2-1 network of step neurons whose nine weights
 * and biases the reader sets (each on a slider and in a number field); the
 * truth table of the four inputs with the hidden values, the output, the
 * target and a pass/fail mark per row (an icon and a word, not colour alone);
 * the decision regions on the unit square, computed by the core's grid
 * evaluation, with each hidden neuron's line and the four corners with their
 * targets. When all four rows pass, the widget says so (on screen and in its
 * live region) and `solved` turns true. All arithmetic and number formatting is
 * the core's (wasm); the values come from xor-model.js; this file only builds
 * and updates DOM.
 *
 *   <nl-xor id="xor" weights="1 1; 0 0 | 1 0" biases="-0.5 0 | -0.5"></nl-xor>
 *
 * Attributes (numbers separated by spaces or commas, matrix rows by ";",
 * layers by "|", as for nl-network; sizes are fixed at 2 2 1, activations step):
 *   weights   the hidden layer's 2×2 matrix | the output neuron's 2 weights
 *             (default all zeros)
 *   biases    the hidden layer's 2 biases | the output neuron's bias (default zeros)
 *   layout    rows (default: one row of weights per neuron) or cols (one column
 *             per neuron, as in the NumPy lessons)
 *   id, theme as for every widget (base.js)
 *
 * Properties (read-only, float64):
 *   output   the 4 outputs, for the inputs (0,0) (0,1) (1,0) (1,1); null on error
 *   z        the output neuron's 4 pre-activations; null on error
 *   layers   both layers' { z, a }, one row per input (4×2, then 4×1)
 *   solved   true while all four rows match XOR (false on error)
 *   error    null, or the message the widget shows
 *
 * Events: nl-change (bubbles, composed) after any of those changed.
 * CSS parts: base, toolbar, error, body (base.js); map, table, verdict, controls.
 *
 * A bad number typed by the reader marks that field (aria-invalid) and the last
 * good result stays on screen; Escape puts the field's last good value back.
 */
import { NlWidget, el } from './base.js';
import { isIncompleteNumber, parseNumber } from './parse.js';
import { sliderRange } from './neuron-model.js';
import {
  EXTENT,
  MAP_SIDE,
  XOR_INPUTS,
  XOR_TARGETS,
  neuronLine,
  parseXorAttributes,
  regionRuns,
  runsPath,
  verdict,
  xorAttributes,
  xorLayers,
  xorNumpy,
  xorView,
} from './xor-model.js';
import { XOR_CSS } from './nl-xor.css.js';

// Map geometry, in SVG user units: the plotted square and its margins.
const M = { left: 34, top: 12, size: 216, bottom: 34, right: 12 };
const sx = (x) => M.left + ((x - EXTENT.xmin) / (EXTENT.xmax - EXTENT.xmin)) * M.size;
const sy = (y) => M.top + ((EXTENT.ymax - y) / (EXTENT.ymax - EXTENT.ymin)) * M.size;

// The nine parameters, by neuron: their spoken names (the labels show w₁ w₂ b).
const SHORT = ['w₁', 'w₂', 'b'];
const NEURONS = [
  { title: 'Hidden neuron h₁', names: ['w from x₁', 'w from x₂', 'bias b'] },
  { title: 'Hidden neuron h₂', names: ['w from x₁', 'w from x₂', 'bias b'] },
  { title: 'Output neuron ŷ', names: ['w from h₁', 'w from h₂', 'bias b'] },
];

function getParam(state, n, k) {
  if (n < 2) return k < 2 ? state.hidden.weights[n][k] : state.hidden.biases[n];
  return k < 2 ? state.out.weights[k] : state.out.bias;
}

function withParam(state, n, k, value) {
  const hidden = { weights: state.hidden.weights.map((r) => [...r]), biases: [...state.hidden.biases] };
  const out = { weights: [...state.out.weights], bias: state.out.bias };
  if (n < 2) {
    if (k < 2) hidden.weights[n][k] = value;
    else hidden.biases[n] = value;
  } else if (k < 2) out.weights[k] = value;
  else out.bias = value;
  return { hidden, out };
}

/** The <nl-xor> element; its contract is in this file's header comment. */
export class NlXor extends NlWidget {
  static observedAttributes = ['weights', 'biases', 'layout'];
  static styles = XOR_CSS;
  static noun = 'XOR network';

  #ui = null;
  #solved = false;
  #grid = null;
  #map = new Float32Array(MAP_SIDE * MAP_SIDE);

  /** True while all four rows of the truth table match XOR. */
  get solved() {
    return this.#solved;
  }

  setResult(results = {}) {
    if (results.error || results.output == null) this.#solved = false;
    super.setResult(results);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#grid?.delete();
    this.#grid = null;
  }

  parse(attrs) {
    return parseXorAttributes(attrs);
  }

  compute(state, core) {
    return xorView(core, state);
  }

  stateAttributes(state) {
    return xorAttributes(state);
  }

  numpy(state) {
    return xorNumpy(state);
  }

  json(state, view) {
    return {
      ...xorAttributes(state),
      inputs: XOR_INPUTS,
      targets: XOR_TARGETS,
      z: view.z,
      output: view.output,
      layers: view.layers,
      solved: view.solved,
    };
  }

  diagramSvg() {
    return this.#ui?.svg ?? null;
  }

  build(body) {
    const verdictBox = el('p', { class: 'verdict', part: 'verdict' });

    // The decision-region map.
    const figure = el('div', { class: 'figure' });
    const W = M.left + M.size + M.right;
    const H = M.top + M.size + M.bottom;
    const svg = el('svg:svg', {
      class: 'map',
      part: 'map',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': 'map-title',
    });
    const title = el('svg:title', { id: 'map-title' });
    const defs = el('svg:defs');
    const pattern = el('svg:pattern', {
      id: 'hatch',
      width: 6,
      height: 6,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    });
    pattern.append(el('svg:line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
    defs.append(pattern);
    const clip = el('svg:clipPath', { id: 'square' });
    clip.append(el('svg:rect', { x: M.left, y: M.top, width: M.size, height: M.size }));
    defs.append(clip);
    const zero = el('svg:rect', { x: M.left, y: M.top, width: M.size, height: M.size, class: 'region zero' });
    const one = el('svg:path', { class: 'region one' });
    const oneHatch = el('svg:path', { class: 'region hatch', fill: 'url(#hatch)' });
    const unit = el('svg:rect', {
      x: sx(0),
      y: sy(1),
      width: sx(1) - sx(0),
      height: sy(0) - sy(1),
      class: 'unit',
    });
    const lines = el('svg:g', { 'clip-path': 'url(#square)' });
    const neuronLines = [0, 1].map((n) => {
      const line = el('svg:line', { class: `hline h${n + 1}` });
      const label = el('svg:text', { class: 'hlabel', 'text-anchor': 'middle' }, `h${'₁₂'[n]}`);
      lines.append(line, label);
      return { line, label };
    });
    const axes = el('svg:g', { class: 'axes' });
    axes.append(
      el('svg:rect', { x: M.left, y: M.top, width: M.size, height: M.size, class: 'frame' }),
      el('svg:text', { x: M.left + M.size / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-title' }, 'x₁'),
      el('svg:text', { x: 10, y: M.top + M.size / 2 + 4, 'text-anchor': 'middle', class: 'axis-title' }, 'x₂'),
    );
    const ticks = [0, 1].map((v) => {
      const tx = el('svg:text', { x: sx(v), y: M.top + M.size + 14, 'text-anchor': 'middle', class: 'tick' });
      const ty = el('svg:text', { x: M.left - 5, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' });
      axes.append(tx, ty);
      return { tx, ty };
    });
    const corners = el('svg:g', { class: 'corners' });
    const cornerMarks = XOR_INPUTS.map(([x, y], i) => {
      const cx = sx(x);
      const cy = sy(y);
      const target = XOR_TARGETS[i];
      const dot = el('svg:circle', { cx, cy, r: 9, class: target ? 'corner t1' : 'corner t0' });
      const digit = el('svg:text', {
        x: cx,
        y: cy + 4,
        'text-anchor': 'middle',
        class: target ? 'cdigit t1' : 'cdigit t0',
      });
      const right = x === 0;
      const mark = el('svg:text', {
        x: cx + (right ? 14 : -14),
        y: cy + (y === 0 ? -8 : 16),
        'text-anchor': right ? 'start' : 'end',
        class: 'cmark',
      });
      corners.append(dot, digit, mark);
      return { digit, mark };
    });
    svg.append(title, defs, zero, one, oneHatch, unit, lines, axes, corners);
    const legend = el('div', { class: 'legend map-legend' });
    const line = (...parts) => {
      const p = el('p');
      p.append(...parts.map((x) => (typeof x === 'string' ? document.createTextNode(x) : x)));
      legend.append(p);
    };
    line(
      el('span', { class: 'swatch one' }),
      ' output 1 (hatched)   ',
      el('span', { class: 'swatch zero' }),
      ' output 0',
    );
    line(
      el('span', { class: 'dotkey t1' }),
      ' target 1   ',
      el('span', { class: 'dotkey t0' }),
      ' target 0   ✓ right  ✗ wrong',
    );
    line(el('span', { class: 'dashkey' }), ' where h₁ or h₂ flips between 0 and 1');
    figure.append(svg, legend);

    // The truth table.
    // It may scroll sideways on a phone: focusable, so a keyboard can scroll it.
    const tableWrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Truth table' });
    const table = el('table', { class: 'truth', part: 'table' });
    table.append(el('caption', {}, 'Truth table: the four inputs through the network'));
    const thead = el('thead');
    const head = el('tr');
    const cols = [
      ['x₁', 'input 1'],
      ['x₂', 'input 2'],
      ['h₁', 'hidden neuron 1'],
      ['h₂', 'hidden neuron 2'],
      ['z', 'output neuron before the step'],
      ['ŷ', 'output'],
      ['XOR', 'target'],
      ['row', 'pass or fail'],
    ];
    for (const [text, long] of cols) {
      const th = el('th', { scope: 'col' });
      th.append(el('span', { 'aria-hidden': 'true' }, text), el('span', { class: 'sr-only' }, long));
      head.append(th);
    }
    thead.append(head);
    const tbody = el('tbody');
    const rows = XOR_INPUTS.map(() => {
      const tr = el('tr');
      const cells = cols.map(() => el('td'));
      tr.append(...cells);
      tbody.append(tr);
      return { tr, cells };
    });
    table.append(thead, tbody);
    tableWrap.append(table);

    const top = el('div', { class: 'top' });
    top.append(figure, tableWrap);

    // The controls: one fieldset per neuron, a slider and a field per number.
    const controls = el('div', { class: 'controls', part: 'controls' });
    const params = NEURONS.map((neuron, n) => {
      const set = el('fieldset', { class: 'neuron' });
      const formula = n < 2 ? `h${'₁₂'[n]} = step(w₁x₁ + w₂x₂ + b)` : 'ŷ = step(w₁h₁ + w₂h₂ + b)';
      set.append(el('legend', {}, neuron.title), el('p', { class: 'formula' }, formula));
      controls.append(set);
      return neuron.names.map((name, k) => {
        const id = `p-${n}-${k}`;
        const spoken = `${neuron.title}, ${name.replace('w ', 'weight ')}`;
        const range = el('input', { type: 'range', step: '0.1', 'aria-label': spoken });
        const field = el('input', {
          type: 'text',
          id,
          inputmode: 'decimal',
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-label': `${spoken}, exact value`,
        });
        const row = el('div', { class: 'param' });
        row.append(el('label', { for: id, class: 'name' }, SHORT[k]), range, field);
        set.append(row);
        const param = { n, k, range, field, last: '' };
        this.listen(range, 'input', () => {
          field.value = range.value;
          this.#edit(param, range.value);
        });
        this.listen(field, 'input', () => this.#edit(param, field.value));
        this.listen(field, 'focus', () => {
          param.last = field.value;
        });
        this.listen(field, 'keydown', (event) => {
          if (event.key === 'Escape') {
            field.value = this.#shown(param);
            this.#mark(param, null);
          }
        });
        this.listen(field, 'change', () => {
          if (field.getAttribute('aria-invalid') !== 'true') field.value = this.#shown(param);
        });
        return param;
      });
    });
    const note = el('p', { class: 'field-note', role: 'status' });
    note.hidden = true;
    controls.append(note);

    body.append(verdictBox, top, controls);
    this.#ui = {
      verdictBox,
      svg,
      title,
      one,
      oneHatch,
      neuronLines,
      ticks,
      cornerMarks,
      rows,
      params: params.flat(),
      note,
    };
  }

  // The value a field shows for its parameter: the number as the reader can retype it.
  #shown({ n, k }) {
    return String(getParam(this.state, n, k));
  }

  sync(state) {
    for (const p of this.#ui.params) {
      const value = getParam(state, p.n, p.k);
      const { min, max } = sliderRange(value);
      p.range.min = String(Math.min(min, -3));
      p.range.max = String(Math.max(max, 3));
      p.range.value = String(value);
      p.field.value = String(value);
      this.#mark(p, null);
    }
  }

  // A reader's edit of one number (from its slider or its field).
  #edit(param, text) {
    const value = parseNumber(text);
    if (value === null) {
      if (!isIncompleteNumber(text)) this.#mark(param, `"${String(text).slice(0, 24)}" is not a number.`);
      return;
    }
    if (Math.abs(value) > 1e6) {
      this.#mark(param, 'Keep the numbers between -1000000 and 1000000.');
      return;
    }
    const problem = this.update(withParam(this.state, param.n, param.k, value));
    if (problem) {
      this.#mark(param, problem);
      return;
    }
    this.#mark(param, null);
    if (text === param.field.value) {
      // Typed values move the slider, widening it when they lie outside.
      param.range.min = String(Math.min(Math.floor(value), Number(param.range.min)));
      param.range.max = String(Math.max(Math.ceil(value), Number(param.range.max)));
      param.range.value = String(value);
    }
  }

  #mark(param, message) {
    const { note } = this.#ui;
    if (message) {
      param.field.setAttribute('aria-invalid', 'true');
      param.field.setAttribute('aria-describedby', 'xor-note');
      note.id = 'xor-note';
      note.textContent = message;
      note.hidden = false;
    } else {
      param.field.removeAttribute('aria-invalid');
      param.field.removeAttribute('aria-describedby');
      if (!this.#ui.params.some((p) => p.field.getAttribute('aria-invalid') === 'true')) note.hidden = true;
    }
  }

  render(view, state) {
    const ui = this.#ui;
    this.#solved = view.solved;
    const say = verdict(view);
    ui.verdictBox.textContent = `${view.solved ? '✓' : '✗'} ${say}`;
    ui.verdictBox.classList.toggle('solved', view.solved);

    view.text.rows.forEach((r, i) => {
      const pass = view.passes[i];
      const values = [r.x1, r.x2, r.h1, r.h2, r.z, r.y, r.target, pass ? '✓ pass' : '✗ fail'];
      ui.rows[i].cells.forEach((td, c) => {
        td.textContent = values[c];
      });
      ui.rows[i].tr.className = pass ? 'pass' : 'fail';
      const corner = ui.cornerMarks[i];
      corner.digit.textContent = r.target;
      corner.mark.textContent = `ŷ=${r.y} ${pass ? '✓' : '✗'}`;
      corner.mark.setAttribute('class', pass ? 'cmark pass' : 'cmark fail');
    });
    const tickText = this.core.formatFixed([0, 1], 0).split(' ');
    ui.ticks.forEach(({ tx, ty }, v) => {
      tx.textContent = tickText[v];
      ty.textContent = tickText[v];
    });

    this.#renderMap(state);
    ui.title.textContent = `Decision regions of the network on the unit square. ${say}`;
    this.announce(say);
  }

  #renderMap(state) {
    const ui = this.#ui;
    const layers = xorLayers(state);
    if (!this.#grid) this.#grid = this.core.createGrid(layers);
    else this.#grid.setLayers(layers);
    this.#grid.evaluate(EXTENT, MAP_SIDE, this.#map);
    const d = runsPath(regionRuns(this.#map, MAP_SIDE), MAP_SIDE, M.size, 0);
    const transform = `translate(${M.left} ${M.top})`;
    for (const path of [ui.one, ui.oneHatch]) {
      path.setAttribute('d', d || 'M0 0');
      path.setAttribute('transform', transform);
    }
    ui.neuronLines.forEach(({ line, label }, n) => {
      const ends = neuronLine(state.hidden.weights[n], state.hidden.biases[n]);
      line.removeAttribute('visibility');
      label.removeAttribute('visibility');
      if (!ends) {
        line.setAttribute('visibility', 'hidden');
        label.setAttribute('visibility', 'hidden');
        return;
      }
      const [[x1, y1], [x2, y2]] = ends;
      line.setAttribute('x1', sx(x1));
      line.setAttribute('y1', sy(y1));
      line.setAttribute('x2', sx(x2));
      line.setAttribute('y2', sy(y2));
      // The label sits a quarter of the way along, pushed off the line.
      const t = n === 0 ? 0.22 : 0.78;
      const lx = sx(x1 + (x2 - x1) * t);
      const ly = sy(y1 + (y2 - y1) * t);
      const dx = sx(x2) - sx(x1);
      const dy = sy(y2) - sy(y1);
      const len = Math.hypot(dx, dy) || 1;
      label.setAttribute('x', String(lx + (-dy / len) * 10));
      label.setAttribute('y', String(ly + (dx / len) * 10 + 4));
    });
  }
}

if (!customElements.get('nl-xor')) customElements.define('nl-xor', NlXor);
