/**
 * <nl-activation>: activation functions plotted together over a range of z,
 * each with its own colour and its own dash pattern (the readout is the legend), and
 * a probe: the pointer (or a finger dragged sideways) over the plot, or the
 * arrow keys on the focused plot, choose a z, and the readout shows every
 * function's value there. A table of values at a few points is the plot's
 * text alternative. Every value is the core's (wasm, float64), formatted by
 * the core; the values come from activation-model.js; this file only builds
 * and updates DOM.
 *
 *   <nl-activation functions="step sigmoid tanh relu" range="-5 5"></nl-activation>
 *
 * Attributes:
 *   functions  activation names separated by spaces or commas: step | sigmoid |
 *              tanh | relu | leaky_relu | leaky_relu(SLOPE) | identity (at most
 *              8; default "step sigmoid tanh relu")
 *   range      the smallest and largest z plotted (default "-5 5")
 *   id, theme  as for every widget (base.js)
 *
 * Properties (read-only, float64):
 *   z       the probe's z
 *   output  each function's value at the probe, in the order of `functions`
 *   error   null, or the message the widget shows
 *   (z and output are null on error)
 *
 * Keyboard: the plot is focusable (a slider for the probe): Left/Right move the
 * probe one step (a hundredth of the range), Shift or Page Up/Down ten steps,
 * Home/End to the ends.
 * Events: nl-change (bubbles, composed) after any of those changed.
 * CSS parts: base, toolbar, error, body (base.js); plot, readout (also the legend), table.
 */
import { NlWidget, el } from './base.js';
import {
  PLOT,
  STEPS,
  activationAttributes,
  activationNumpy,
  activationView,
  curvePath,
  parseActivationAttributes,
  probeX,
  scales,
  stepOf,
} from './activation-model.js';
import { ACTIVATION_CSS, SERIES } from './nl-activation.css.js';

/** The <nl-activation> element; its contract is in this file's header comment. */
export class NlActivation extends NlWidget {
  static observedAttributes = ['functions', 'range'];
  static styles = ACTIVATION_CSS;
  static noun = 'plot of activation functions';

  #ui = null;
  #curveKey = '';

  parse(attrs, core) {
    return parseActivationAttributes(attrs, core);
  }

  compute(state, core) {
    return activationView(core, state);
  }

  stateAttributes(state) {
    return activationAttributes(state);
  }

  numpy(state) {
    return activationNumpy(state);
  }

  json(state, view) {
    return {
      ...activationAttributes(state),
      z: view.z,
      output: Object.fromEntries(state.functions.map((name, i) => [name, view.output[i]])),
    };
  }

  diagramSvg() {
    return this.#ui?.svg ?? null;
  }

