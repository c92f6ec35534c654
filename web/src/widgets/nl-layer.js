/**
 * <nl-layer>: a layer of neurons reading the same inputs, Z = x Wᵀ + b (or
 * x W + b) and A = activation(Z), as an editable weight matrix with a bias
 * column and Z and A columns, a diagram kept in sync, and the shapes written
 * out. All arithmetic and all number formatting is done by the NeuronLab core
 * (wasm); the view's text comes from layer-model.js; this file only builds
 * and updates DOM.
 *
 *   <nl-layer inputs="1 2 3 2.5" biases="2 3 0.5" activation="relu"
 *             weights="0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87"></nl-layer>
 *
 * Attributes (numbers separated by spaces or commas, matrix rows by
 * semicolons, or NumPy literals; at most 12 inputs and 12 neurons):
 *   inputs      the inputs x₁ … xₙ (required)
 *   weights     the weight matrix (required): layout="rows" (default) one row
 *               per neuron, shape (n_out, n_in), Z = x Wᵀ + b; layout="cols"
 *               one column per neuron, shape (n_in, n_out), Z = x W + b
 *   biases      one bias per neuron (default zeros)
 *   activation  step | sigmoid | tanh | relu | leaky_relu | leaky_relu(SLOPE) |
 *               identity | softmax (default relu)
 *   layout      rows | cols (default rows)
 *   id, theme   as for every widget (base.js)
 * Changing an attribute resets the widget to the attribute values.
 *
 * Properties (read-only, float64 as NumPy computes them):
 *   z       Z, one number per neuron (an array), or null
 *   output  A = activation(Z), an array, or null
 *   error   null, or the message the widget shows for bad attributes
 *
 * Events: nl-change (bubbles, composed) after z, output or error changed.
 *
 * CSS parts: base, toolbar, error, body (base.js); matrix, shape, diagram.
 *
 * The numbers sit in MatrixEditor grids (matrix-editor.js): rows layout puts
 * the inputs above W's columns and each neuron's Z and A beside its row; cols
 * layout puts the inputs beside W's rows and b, Z and A under each neuron's
 * column. Keyboard: Tab reaches every cell; the arrow keys move inside a grid;
 * typing replaces a number and the results follow at once; Enter confirms;
 * Escape puts back the value the cell had. A bad number marks its cell
 * (aria-invalid) and the last good result stays on screen. Pasting a NumPy
 * literal (np.array([[...]])) into a cell fills that grid. Hovering or
 * focusing a neuron's cells (its Z or A above all) highlights its weights,
 * its bias and the inputs, in the grids and in the diagram.
 *
 * This file also exports the pieces <nl-batch> shares: LayerDiagram (the
 * layer's SVG with its table alternative), ResultTable (a read-only grid of
 * results) and setActivationOptions.
 */
import { NlWidget, el } from './base.js';
import {
  LAYER_ACTIVATIONS,
  activationName,
  diagramGeometry,
  layerAttributes,
  layerEdgeWidth,
  layerNumpy,
  layerSize,
  layerView,
  parseLayerAttributes,
  subscripted,
  weightOf,
} from './layer-model.js';
import { MATRIX_CSS, MatrixEditor } from './matrix-editor.js';
import { LAYER_CSS } from './nl-layer.css.js';

/**
 * The layer's diagram: inputs on the left, one circle per neuron, its output on
 * the right; one edge per weight, its width following |w| and its sign shown by
 * colour and line style; neurons whose output is 0 drawn as silent. Beside it,
 * a visually hidden table says the same for screen readers.
 */
