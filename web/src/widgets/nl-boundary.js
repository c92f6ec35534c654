/**
 * <nl-boundary>: a 2-input network's first output as a heat map over the plane,
 * with its decision line (output 0.5) drawn dark, recomputed by the core's
 * float32 grid evaluation while the weights are dragged. The marked point (the
 * inputs) and the value under the pointer come from the float64 core. All
 * arithmetic and number formatting is the NeuronLab core's (wasm); the values
 * come from boundary-model.js; this file only builds and updates DOM.
 *
 *   <nl-boundary layout="rows" sizes="2 2 1" weights="10 10; 10 10 | 10 -20"
 *                biases="-5 -15 | -5" activations="sigmoid sigmoid"
 *                inputs="1 0" extent="-0.5 1.5 -0.5 1.5"
 *                points="0 0 0; 0 1 1; 1 0 1; 1 1 0"></nl-boundary>
 *
 * Attributes: those of <nl-network> (inputs, activations, sizes, seed, scale,
 * weights, biases, layout), for a network with 2 inputs and at most 64 weights
 * and biases; inputs is the marked point (default: the middle of the extent).
 *   extent      "xmin xmax ymin ymax" (default "-1 2 -1 2")
 *   resolution  grid side in cells (default 200; clamped to 16…2048 with a note)
 *   points      sample points drawn on the map, "x y label; …" (label 1: filled
 *               circle, label 0: hollow square)
 *   id, theme   as for every widget (base.js)
 *
 * Properties (read-only, float64): z, output, layers as <nl-network>'s for the
 * marked point (output[0] is the value the map shows there); error.
 * Events: nl-change (bubbles, composed) after any of those changed.
 * CSS parts: base, toolbar, error, body (base.js); map, readout, controls, table.
 *
 * Keyboard: every weight and bias is a slider (arrow keys) with a number field;
 * on the focused map, arrow keys move the marked point (Shift: larger steps).
 * Nothing animates, so prefers-reduced-motion needs no change of behaviour: the
 * map only follows the reader's own dragging. Slider input is coalesced to one
 * redraw per animation frame; a redraw reuses its Float32Array and ImageData.
 */
import { NlWidget, el } from './base.js';
import {
  HeatMap,
  LEGEND_GRADIENT,
  TABLE_SIDE,
  boundaryAttributes,
  boundaryNumpy,
  boundaryView,
  fractionOf,
  parameters,
  parseBoundaryAttributes,
  planeAt,
  probeText,
  roundCoordinate,
  sliderRange,
  stepPoint,
  ticks,
  withParameter,
} from './boundary-model.js';
import { layerName, sizesOf } from './network-model.js';
import { BOUNDARY_CSS } from './nl-boundary.css.js';
import { parseNumber } from './parse.js';

// The map's frame in SVG units; the canvas is laid exactly over the plot square.
const P = { width: 432, height: 418, left: 64, top: 8, size: 350 };

/** The <nl-boundary> element; its contract is in this file's header comment. */
export class NlBoundary extends NlWidget {
  static observedAttributes = [
    'inputs',
    'sizes',
    'activations',
    'seed',
    'scale',
    'weights',
    'biases',
    'layout',
    'extent',
    'resolution',
    'points',
  ];
  static styles = BOUNDARY_CSS;
  static noun = 'decision-boundary map';

  #ui = null;
  #heat = null;
  #image = null; // ImageData, reused while the side is unchanged
  #pending = null; // the state waiting for the next animation frame
  #frame = 0;
  #probe = null; // { fx, fy } of the pointer, waiting for its frame
  #extentKey = '';

  parse(attrs, core) {
    return parseBoundaryAttributes(attrs, core);
  }

  compute(state, core) {
    return boundaryView(core, state);
  }

  stateAttributes(state) {
    return boundaryAttributes(state);
  }

  numpy(state) {
    return boundaryNumpy(state);
  }

  json(state, view) {
    return {
      ...boundaryAttributes(state),
      z: view.z,
      output: view.output,
      layers: view.layers,
      table: view.text.table,
    };
  }

