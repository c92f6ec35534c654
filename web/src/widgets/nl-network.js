/**
 * <nl-network>: a small multi-layer network and its forward pass. A diagram of
 * the layers (edge thickness follows |w|; the sign shows by colour and by line
 * style), every layer's Z and A in a table, the parameter count with its
 * formula, the inputs and each layer's weights editable, and a re-seed control.
 * All arithmetic and number formatting is the NeuronLab core's (wasm); the
 * values come from network-model.js; this file only builds and updates DOM.
 *
 *   <nl-network sizes="4 5 1" seed="0" scale="0.5" inputs="0.6 0.1 0.9 0.4"
 *               activations="relu sigmoid"></nl-network>
 *   <nl-network layout="rows" inputs="1 0" weights="1 1; 1 1 | 1 -2"
 *               biases="-0.5 -1.5 | -0.5" activations="step step"></nl-network>
 *
 * Attributes (numbers separated by spaces or commas, matrix rows by ";",
 * layers by "|"; vectors and matrices may be NumPy literals):
 *   inputs       one sample (a vector) or a batch (a matrix, one sample per row;
 *                at most 32); default zeros
 *   activations  one per layer: step | sigmoid | tanh | relu | leaky_relu |
 *                leaky_relu(SLOPE) | identity | softmax (required)
 *   sizes        layer sizes, inputs first ("4 5 1"); at most 16 per layer and
 *                6 layers that compute. Required with seed; checked otherwise
 *   seed, scale  weights drawn as NumPy's np.random.seed(seed) then
 *                randn(n_in, n_out) * scale per layer (cols layout), biases zero
 *   weights      instead of seed: one matrix per layer, separated by "|"
 *   biases       one vector per layer, separated by "|" (default zeros)
 *   layout       rows (default: one row of weights per neuron, Z = X Wᵀ + b) or
 *                cols (one column per neuron, Z = X W + b); seeded weights are cols
 *   id, theme    as for every widget (base.js)
 *
 * Properties (read-only, float64 as NumPy computes them):
 *   z, output  the last layer's Z and A: an array for one sample, an array of
 *              arrays for a batch; null on error
 *   layers     every layer's { z, a }, in the same form
 *   error      null, or the message the widget shows
 *
 * Events: nl-change (bubbles, composed) after any of those changed.
 * CSS parts: base, toolbar, error, body (base.js); diagram, results, controls.
 *
 * Editing: the inputs, and the selected layer's weights and biases, are
 * MatrixEditor grids (matrix-editor.js): arrow keys move between cells, Escape
 * restores a cell, a pasted NumPy literal fills a grid of its shape. A bad value
 * marks the cell and the last good result stays on screen.
 */
import { NlWidget, el } from './base.js';
import { activationName } from './neuron-model.js';
import {
  LAYER_ACTIVATIONS,
  diagramLayout,
  edgeWidth,
  layerName,
  layerShape,
  networkAttributes,
  networkNumpy,
  networkView,
  nodeName,
  parseNetworkAttributes,
  seededLayers,
  shapeText,
  sizesOf,
  weightAt,
} from './network-model.js';
import { MATRIX_CSS, MatrixEditor } from './matrix-editor.js';
import { NETWORK_CSS } from './nl-network.css.js';
import { parseNumber } from './parse.js';

const NODE_R = 19;

/** The <nl-network> element; its contract is in this file's header comment. */
export class NlNetwork extends NlWidget {
  static observedAttributes = ['inputs', 'sizes', 'activations', 'seed', 'scale', 'weights', 'biases', 'layout'];
  static styles = [MATRIX_CSS, NETWORK_CSS];
  static noun = 'network';

  #ui = null;
  #layer = 0; // the layer whose weights are being edited
  #sample = 0; // the sample the diagram shows

  parse(attrs, core) {
    return parseNetworkAttributes(attrs, core);
  }

  compute(state, core) {
    return networkView(core, state);
  }

  stateAttributes(state) {
    return networkAttributes(state);
  }

  numpy(state) {
    return networkNumpy(state);
  }

  json(state, view) {
    return { ...networkAttributes(state), parameters: view.count, z: view.z, output: view.output, layers: view.layers };
  }

  diagramSvg() {
    return this.#ui?.svg ?? null;
  }