export class LayerDiagram {
  constructor() {
    this.svg = el('svg:svg', { class: 'diagram', part: 'diagram', role: 'img' });
    this.table = el('table');
    // A table cannot be made narrower than its content: its box goes in a
    // visually hidden div, so it never widens the page.
    const hidden = el('div', { class: 'sr-only' });
    hidden.append(this.table);
    this.figure = el('figure', { class: 'figure' });
    const legend = el('p', { class: 'legend' });
    legend.append(
      el('span', { class: 'key pos' }),
      document.createTextNode(' positive weight'),
      el('span', { class: 'key neg' }),
      document.createTextNode(' negative (dashed) · thicker = larger |w| · grey neuron: output 0'),
    );
    this.figure.append(this.svg, legend, hidden);
    this.nIn = -1;
    this.nOut = -1;
  }

  /** Builds the shapes for nIn inputs and nOut neurons (only when the size changed). */
  build(nIn, nOut) {
    if (nIn === this.nIn && nOut === this.nOut) return;
    this.nIn = nIn;
    this.nOut = nOut;
    const g = diagramGeometry(nIn, nOut);
    const svg = this.svg;
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
    svg.setAttribute(
      'aria-label',
      `Diagram of the layer: ${nIn} inputs, each joined to ${nOut} neurons. The table after it lists every weight.`,
    );
    const edges = el('svg:g', { class: 'edges' });
    const nodes = el('svg:g', { class: 'nodes' });
    this.edges = [];
    this.inputs = [];
    this.neurons = [];
    this.zTexts = [];
    this.outputs = [];
    this.aTexts = [];
    for (let j = 0; j < nOut; j++) {
      const row = [];
      for (let k = 0; k < nIn; k++) {
        const edge = el('svg:polyline', { points: g.edge(j, k), class: 'edge' });
        edges.append(edge);
        row.push(edge);
      }
      this.edges.push(row);
    }
    g.inputs.forEach((box, k) => {
      const group = el('svg:g', { class: 'in' });
      const value = el('svg:text', { x: box.x + box.w / 2, y: box.cy + 4, class: 'num', 'text-anchor': 'middle' });
      group.append(
        el('svg:text', { x: box.x - 6, y: box.cy + 5, class: 'name', 'text-anchor': 'end' }, subscripted('x', k)),
        el('svg:rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: 6, class: 'box' }),
        value,
      );
      nodes.append(group);
      this.inputs.push({ group, value });
    });
    g.neurons.forEach((n, j) => {
      const out = g.outputs[j];
      const group = el('svg:g', { class: 'neuron-group' });
      const z = el('svg:text', { x: n.cx, y: n.cy + 4, class: 'num small', 'text-anchor': 'middle' });
      const a = el('svg:text', { x: out.x + out.w / 2, y: out.cy + 4, class: 'num', 'text-anchor': 'middle' });
      group.append(
        el('svg:line', { x1: n.cx + n.r, y1: n.cy, x2: out.x, y2: out.cy, class: 'out-edge' }),
        el('svg:circle', { cx: n.cx, cy: n.cy, r: n.r, class: 'neuron' }),
        z,
        el('svg:rect', { x: out.x, y: out.y, width: out.w, height: out.h, rx: 6, class: 'box out' }),
        a,
      );
      nodes.append(group);
      this.neurons.push(group);
      this.zTexts.push(z);
      this.aTexts.push(a);
    });
    svg.append(edges, nodes);
    // The table alternative: one row per neuron, its weights from each input, Z and A.
    this.table.replaceChildren();
    this.table.append(el('caption', {}, 'The diagram as a table: each neuron, its weight from every input, Z and A'));
    const tr = el('tr');
    tr.append(el('th', { scope: 'col' }, 'neuron'));
    for (let k = 0; k < nIn; k++) tr.append(el('th', { scope: 'col' }, `weight from ${subscripted('x', k)}`));
    tr.append(el('th', { scope: 'col' }, 'Z'), el('th', { scope: 'col' }, 'A'));
    const thead = el('thead');
    thead.append(tr);
    this.tbody = el('tbody');
    this.srCells = [];
    for (let j = 0; j < nOut; j++) {
      const row = el('tr');
      row.append(el('th', { scope: 'row' }, `neuron ${j + 1}`));
      const cells = [];
      for (let k = 0; k < nIn + 2; k++) {
        const td = el('td');
        row.append(td);
        cells.push(td);
      }
      this.srCells.push(cells);
      this.tbody.append(row);
    }
    this.table.append(thead, this.tbody);
  }

  /**
   * Shows numbers: state { weights, layout }; text { inputs[], weights[][], z[], a[] }
   * (formatted by the core, weights as in state); silent[j] when neuron j outputs 0.
   */
  render(state, text, silent) {
    const { nIn, nOut } = layerSize(state);
    for (let j = 0; j < nOut; j++) {
      for (let k = 0; k < nIn; k++) {
        const w = weightOf(state, j, k);
        const wText = state.layout === 'rows' ? text.weights[j][k] : text.weights[k][j];
        const edge = this.edges[j][k];
        edge.setAttribute('stroke-width', String(layerEdgeWidth(w)));
        edge.classList.toggle('pos', !wText.startsWith('-'));
        edge.classList.toggle('neg', wText.startsWith('-'));
        this.srCells[j][k].textContent = `${wText} (${wText.startsWith('-') ? 'negative' : 'positive'})`;
      }
      this.zTexts[j].textContent = text.z[j];
      this.aTexts[j].textContent = text.a[j];
      this.neurons[j].classList.toggle('silent', silent[j]);
      this.srCells[j][nIn].textContent = text.z[j];
      this.srCells[j][nIn + 1].textContent = silent[j] ? `${text.a[j]} (silent)` : text.a[j];
    }
    for (let k = 0; k < nIn; k++) this.inputs[k].value.textContent = text.inputs[k];
  }

  /** Highlights neuron j's edges and the inputs (or nothing, for null). */
  highlight(j) {
    this.svg.classList.toggle('focus', j !== null);
    this.edges.forEach((row, n) => row.forEach((edge) => edge.classList.toggle('hl', n === j)));
    this.neurons.forEach((group, n) => group.classList.toggle('hl', n === j));
    for (const input of this.inputs) input.group.classList.toggle('hl', j !== null);
  }
}

/**
 * A read-only table of results (Z, A, an output matrix) styled like the
 * MatrixEditor beside it: every cell can be focused (Tab, or the arrow keys
 * inside the table) and hovered, and says so through onFocus / onHover with
 * { row, col } or null, so the widget can highlight what made that number.
 */
export class ResultTable {
  #o;
  #rows = []; // [row][col] -> { td, value, off }
  #table;
  #key = '';