  // The overlay with the heat map copied in as a data: PNG for the downloads;
  // the copy is removed again right after (the canvas shows the live map).
  diagramSvg() {
    const ui = this.#ui;
    if (!ui || !this.#image) return null;
    ui.exportImage.setAttribute('href', ui.canvas.toDataURL('image/png'));
    queueMicrotask(() => ui.exportImage.removeAttribute('href'));
    return ui.svg;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  build(body) {
    const plot = el('div', {
      class: 'plot',
      part: 'map',
      tabindex: '0',
      role: 'group',
      'aria-roledescription': 'map',
      'aria-label': 'Decision-boundary map. Arrow keys move the marked point.',
      'aria-describedby': 'point-readout',
    });
    const svg = el('svg:svg', { class: 'axes', viewBox: `0 0 ${P.width} ${P.height}`, 'aria-hidden': 'true' });
    const exportImage = el('svg:image', {
      x: P.left,
      y: P.top,
      width: P.size,
      height: P.size,
      preserveAspectRatio: 'none',
    });
    const frame = el('svg:rect', { x: P.left, y: P.top, width: P.size, height: P.size, class: 'frame' });
    const tickGroup = el('svg:g', { class: 'ticks' });
    const pointGroup = el('svg:g', { class: 'points' });
    const marker = el('svg:g', { class: 'marker' });
    marker.append(
      el('svg:circle', { r: 9, class: 'ring-out' }),
      el('svg:circle', { r: 9, class: 'ring' }),
      el('svg:circle', { r: 2, class: 'dot' }),
    );
    const probe = el('svg:circle', { r: 4, class: 'probe' });
    probe.setAttribute('visibility', 'hidden');
    svg.append(exportImage, tickGroup, frame, pointGroup, marker, probe);
    const canvas = el('canvas', { class: 'heat', 'aria-hidden': 'true' });
    canvas.style.left = `${(100 * P.left) / P.width}%`;
    canvas.style.top = `${(100 * P.top) / P.height}%`;
    canvas.style.width = `${(100 * P.size) / P.width}%`;
    canvas.style.height = `${(100 * P.size) / P.height}%`;
    plot.append(canvas, svg);

    const side = el('div', { class: 'side' });
    const legend = el('div', { class: 'scale' });
    const bar = el('div', { class: 'bar-scale' });
    bar.style.backgroundImage = LEGEND_GRADIENT;
    const labels = el('div', { class: 'scale-labels' });
    labels.append(el('span', {}, '0'), el('span', { class: 'mid' }, '0.5: decision line'), el('span', {}, '1'));
    legend.append(
      el('span', { class: 'label' }, 'first output (values outside 0…1 take the end colours)'),
      bar,
      labels,
    );
    const point = el('p', { class: 'readout', id: 'point-readout', part: 'readout' });
    const hover = el('p', { class: 'readout hover' }, 'Point at the map to read the output there.');
    const notice = el('p', { class: 'notice' });
    notice.hidden = true;
    side.append(point, hover, legend, notice);

    const top = el('div', { class: 'top' });
    top.append(plot, side);

    const controls = el('div', { class: 'controls', part: 'controls' });
    const note = el('p', { class: 'field-note', id: 'bnote', role: 'status' });
    note.hidden = true;

    const details = el('details', { class: 'table', part: 'table' });
    details.append(el('summary', {}, `Table of values (${TABLE_SIDE}×${TABLE_SIDE} points)`));
    const table = el('table', { class: 'values' });
    details.append(table);

    body.append(top, controls, note, details);
    this.#ui = {
      plot,
      svg,
      exportImage,
      tickGroup,
      pointGroup,
      marker,
      probe,
      canvas,
      point,
      hover,
      notice,
      controls,
      note,
      table,
      rows: [],
    };

    this.listen(plot, 'pointermove', (event) => this.#onPointer(event));
    this.listen(plot, 'pointerleave', () => {
      this.#ui.probe.setAttribute('visibility', 'hidden');
    });
    this.listen(plot, 'click', (event) => this.#onClick(event));
    this.listen(plot, 'keydown', (event) => this.#onKey(event));
  }

  sync(state) {
    const ui = this.#ui;
    ui.note.hidden = true;
    ui.notice.hidden = !state.notice;
    ui.notice.textContent = state.notice ?? '';
    const list = parameters(state.layers);
    const shapeKey = `${sizesOf(state.layers).join(' ')}/${state.layers[0].layout}`;
    if (ui.shapeKey !== shapeKey) {
      ui.shapeKey = shapeKey;
      ui.rows = [];
      const sets = state.layers.map((_, k) => {
        const set = el('fieldset', { class: 'group' });
        set.append(
          el('legend', {}, `Layer ${k + 1}: ${layerName(k, state.layers.length)}, ${state.layers[k].activation}`),
        );
        return set;
      });
      list.forEach((p, index) => sets[p.layer].append(this.#row(p, index)));
      ui.controls.replaceChildren(...sets);
    }
    state.layers.forEach((l, k) => {
      ui.controls.children[k].firstChild.textContent =
        `Layer ${k + 1}: ${layerName(k, state.layers.length)}, ${l.activation}`;
    });
    list.forEach((p, i) => this.#setRow(ui.rows[i], p.value));
    this.#drawPoints(state);
  }

  render(view, state) {
    const ui = this.#ui;
    this.#drawMap(state);
    const key = JSON.stringify(state.extent);
    if (key !== this.#extentKey) {
      this.#extentKey = key;
      this.#drawAxes(state);
      this.#drawPoints(state);
      this.#buildTable(view);
    }
    const { fx, fy } = fractionOf(state.extent, state.inputs[0][0], state.inputs[0][1]);
    const inside = fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1;
    ui.marker.setAttribute('visibility', inside ? 'visible' : 'hidden');
    ui.marker.setAttribute('transform', `translate(${P.left + fx * P.size} ${P.top + fy * P.size})`);
    ui.point.textContent = `Marked point (${view.text.point[0]}, ${view.text.point[1]}): output ${view.text.output}`;
    view.text.params.forEach((t, i) => ui.rows[i]?.range.setAttribute('aria-valuetext', t));
    this.#fillTable(view);
    this.announce(`output at the marked point ${view.text.output}`);
  }

  // --- the map -----------------------------------------------------------

  #drawMap(state) {
    const ui = this.#ui;
    const side = state.side;
    if (!this.#image || this.#image.width !== side) {
      ui.canvas.width = side;
      ui.canvas.height = side;
      this.#image = ui.canvas.getContext('2d').createImageData(side, side);
    }
    this.#heat ??= new HeatMap(this.core);
    try {
      this.#heat.draw(state.layers, state.extent, side, this.#image.data);
    } catch (err) {
      this.#say(`The map could not be drawn: ${err.message}`);
      return;
    }
    ui.canvas.getContext('2d').putImageData(this.#image, 0, 0);
  }

  #drawAxes(state) {
    const g = this.#ui.tickGroup;
    const { xmin, xmax, ymin, ymax } = state.extent;
    g.replaceChildren();
    const tx = ticks(xmin, xmax);
    const ty = ticks(ymin, ymax);
    const xText = this.core.formatFixed(tx.values, tx.digits).split(' ');
    const yText = this.core.formatFixed(ty.values, ty.digits).split(' ');
    const bottom = P.top + P.size;
    tx.values.forEach((v, i) => {
      const x = P.left + fractionOf(state.extent, v, ymin).fx * P.size;
      g.append(el('svg:line', { x1: x, y1: bottom, x2: x, y2: bottom + 5, class: 'tick' }));
      g.append(el('svg:text', { x, y: bottom + 18, 'text-anchor': 'middle' }, xText[i]));
    });
    ty.values.forEach((v, i) => {
      const y = P.top + fractionOf(state.extent, xmin, v).fy * P.size;
      g.append(el('svg:line', { x1: P.left - 5, y1: y, x2: P.left, y2: y, class: 'tick' }));
      g.append(el('svg:text', { x: P.left - 8, y: y + 4, 'text-anchor': 'end' }, yText[i]));
    });
    g.append(el('svg:text', { x: P.left + P.size / 2, y: bottom + 36, 'text-anchor': 'middle', class: 'axis' }, 'x₁'));
    g.append(el('svg:text', { x: 10, y: P.top + P.size / 2 + 5, 'text-anchor': 'start', class: 'axis' }, 'x₂'));
  }

  #drawPoints(state) {
    const g = this.#ui.pointGroup;
    g.replaceChildren();
    for (const [x, y, label] of state.points) {
      const { fx, fy } = fractionOf(state.extent, x, y);
      if (fx < 0 || fx > 1 || fy < 0 || fy > 1) continue;
      const cx = P.left + fx * P.size;
      const cy = P.top + fy * P.size;
      g.append(
        label > 0.5
          ? el('svg:circle', { cx, cy, r: 6, class: 'pt one' })
          : el('svg:rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, class: 'pt zero' }),
      );
    }
  }

  #buildTable(view) {
    const t = view.text.table;
    const table = this.#ui.table;
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, 'x₂ \\ x₁'));
    const xs = t.xs.map(() => el('th', { scope: 'col' }));
    head.append(...xs);
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    const ys = [];
    const cells = t.rows.map(() => {
      const tr = el('tr');
      const th = el('th', { scope: 'row' });
      ys.push(th);
      tr.append(th);
      const row = t.xs.map(() => el('td'));
      tr.append(...row);
      tbody.append(tr);
      return row;
    });
    table.replaceChildren(
      el('caption', {}, 'First output at evenly spaced points (rows: x₂ from the top, columns: x₁)'),
      thead,
      tbody,
    );
    this.#ui.tableCells = { xs, ys, cells };
  }

  #fillTable(view) {
    const t = view.text.table;
    const c = this.#ui.tableCells;
    if (!c) return;
    c.xs.forEach((th, i) => {
      th.textContent = t.xs[i];
    });
    c.ys.forEach((th, i) => {
      th.textContent = t.ys[i];
    });
    c.cells.forEach((row, r) =>
      row.forEach((td, i) => {
        td.textContent = t.rows[r][i];
      }),
    );
  }

  // --- pointer and keys on the map ---------------------------------------

  #fractions(event) {
    const box = this.#ui.canvas.getBoundingClientRect();
    return { fx: (event.clientX - box.left) / box.width, fy: (event.clientY - box.top) / box.height };
  }

  #onPointer(event) {
    const f = this.#fractions(event);
    if (f.fx < 0 || f.fx > 1 || f.fy < 0 || f.fy > 1) return;
    this.#probe = f;
    this.#schedule();
  }