  build(body) {
    const { width, height } = PLOT;
    const svg = el('svg:svg', {
      class: 'plot',
      part: 'plot',
      viewBox: `0 0 ${width} ${height}`,
      tabindex: '0',
      role: 'slider',
      'aria-label': 'Probe position z on the plot of the activation functions',
      'aria-valuemin': '0',
      'aria-valuemax': String(STEPS),
      'aria-describedby': 'plot-help',
    });
    const grid = el('svg:g', { class: 'grid' });
    const axes = el('svg:g', { class: 'axes' });
    const curves = el('svg:g', { class: 'curves' });
    const probeLine = el('svg:line', { class: 'probe' });
    const probeLabel = el('svg:text', { class: 'probe-label', 'text-anchor': 'middle' });
    const dots = el('svg:g', { class: 'dots' });
    svg.append(grid, axes, curves, probeLine, dots, probeLabel);
    const help = el(
      'p',
      { class: 'help', id: 'plot-help' },
      'Move the pointer over the plot, or focus it and press ← →  (Shift: ten steps; Home, End).',
    );

    const readoutWrap = el('div', { class: 'readout-wrap' });
    const readout = el('table', { class: 'readout', part: 'readout' });
    const caption = el('caption');
    const tbody = el('tbody');
    readout.append(caption, tbody);
    readoutWrap.append(readout);

    const details = el('details', { class: 'values' });
    details.append(el('summary', {}, 'Table of values'));
    const table = el('table', { class: 'values-table', part: 'table' });
    // It may scroll sideways on a phone: focusable, so a keyboard can scroll it.
    const tableWrap = el('div', {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      'aria-label': 'Table of values (scrolls sideways)',
    });
    tableWrap.append(table);
    details.append(tableWrap);

    const figure = el('div', { class: 'figure' });
    figure.append(svg, help);
    const side = el('div', { class: 'side' });
    side.append(readoutWrap);
    const top = el('div', { class: 'top' });
    top.append(figure, side);
    body.append(top, details);

    this.listen(svg, 'keydown', (event) => this.#key(event));
    const fromPointer = (event) => {
      const state = this.state;
      const view = this.#ui.view;
      if (!state || !view) return;
      const rect = svg.getBoundingClientRect();
      if (!rect.width) return;
      const px = ((event.clientX - rect.left) * PLOT.width) / rect.width;
      const x = scales(view.plot).invertX(px);
      this.#move(stepOf(state, x));
    };
    this.listen(svg, 'pointermove', fromPointer);
    this.listen(svg, 'pointerdown', fromPointer);

    this.#ui = { svg, grid, axes, curves, probeLine, probeLabel, dots, caption, tbody, table, view: null, rows: [] };
  }

  #key(event) {
    const state = this.state;
    if (!state) return;
    const big = event.shiftKey ? 10 : 1;
    const go = {
      ArrowRight: state.probe + big,
      ArrowUp: state.probe + big,
      ArrowLeft: state.probe - big,
      ArrowDown: state.probe - big,
      PageUp: state.probe + 10,
      PageDown: state.probe - 10,
      Home: 0,
      End: STEPS,
    }[event.key];
    if (go === undefined) return;
    event.preventDefault();
    this.#move(Math.max(0, Math.min(STEPS, go)));
  }