  constructor(options) {
    this.#o = { onFocus: () => {}, onHover: () => {}, guard: (fn) => fn(), ...options };
    this.element = el('div', { class: `matrix result-table ${options.className ?? ''}` });
    const scroll = el('div', { class: 'matrix-scroll' });
    this.#table = el('table');
    scroll.append(this.#table);
    this.element.append(scroll);
    const on = (type, handler) => this.#table.addEventListener(type, (event) => this.#o.guard(() => handler(event)));
    on('focusin', (event) => this.#o.onFocus(this.#at(event.target)));
    on('focusout', () => this.#o.onFocus(null));
    on('pointerover', (event) => this.#o.onHover(this.#at(event.target)));
    on('pointerleave', () => this.#o.onHover(null));
    on('keydown', (event) => this.#keydown(event));
  }

  /** Rebuilds the table when the labels changed. cellName(i, j) names a cell for screen readers. */
  setShape(caption, rowLabels, colLabels, cellName) {
    const key = JSON.stringify([caption, rowLabels, colLabels]);
    if (key === this.#key) return;
    this.#key = key;
    const table = this.#table;
    table.replaceChildren(el('caption', {}, caption));
    const head = el('tr');
    head.append(el('td'));
    colLabels.forEach((label, j) => head.append(el('th', { scope: 'col', 'data-col': j }, label)));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    this.#rows = rowLabels.map((label, i) => {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row', 'data-row': i }, label));
      const row = colLabels.map((_, j) => {
        const td = el('td');
        const out = el('output', { tabindex: '0', 'aria-label': cellName(i, j), 'data-row': i, 'data-col': j });
        const value = el('span', { class: 'v' });
        const off = el('span', { class: 'off' }, 'off');
        off.hidden = true;
        out.append(value, off);
        td.append(out);
        tr.append(td);
        return { td, out, value, off };
      });
      tbody.append(tr);
      return row;
    });
    table.append(thead, tbody);
  }

  /** Shows rows of formatted numbers; silent(i, j) marks a result the activation made 0. */
  setText(rows, silent = () => false) {
    this.#rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const text = rows[i][j];
        cell.value.textContent = text;
        const off = silent(i, j);
        cell.td.classList.toggle('negative', text.startsWith('-'));
        cell.td.classList.toggle('silent', off);
        cell.off.hidden = !off;
      }),
    );
  }

  /** The text shown in each cell, rows of strings (for tests and exports). */
  get texts() {
    return this.#rows.map((row) => row.map((cell) => cell.value.textContent));
  }

  /** Marks rows and columns; no argument clears. */
  highlight({ rows = [], cols = [] } = {}) {
    this.#rows.forEach((row, i) =>
      row.forEach((cell, j) => cell.td.classList.toggle('hl', rows.includes(i) || cols.includes(j))),
    );
    this.#table
      .querySelectorAll('th[data-row]')
      .forEach((th) => th.classList.toggle('hl', rows.includes(Number(th.dataset.row))));
    this.#table
      .querySelectorAll('th[data-col]')
      .forEach((th) => th.classList.toggle('hl', cols.includes(Number(th.dataset.col))));
  }

  #at(node) {
    const out = node.closest?.('output');
    return out ? { row: Number(out.dataset.row), col: Number(out.dataset.col) } : null;
  }