  build(body) {
    const figure = el('div', { class: 'figure' });
    const svg = el('svg:svg', { class: 'diagram', part: 'diagram', role: 'img' });
    const legend = el('p', { class: 'legend' });
    legend.append(
      el('span', { class: 'key pos' }),
      document.createTextNode(' positive weight'),
      el('span', { class: 'key neg' }),
      document.createTextNode(' negative (dashed) · thicker = larger |w| · nodes show A'),
    );
    figure.append(svg, legend);

    const summary = el('div', { class: 'summary' });
    const outBox = el('div', { class: 'result' });
    const outLabel = el('span', { class: 'label' }, 'output');
    const outValue = el('output', { class: 'value', part: 'output' });
    outBox.append(outLabel, outValue);
    const countBox = el('div', { class: 'result' });
    const countValue = el('output', { class: 'value small', part: 'count' });
    const formula = el('span', { class: 'formula' });
    countBox.append(el('span', { class: 'label' }, 'parameters (Σ aᵢ·aᵢ₊₁ + aᵢ₊₁)'), countValue, formula);
    summary.append(outBox, countBox);

    const top = el('div', { class: 'top' });
    top.append(figure, summary);

    const sampleRow = el('div', { class: 'sample-row' });
    const sampleSelect = el('select', { id: 'sample' });
    sampleRow.append(el('label', { for: 'sample' }, 'Sample in the diagram'), sampleSelect);
    this.listen(sampleSelect, 'change', () => {
      this.#sample = Number(sampleSelect.value);
      this.#renderDiagram(this.#lastView, this.state);
    });

    const results = el('div', { class: 'results', part: 'results' });
    const controls = el('div', { class: 'controls', part: 'controls' });

    // Inputs.
    const inputsSet = el('fieldset', { class: 'group' });
    const inputsGrid = el('div', { class: 'grid-wrap' });
    inputsSet.append(el('legend', {}, 'Inputs X (one sample per row)'), inputsGrid);

    // Weights of one layer at a time.
    const weightsSet = el('fieldset', { class: 'group wide' });
    const layerSelect = el('select', { id: 'layer' });
    const actSelect = el('select', { id: 'act' });
    const pick = el('div', { class: 'pick' });
    pick.append(
      el('label', { for: 'layer' }, 'Layer'),
      layerSelect,
      el('label', { for: 'act' }, 'activation'),
      actSelect,
    );
    const shape = el('p', { class: 'shape' });
    const weightsGrid = el('div', { class: 'grid-wrap' });
    const biasesGrid = el('div', { class: 'grid-wrap' });
    weightsSet.append(el('legend', {}, 'Weights and biases'), pick, shape, weightsGrid, biasesGrid);
    this.listen(layerSelect, 'change', () => {
      this.#layer = Number(layerSelect.value);
      this.#buildLayerEditor(this.state);
    });
    this.listen(actSelect, 'change', () => {
      const state = this.state;
      const layers = state.layers.map((l, i) => (i === this.#layer ? { ...l, activation: actSelect.value } : l));
      const problem = this.update({ ...state, layers });
      this.#note(problem);
    });

    // Re-seed.
    const seedSet = el('fieldset', { class: 'group seed' });
    const seedField = el('input', {
      type: 'text',
      id: 'seed',
      inputmode: 'numeric',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const scaleField = el('input', { type: 'text', id: 'scale', autocomplete: 'off', spellcheck: 'false' });
    const draw = el('button', { type: 'button', class: 'tool' }, 'Draw weights');
    const reseed = el('button', { type: 'button', class: 'tool' }, 'Re-seed');
    const seedRow = el('div', { class: 'pick' });
    seedRow.append(
      el('label', { for: 'seed' }, 'seed'),
      seedField,
      el('label', { for: 'scale' }, 'scale'),
      scaleField,
      draw,
      reseed,
    );
    seedSet.append(el('legend', {}, 'Random weights (np.random.seed, randn × scale)'), seedRow);
    this.listen(draw, 'click', () => this.#drawSeeded(0));
    this.listen(reseed, 'click', () => this.#drawSeeded(1));
    for (const f of [seedField, scaleField]) {
      this.listen(f, 'keydown', (event) => {
        if (event.key === 'Enter') this.#drawSeeded(0);
      });
    }

    const note = el('p', { class: 'field-note', id: 'net-note', role: 'status' });
    note.hidden = true;
    controls.append(inputsSet, weightsSet, seedSet, note);
    body.append(top, sampleRow, results, controls);
    this.#ui = {
      svg,
      outLabel,
      outValue,
      countValue,
      formula,
      sampleRow,
      sampleSelect,
      results,
      inputsGrid,
      layerSelect,
      actSelect,
      shape,
      weightsGrid,
      biasesGrid,
      seedField,
      scaleField,
      note,
      grids: {},
      tables: [],
      diagram: null,
      sizesKey: '',
    };
  }

  #lastView = null;

  sync(state) {
    const ui = this.#ui;
    this.#note(null);
    const sizes = sizesOf(state.layers);
    if (this.#layer >= state.layers.length) this.#layer = 0;
    if (this.#sample >= state.inputs.length) this.#sample = 0;
    ui.layerSelect.replaceChildren(
      ...state.layers.map((l, i) =>
        el('option', { value: i }, `${i + 1}: ${layerName(i, state.layers.length)} (${sizes[i]}→${sizes[i + 1]})`),
      ),
    );
    ui.layerSelect.value = String(this.#layer);
    this.#buildInputsEditor(state);
    this.#buildLayerEditor(state);
    ui.seedField.value = String(state.seed ? state.seed.seed : 0);
    ui.scaleField.value = String(state.seed ? state.seed.scale : 0.5);
  }

  render(view, state) {
    this.#lastView = view;
    const ui = this.#ui;
    const key = `${sizesOf(state.layers).join(' ')}/${state.inputs.length}`;
    if (ui.sizesKey !== key) {
      ui.sizesKey = key;
      this.#buildDiagram(view.sizes);
      this.#buildTables(state);
      ui.sampleSelect.replaceChildren(...state.inputs.map((_, s) => el('option', { value: s }, `sample ${s + 1}`)));
      ui.sampleRow.hidden = state.inputs.length < 2;
      if (this.#sample >= state.inputs.length) this.#sample = 0;
      ui.sampleSelect.value = String(this.#sample);
    }
    const lastText = view.text.layers[view.text.layers.length - 1].a;
    ui.outLabel.textContent = `output ŷ (after ${activationName(state.layers[state.layers.length - 1].activation)})`;
    ui.outValue.textContent = lastText.map((row) => row.join('  ')).join(' ; ');
    ui.countValue.textContent = view.formula.replace(/^.* = /, '');
    ui.formula.textContent = view.formula;
    this.#renderDiagram(view, state);
    this.#renderTables(view, state);
    this.announce(`output ${ui.outValue.textContent}`);
  }

  // --- the diagram -------------------------------------------------------

  #buildDiagram(sizes) {
    const ui = this.#ui;
    const g = diagramLayout(sizes, { width: 440 });
    const svg = ui.svg;
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${g.width} ${g.height + 18}`);
    svg.setAttribute(
      'aria-label',
      `Diagram of a ${sizes.join('-')} network: the inputs on the left, then each layer's neurons, every input joined to every neuron of the next layer`,
    );
    const edges = el('svg:g', { class: 'edges' });
    const nodes = el('svg:g', { class: 'nodes' });
    const d = { edges: [], values: [], g };
    for (let c = 1; c < sizes.length; c++) {
      const from = g.columns[c - 1];
      const to = g.columns[c];
      const list = [];
      for (let i = 0; i < from.ys.length; i++) {
        for (let j = 0; j < to.ys.length; j++) {
          const line = el('svg:line', {
            x1: from.x + NODE_R,
            y1: from.ys[i],
            x2: to.x - NODE_R,
            y2: to.ys[j],
            class: 'edge',
          });
          line.append(el('svg:title'));
          edges.append(line);
          list.push({ line, i, j });
        }
      }
      d.edges.push(list);
    }
    g.columns.forEach((col, c) => {
      const values = [];
      col.ys.forEach((y, i) => {
        nodes.append(el('svg:circle', { cx: col.x, cy: y, r: NODE_R, class: c === 0 ? 'node input' : 'node' }));
        const t = el('svg:text', { x: col.x, y: y + 3.5, class: 'num', 'text-anchor': 'middle' });
        values.push(t);
        nodes.append(t);
        if (sizes[c] <= 8) {
          const nameX = c === 0 ? col.x - NODE_R - 4 : col.x + NODE_R + 3;
          nodes.append(
            el(
              'svg:text',
              { x: nameX, y: y - NODE_R + 4, class: 'name', 'text-anchor': c === 0 ? 'end' : 'start' },
              nodeName(c, i, sizes.length - 1),
            ),
          );
        }
      });
      d.values.push(values);
      const label = c === 0 ? 'input' : c === sizes.length - 1 ? 'output' : 'hidden';
      nodes.append(el('svg:text', { x: col.x, y: g.height + 12, class: 'col', 'text-anchor': 'middle' }, label));
    });
    svg.append(edges, nodes);
    ui.diagram = d;
  }

  #renderDiagram(view, state) {
    const d = this.#ui.diagram;
    if (!d || !view) return;
    let largest = 0;
    for (const l of state.layers)
      for (const row of l.weights) for (const w of row) largest = Math.max(largest, Math.abs(w));
    state.layers.forEach((layer, k) => {
      const text = view.text.weights[k];
      for (const { line, i, j } of d.edges[k]) {
        const w = weightAt(layer, i, j);
        const wText = layer.layout === 'cols' ? text[i][j] : text[j][i];
        line.setAttribute('stroke-width', String(edgeWidth(w, largest)));
        line.setAttribute('class', wText.startsWith('-') ? 'edge neg' : 'edge pos');
        line.firstChild.textContent = `weight from ${nodeName(k, i, state.layers.length)} to ${nodeName(k + 1, j, state.layers.length)}: ${wText}`;
      }
    });
    const s = Math.min(this.#sample, state.inputs.length - 1);
    d.values[0].forEach((t, i) => {
      t.textContent = view.text.inputs[s][i];
    });
    view.text.layers.forEach((l, k) => {
      d.values[k + 1].forEach((t, j) => {
        t.textContent = l.a[s][j];
      });
    });
  }

  // --- the Z and A tables ------------------------------------------------

  #buildTables(state) {
    const ui = this.#ui;
    const sizes = sizesOf(state.layers);
    ui.tables = state.layers.map((layer, k) => {
      const caption = el('p', { class: 'cap', id: `cap-${k}` });
      const table = el('table', { class: 'values', 'aria-labelledby': `cap-${k}` });
      const head = el('tr');
      head.append(el('th', { scope: 'col' }, ''));
      for (let j = 0; j < sizes[k + 1]; j++)
        head.append(el('th', { scope: 'col' }, nodeName(k + 1, j, state.layers.length)));
      const thead = el('thead');
      thead.append(head);
      const tbody = el('tbody');
      const cells = [];
      state.inputs.forEach((_, s) => {
        for (const which of ['z', 'a']) {
          const tr = el('tr', { class: which });
          const label = `${which.toUpperCase()}${state.layers.length > 1 ? k + 1 : ''}${state.batch ? ` [${s + 1}]` : ''}`;
          tr.append(el('th', { scope: 'row' }, label));
          const row = [];
          for (let j = 0; j < sizes[k + 1]; j++) {
            const td = el('td');
            row.push(td);
            tr.append(td);
          }
          cells.push({ s, which, row });
          tbody.append(tr);
        }
      });
      table.append(thead, tbody);
      // It scrolls sideways when the batch is wide: focusable, so a keyboard can scroll it.
      const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `cap-${k}` });
      wrap.append(caption, table);
      return { wrap, caption, cells };
    });
    ui.results.replaceChildren(...ui.tables.map((t) => t.wrap));
  }

  #renderTables(view, state) {
    this.#ui.tables.forEach((t, k) => {
      const layer = state.layers[k];
      t.caption.textContent = `${layerName(k, state.layers.length)}, ${activationName(layer.activation)}: ${shapeText(state.inputs.length, layer)}`;
      for (const { s, which, row } of t.cells) {
        const values = view.text.layers[k][which][s];
        row.forEach((td, j) => {
          td.textContent = values[j];
          td.classList.toggle('neg-text', values[j].startsWith('-'));
        });
      }
    });
  }

  // --- editors -----------------------------------------------------------

  #buildInputsEditor(state) {
    const n = state.layers.length;
    const many = state.inputs.length > 1;
    const name = (j) => nodeName(0, j, n);
    this.#ui.grids.inputs = this.#editor(this.#ui.inputsGrid, {
      name: 'input',
      rowLabels: (s) => (many ? `sample ${s + 1}` : 'x'),
      colLabels: name,
      cellName: (s, j) => `input ${name(j)}${many ? `, sample ${s + 1}` : ''}`,
      onChange: (rows) => this.update({ ...this.state, inputs: rows }),
    });
    this.#ui.grids.inputs.setValues(state.inputs);
  }

  #buildLayerEditor(state) {
    const ui = this.#ui;
    const k = this.#layer;
    const layer = state.layers[k];
    const n = state.layers.length;
    const { nIn, nOut } = layerShape(layer);
    const cols = layer.layout === 'cols';
    ui.shape.textContent = cols
      ? `W${k + 1} has shape (${nIn},${nOut}): one row per input, one column per neuron.`
      : `W${k + 1} has shape (${nOut},${nIn}): one row per neuron, one column per input.`;
    const inName = (i) => nodeName(k, i, n);
    const outName = (j) => nodeName(k + 1, j, n);
    // Edited weights are no longer the seeded ones.
    const withLayer = (change) => {
      const now = this.state;
      return this.update({ ...now, layers: now.layers.map((l, i) => (i === k ? { ...l, ...change } : l)), seed: null });
    };
    ui.grids.weights = this.#editor(ui.weightsGrid, {
      name: 'weight',
      caption: `W${k + 1}`,
      rowLabels: cols ? inName : outName,
      colLabels: cols ? outName : inName,
      cellName: (r, c) => `weight from ${cols ? inName(r) : inName(c)} to ${cols ? outName(c) : outName(r)}`,
      onChange: (rows) => withLayer({ weights: rows }),
    });
    ui.grids.weights.setValues(layer.weights);
    ui.grids.biases = this.#editor(ui.biasesGrid, {
      name: 'bias',
      caption: `b${k + 1}`,
      rowLabels: () => 'b',
      colLabels: outName,
      cellName: (_, j) => `bias of ${outName(j)}`,
      onChange: (rows) => withLayer({ biases: rows[0] }),
    });
    ui.grids.biases.setValues([layer.biases]);
    const choices = LAYER_ACTIVATIONS.includes(layer.activation)
      ? LAYER_ACTIVATIONS
      : [...LAYER_ACTIVATIONS, layer.activation];
    ui.actSelect.replaceChildren(...choices.map((name) => el('option', { value: name }, name)));
    ui.actSelect.value = layer.activation;
    this.#note(null);
  }

  // The shared editable grid (matrix-editor.js): named cells, arrow keys between
  // cells, Escape, pasted NumPy literals; a refused value stays marked.
  #editor(container, options) {
    const editor = new MatrixEditor({ ...options, guard: (fn) => this.guard(fn) });
    container.replaceChildren(editor.element);
    return editor;
  }

  #drawSeeded(step) {
    const ui = this.#ui;
    const seed = parseNumber(ui.seedField.value);
    const scale = parseNumber(ui.scaleField.value);
    if (seed === null || !Number.isInteger(seed) || seed < 0 || seed + step > 2 ** 32 - 1) {
      return this.#note('The seed must be a whole number from 0 to 4294967295.');
    }
    if (scale === null || Math.abs(scale) > 1e6) return this.#note('The scale must be a number.');
    const state = this.state;
    const next = seed + step;
    const activations = state.layers.map((l) => l.activation);
    const layers = seededLayers(this.core, sizesOf(state.layers), activations, next, scale);
    const problem = this.update({ ...state, layers, seed: { seed: next, scale } });
    if (problem) return this.#note(problem);
    ui.seedField.value = String(next);
    this.sync(this.state);
    this.render(this.#lastView, this.state);
    return this.#note(null);
  }

  #note(message) {
    const note = this.#ui.note;
    note.hidden = !message;
    note.textContent = message ?? '';
  }
}

if (!customElements.get('nl-network')) customElements.define('nl-network', NlNetwork);