  #showProbe() {
    const f = this.#probe;
    this.#probe = null;
    const state = this.state;
    if (!f || !state) return;
    const { x, y } = planeAt(state.extent, f.fx, f.fy);
    const ui = this.#ui;
    try {
      const t = probeText(this.core, state.layers, x, y);
      ui.hover.textContent = `Pointer (${t.x}, ${t.y}): output ${t.output}`;
      ui.hover.dataset.x = String(x);
      ui.hover.dataset.y = String(y);
    } catch (err) {
      ui.hover.textContent = err.message;
    }
    ui.probe.setAttribute('cx', String(P.left + f.fx * P.size));
    ui.probe.setAttribute('cy', String(P.top + f.fy * P.size));
    ui.probe.setAttribute('visibility', 'visible');
  }

  #onClick(event) {
    const f = this.#fractions(event);
    if (f.fx < 0 || f.fx > 1 || f.fy < 0 || f.fy > 1) return;
    const { x, y } = planeAt(this.state.extent, f.fx, f.fy);
    this.#movePoint([roundCoordinate(x), roundCoordinate(y)]);
  }

  #onKey(event) {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
    if (!d) return;
    event.preventDefault();
    this.#movePoint(stepPoint(this.state.extent, this.state.inputs[0], d[0], d[1], event.shiftKey));
  }

  #movePoint(point) {
    const problem = this.update({ ...this.state, inputs: [point] });
    if (problem) this.#say(problem);
  }

  // --- sliders -------------------------------------------------------------

  #row(p, index) {
    const rowEl = el('div', { class: 'row' });
    const id = `p-${index}`;
    const range = el('input', { type: 'range', 'aria-label': `${p.name} (${p.spoken})` });
    const field = el('input', {
      type: 'text',
      id,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': `${p.name} (${p.spoken}), exact value`,
    });
    rowEl.append(el('label', { for: id, class: 'name' }, p.name), range, field);
    const row = { index, range, field, last: '' };
    this.listen(range, 'input', () => {
      field.value = range.value;
      this.#edit(row, Number(range.value), true);
    });
    this.listen(field, 'input', () => {
      const value = parseNumber(field.value);
      if (value === null)
        return this.#mark(row, `"${field.value.slice(0, 24)}" is not a number. The map shows the last good value.`);
      return this.#edit(row, value, false);
    });
    this.listen(field, 'keydown', (event) => {
      if (event.key === 'Escape') {
        field.value = row.last;
        this.#unmark(row);
      }
    });
    this.#ui.rows.push(row);
    return rowEl;
  }

  #setRow(row, value) {
    const r = sliderRange(value);
    row.range.min = String(r.min);
    row.range.max = String(r.max);
    row.range.step = String(r.step);
    row.range.value = String(value);
    row.field.value = String(value);
    row.last = row.field.value;
    this.#unmark(row);
  }

  // An edit waits for the next animation frame; edits in between replace it.
  #edit(row, value, fromSlider) {
    const base = this.#pending ?? this.state;
    const p = parameters(base.layers)[row.index];
    this.#pending = { ...base, layers: withParameter(base.layers, p, value), seed: null };
    this.#unmark(row);
    row.last = row.field.value;
    if (!fromSlider) {
      const r = sliderRange(value);
      row.range.min = String(Math.min(r.min, Number(row.range.min)));
      row.range.max = String(Math.max(r.max, Number(row.range.max)));
      row.range.value = String(value);
    }
    this.#schedule();
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() =>
      this.guard(() => {
        this.#frame = 0;
        if (this.#pending) {
          const next = this.#pending;
          this.#pending = null;
          const problem = this.update(next);
          if (problem) this.#say(problem);
        }
        if (this.#probe) this.#showProbe();
      }),
    );
  }

  #mark(row, message) {
    row.field.setAttribute('aria-invalid', 'true');
    row.field.setAttribute('aria-describedby', 'bnote');
    this.#say(message);
  }

  #unmark(row) {
    if (row.field.getAttribute('aria-invalid') !== 'true') return;
    row.field.removeAttribute('aria-invalid');
    row.field.removeAttribute('aria-describedby');
    this.#ui.note.hidden = true;
  }

  #say(message) {
    this.#ui.note.textContent = message;
    this.#ui.note.hidden = false;
  }
}

if (!customElements.get('nl-boundary')) customElements.define('nl-boundary', NlBoundary);