  #keydown(event) {
    const at = this.#at(event.target);
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!at || !move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = this.#rows[at.row + move[0]]?.[at.col + move[1]];
    if (!target) return;
    event.preventDefault();
    target.out.focus();
  }
}

/** The <nl-layer> element; its contract is in this file's header comment. */
export class NlLayer extends NlWidget {
  static observedAttributes = ['inputs', 'weights', 'biases', 'activation', 'layout'];
  static styles = [MATRIX_CSS, LAYER_CSS];
  static noun = 'layer';

  #ui = null;
  #grid = null; // the editors and the result table for the current shape and layout
  #shapeKey = '';
  #hover = null; // the neuron under the pointer
  #focus = null; // the neuron of the focused cell

  parse(attrs, core) {
    const params = parseLayerAttributes(attrs);
    return { ...params, activation: core.parseActivation(params.activation) };
  }

  compute(state, core) {
    return layerView(core, state);
  }

  stateAttributes(state) {
    return layerAttributes(state);
  }

  numpy(state) {
    return layerNumpy(state);
  }

  diagramSvg() {
    return this.#ui?.diagram.svg ?? null;
  }

  build(body) {
    const head = el('div', { class: 'head' });
    const shape = el('p', { class: 'shape', part: 'shape' });
    const note = el('p', { class: 'note' });
    const act = el('div', { class: 'act-row' });
    const select = el('select', { id: 'activation' });
    act.append(el('label', { for: 'activation' }, 'activation'), select);
    this.listen(select, 'change', () => this.update({ ...this.state, activation: select.value }));
    head.append(shape, note, act);

    const scroll = el('div', { class: 'grid-scroll' });
    const grid = el('div', { class: 'grid', part: 'matrix' });
    scroll.append(grid);
    const diagram = new LayerDiagram();
    const main = el('div', { class: 'main' });
    main.append(scroll, diagram.figure);
    body.append(head, main);
    this.#ui = { shape, note, select, grid, diagram };
  }