  #move(step) {
    if (step === this.state.probe) return;
    this.update({ ...this.state, probe: step });
  }

  render(view, state) {
    const ui = this.#ui;
    ui.view = view;
    const s = scales(view.plot);
    const key = `${state.functions.join(' ')}/${state.range.join(' ')}`;
    if (key !== this.#curveKey) {
      this.#curveKey = key;
      this.#drawStatic(view, state, s);
    }
    const x = probeX(state);
    const px = s.x(x);
    ui.probeLine.setAttribute('x1', px);
    ui.probeLine.setAttribute('x2', px);
    ui.probeLine.setAttribute('y1', PLOT.top);
    ui.probeLine.setAttribute('y2', PLOT.height - PLOT.bottom);
    const lx = Math.max(PLOT.left + 30, Math.min(PLOT.width - PLOT.right - 30, px));
    ui.probeLabel.setAttribute('x', lx);
    ui.probeLabel.setAttribute('y', PLOT.top + 11);
    ui.probeLabel.textContent = `z = ${view.probeText}`;
    view.functions.forEach((f, i) => {
      const dot = ui.dots.children[i];
      dot.setAttribute('cx', px);
      dot.setAttribute('cy', s.y(f.at));
      ui.rows[i].value.textContent = f.text;
    });
    ui.caption.textContent = `At z = ${view.probeText}`;
    const summary = view.functions.map((f) => `${f.label} ${f.text}`).join(', ');
    ui.svg.setAttribute('aria-valuenow', String(state.probe));
    ui.svg.setAttribute('aria-valuetext', `z = ${view.probeText}: ${summary}`);
    this.announce(`z = ${view.probeText}: ${summary}`);
  }

  // What changes only with the functions or the range: curves, axes, legend, tables.
  #drawStatic(view, state, s) {
    const ui = this.#ui;
    const { plot } = view;
    const bottom = PLOT.height - PLOT.bottom;
    const right = PLOT.width - PLOT.right;
    ui.grid.replaceChildren();
    ui.axes.replaceChildren();
    for (const t of plot.xTicks) {
      ui.grid.append(el('svg:line', { x1: s.x(t.v), x2: s.x(t.v), y1: PLOT.top, y2: bottom, class: 'gridline' }));
      ui.axes.append(el('svg:text', { x: s.x(t.v), y: bottom + 14, 'text-anchor': 'middle', class: 'tick' }, t.text));
    }
    for (const t of plot.yTicks) {
      ui.grid.append(el('svg:line', { x1: PLOT.left, x2: right, y1: s.y(t.v), y2: s.y(t.v), class: 'gridline' }));
      ui.axes.append(
        el('svg:text', { x: PLOT.left - 5, y: s.y(t.v) + 4, 'text-anchor': 'end', class: 'tick' }, t.text),
      );
    }
    ui.axes.append(
      el('svg:rect', {
        x: PLOT.left,
        y: PLOT.top,
        width: right - PLOT.left,
        height: bottom - PLOT.top,
        class: 'frame',
      }),
    );
    if (plot.xmin < 0 && plot.xmax > 0)
      ui.axes.append(el('svg:line', { x1: s.x(0), x2: s.x(0), y1: PLOT.top, y2: bottom, class: 'axis' }));
    ui.axes.append(el('svg:line', { x1: PLOT.left, x2: right, y1: s.y(0), y2: s.y(0), class: 'axis' }));
    ui.axes.append(el('svg:text', { x: right, y: bottom + 28, 'text-anchor': 'end', class: 'axis-title' }, 'z'));
    ui.axes.append(el('svg:text', { x: 4, y: PLOT.top + 4, 'text-anchor': 'start', class: 'axis-title' }, 'f(z)'));

    ui.curves.replaceChildren();
    ui.dots.replaceChildren();
    ui.tbody.replaceChildren();
    ui.rows = [];
    view.functions.forEach((f, i) => {
      const series = SERIES[i % SERIES.length];
      const path = el('svg:path', { d: curvePath(view.xs, f.values, s), class: `curve s${i % SERIES.length}` });
      path.append(el('svg:title', {}, f.label));
      ui.curves.append(path);
      ui.dots.append(el('svg:circle', { r: 4, class: `dot s${i % SERIES.length}` }));
      // The readout doubles as the legend: each row shows the function's line.
      const tr = el('tr');
      const th = el('th', { scope: 'row' });
      const swatch = el('svg:svg', { class: 'key-line', viewBox: '0 0 30 10', 'aria-hidden': 'true' });
      swatch.append(el('svg:line', { x1: 1, x2: 29, y1: 5, y2: 5, class: `curve s${i % SERIES.length}` }));
      th.append(swatch, el('span', { class: 'name' }, f.label), el('span', { class: 'sr-only' }, ` (${series.words})`));
      const value = el('td');
      tr.append(th, value);
      ui.tbody.append(tr);
      ui.rows.push({ value });
    });
    ui.svg.setAttribute(
      'aria-label',
      `Probe position z on the plot of ${view.functions.map((f) => f.label).join(', ')} for z from ${plot.xTicks.length ? view.table.xs[0] : ''} to ${view.table.xs.at(-1)}`,
    );

    // The table alternative.
    const thead = el('thead');
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, 'z'));
    for (const x of view.table.xs) head.append(el('th', { scope: 'col' }, x));
    thead.append(head);
    const body = el('tbody');
    for (const row of view.table.rows) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, row.label));
      for (const v of row.values) tr.append(el('td', {}, v));
      body.append(tr);
    }
    ui.table.replaceChildren(el('caption', {}, 'Each function’s value at a few values of z'), thead, body);
  }
}

if (!customElements.get('nl-activation')) customElements.define('nl-activation', NlActivation);