  sync(state) {
    const { nIn, nOut } = layerSize(state);
    const key = `${nIn}x${nOut}:${state.layout}`;
    if (key !== this.#shapeKey) {
      this.#shapeKey = key;
      this.#buildGrid(nIn, nOut, state.layout);
      this.#ui.diagram.build(nIn, nOut);
    }
    setActivationOptions(this.#ui.select, state.activation);
    const g = this.#grid;
    if (state.layout === 'rows') {
      g.x.setValues([state.inputs]);
      g.w.setValues(state.weights.map((row, j) => [...row, state.biases[j]]));
    } else {
      g.x.setValues(state.inputs.map((v) => [v]));
      g.w.setValues(state.weights);
      g.b.setValues([state.biases]);
    }
  }

  render(view, state) {
    const ui = this.#ui;
    ui.shape.textContent = view.shape;
    ui.note.textContent = view.note;
    const g = this.#grid;
    if (state.layout === 'rows') {
      g.results.setText(
        view.text.z.map((z, j) => [z, view.text.a[j]]),
        (j, c) => c === 1 && view.silent[j],
      );
    } else {
      g.results.setText([view.text.z, view.text.a], (r, j) => r === 1 && view.silent[j]);
    }
    ui.diagram.render(state, view.text, view.silent);
    this.#highlight();
    const name = activationName(state.activation);
    this.announce(`Z = ${view.text.z.join(', ')}; A = ${name}(Z) = ${view.text.a.join(', ')}`);
  }

  // The editors for this shape and layout: rows puts the inputs above W's
  // columns and Z, A beside each neuron's row; cols puts the inputs beside W's
  // rows and b, Z, A under each neuron's column.
  #buildGrid(nIn, nOut, layout) {
    const grid = this.#ui.grid;
    grid.className = `grid ${layout}`;
    grid.replaceChildren();
    const guard = (fn) => this.guard(fn);
    const xName = (k) => subscripted('x', k);
    const nName = (j) => `n${subscripted('', j)}`;
    const wName = (j, k) =>
      `w${subscripted('', j)}${subscripted('', k)}, weight from input ${k + 1} to neuron ${j + 1}`;
    const bName = (j) => `${subscripted('b', j)}, bias of neuron ${j + 1}`;
    const change = (patch) => this.update({ ...this.state, ...patch });
    const focusNeuron = (j) => {
      this.#focus = j;
      this.#highlight();
    };
    const results = new ResultTable({
      className: 'za',
      guard,
      onFocus: (c) => focusNeuron(c ? (layout === 'rows' ? c.row : c.col) : null),
      onHover: (c) => {
        this.#hover = c ? (layout === 'rows' ? c.row : c.col) : null;
        this.#highlight();
      },
    });
    const zaName = (j, which) =>
      `${which === 0 ? 'Z' : 'A'} of neuron ${j + 1}${which === 0 ? ', before the activation' : ', after the activation'}`;
    const hover = (editor, neuronOf) =>
      this.listen(editor.element, 'pointerover', (event) => {
        const input = event.target.closest?.('td');
        const row = input?.parentElement?.rowIndex;
        if (row === undefined || row < 1) return;
        this.#hover = neuronOf(row - 1, input.cellIndex - 1);
        this.#highlight();
      });
    let g;
    if (layout === 'rows') {
      const x = new MatrixEditor({
        caption: `Inputs x, shape (${nIn},)`,
        rowLabels: ['x'],
        colLabels: xName,
        cellName: (i, k) => `${xName(k)}, input ${k + 1}`,
        onChange: (rows) => change({ inputs: rows[0] }),
        onFocus: () => focusNeuron(null),
        guard,
      });
      const w = new MatrixEditor({
        caption: `Weights W, shape (${nOut}, ${nIn}), one row per neuron, and biases b`,
        rowLabels: nName,
        colLabels: xName,
        extraColumns: [{ name: 'bias', label: 'b' }],
        cellName: (j, k) => (k < nIn ? wName(j, k) : bName(j)),
        onChange: (rows) => change({ weights: rows.map((r) => r.slice(0, nIn)), biases: rows.map((r) => r[nIn]) }),
        onFocus: (c) => focusNeuron(c ? c.row : null),
        guard,
      });
      results.setShape(
        'Z and A of each neuron',
        Array.from({ length: nOut }, (_, j) => nName(j)),
        ['Z', 'A'],
        (j, c) => zaName(j, c),
      );
      hover(w, (row) => row);
      const pad = el('div', { class: 'pad' });
      grid.append(x.element, pad, w.element, results.element);
      g = { x, w, results };
    } else {
      const x = new MatrixEditor({
        caption: `Inputs x, shape (${nIn},)`,
        rowLabels: xName,
        colLabels: ['x'],
        cellName: (k) => `${xName(k)}, input ${k + 1}`,
        onChange: (rows) => change({ inputs: rows.map((r) => r[0]) }),
        onFocus: () => focusNeuron(null),
        guard,
      });
      const w = new MatrixEditor({
        caption: `Weights W, shape (${nIn}, ${nOut}), one column per neuron`,
        rowLabels: xName,
        colLabels: nName,
        cellName: (k, j) => wName(j, k),
        onChange: (rows) => change({ weights: rows }),
        onFocus: (c) => focusNeuron(c ? c.col : null),
        guard,
      });
      const b = new MatrixEditor({
        caption: `Biases b, shape (${nOut},)`,
        rowLabels: ['b'],
        colLabels: nName,
        cellName: (i, j) => bName(j),
        onChange: (rows) => change({ biases: rows[0] }),
        onFocus: (c) => focusNeuron(c ? c.col : null),
        guard,
      });
      results.setShape(
        'Z and A of each neuron',
        ['Z', 'A'],
        Array.from({ length: nOut }, (_, j) => nName(j)),
        (r, j) => zaName(j, r),
      );
      hover(w, (row, col) => col);
      hover(b, (row, col) => col);
      grid.append(
        x.element,
        w.element,
        el('div', { class: 'pad' }),
        b.element,
        el('div', { class: 'pad' }),
        results.element,
      );
      g = { x, w, b, results };
    }
    this.listen(grid, 'pointerleave', () => {
      this.#hover = null;
      this.#highlight();
    });
    this.#grid = g;
  }

  // Marks the neuron's weights, bias, Z and A, and the inputs, in the table and the diagram.
  #highlight() {
    const j = this.#hover ?? this.#focus;
    const g = this.#grid;
    if (!g) return;
    const on = j !== null;
    this.#ui.grid.classList.toggle('focus', on);
    if (this.state?.layout === 'cols') {
      g.x.highlight(on ? { cols: [0] } : undefined);
      g.w.highlight(on ? { cols: [j] } : undefined);
      g.b.highlight(on ? { cols: [j] } : undefined);
      g.results.highlight(on ? { cols: [j] } : undefined);
    } else {
      g.x.highlight(on ? { rows: [0] } : undefined);
      g.w.highlight(on ? { rows: [j] } : undefined);
      g.results.highlight(on ? { rows: [j] } : undefined);
    }
    this.#ui.diagram.highlight(j);
  }
}

/** Fills an activation menu with the choices (and an unusual canonical name, such as leaky_relu(0.2)). */
export function setActivationOptions(select, canonical) {
  const choices = LAYER_ACTIVATIONS.includes(canonical) ? LAYER_ACTIVATIONS : [...LAYER_ACTIVATIONS, canonical];
  if (select.options.length !== choices.length || [...select.options].some((o, i) => o.value !== choices[i])) {
    select.replaceChildren(...choices.map((name) => el('option', { value: name }, name)));
  }
  select.value = canonical;
}

if (!customElements.get('nl-layer')) customElements.define('nl-layer', NlLayer);
