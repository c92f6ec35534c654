/**
 * <nl-batch>: a batch of samples (one per row of X) through one layer,
 * Z = X Wᵀ + b (or X W + b) and A = activation(Z): the batch as an editable
 * table, the output matrices with their shape, and the layer diagram showing
 * the chosen sample. All arithmetic and all number formatting is done by the
 * NeuronLab core (wasm); the view's text comes from batch-model.js; this file
 * only builds and updates DOM.
 *
 *   <nl-batch inputs="1 2 3 2.5; -0.8 0.4 0.1 1.2; 0.2 0.9 -0.5 0.3"
 *             weights="0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87"
 *             biases="2 3 0.5" activation="relu"></nl-batch>
 *
 * Attributes (numbers separated by spaces or commas, matrix rows by
 * semicolons, or NumPy literals; at most 16 samples, 12 inputs, 12 neurons):
 *   inputs      the batch X, one sample per row (required)
 *   weights     the weight matrix (required), as for <nl-layer>: layout="rows"
 *               (default) shape (n_out, n_in); layout="cols" shape (n_in, n_out)
 *   biases      one bias per neuron (default zeros)
 *   activation  step | sigmoid | tanh | relu | leaky_relu | leaky_relu(SLOPE) |
 *               identity | softmax (default relu)
 *   layout      rows | cols (default rows)
 *   id, theme   as for every widget (base.js)
 * Changing an attribute resets the widget to the attribute values.
 *
 * Properties (read-only, float64 as NumPy computes them):
 *   z       Z, one array per sample (an array of arrays), or null
 *   output  A = activation(Z), one array per sample, or null
 *   error   null, or the message the widget shows for bad attributes
 *
 * Events: nl-change (bubbles, composed) after z, output or error changed.
 *
 * CSS parts: base, toolbar, error, body (base.js); batch, output, shape, diagram.
 *
 * Choosing a sample: clicking or focusing any of its cells (Tab, arrow keys),
 * or the "Show sample" menu, sends it through the diagram. "Add sample" copies
 * the last row; "Remove sample" removes the chosen one (1 to 16 samples).
 * Editing follows MatrixEditor (matrix-editor.js): results follow each good
 * number, Enter confirms, Escape puts back, a bad number marks its cell and the
 * last good result stays; a pasted NumPy literal of the batch's shape fills it.
 * Hovering or focusing an output cell highlights its sample and its neuron.
 */
import { NlWidget, el } from './base.js';
import {
  MAX_SAMPLES,
  batchAttributes,
  batchNumpy,
  batchView,
  parseBatchAttributes,
  sampleText,
  withSampleAdded,
  withSampleRemoved,
} from './batch-model.js';
import { activationName, layerSize, subscripted } from './layer-model.js';
import { MATRIX_CSS, MatrixEditor } from './matrix-editor.js';
import { LayerDiagram, ResultTable, setActivationOptions } from './nl-layer.js';
import { LAYER_CSS } from './nl-layer.css.js';

const nName = (j) => `n${subscripted('', j)}`;

/** The <nl-batch> element; its contract is in this file's header comment. */
export class NlBatch extends NlWidget {
  static observedAttributes = ['inputs', 'weights', 'biases', 'activation', 'layout'];
  static styles = [MATRIX_CSS, LAYER_CSS];
  static noun = 'batch';

  #ui = null;
  #x = null; // the batch's MatrixEditor (rebuilt when the number of inputs changes)
  #nIn = -1;
  #selected = 0; // the sample shown in the diagram
  #view = null;
  #hover = null; // { row, col } of the output cell under the pointer or focused

  parse(attrs, core) {
    const params = parseBatchAttributes(attrs);
    return { ...params, activation: core.parseActivation(params.activation) };
  }

  compute(state, core) {
    return batchView(core, state);
  }

  stateAttributes(state) {
    return batchAttributes(state);
  }

  numpy(state) {
    return batchNumpy(state);
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

    const grids = el('div', { class: 'batch-grids' });
    const batchBox = el('div', { class: 'batch', part: 'batch' });
    const tools = el('div', { class: 'batch-tools' });
    const add = el('button', { type: 'button', class: 'tool' }, 'Add sample');
    const remove = el('button', { type: 'button', class: 'tool' }, 'Remove sample');
    this.listen(add, 'click', () => this.#add());
    this.listen(remove, 'click', () => this.#remove());
    const limitNote = el('p', { class: 'hint', role: 'status' });
    tools.append(add, remove, limitNote);
    batchBox.append(tools);

    const guard = (fn) => this.guard(fn);
    const onHover = (c) => {
      this.#hover = c;
      this.#highlight();
    };
    const onFocus = (c) => {
      if (c) this.#choose(c.row);
      onHover(c);
    };
    const zTable = new ResultTable({ guard, onHover, onFocus, className: 'z-table' });
    const aTable = new ResultTable({ guard, onHover, onFocus, className: 'a-table' });
    const outputs = el('div', { class: 'batch-grids outputs', part: 'output' });
    outputs.append(zTable.element, aTable.element);
    grids.append(batchBox, outputs);

    const pick = el('div', { class: 'sample-pick' });
    const sampleSelect = el('select', { id: 'sample' });
    pick.append(el('label', { for: 'sample' }, 'Diagram shows'), sampleSelect);
    this.listen(sampleSelect, 'change', () => this.#choose(Number(sampleSelect.value)));
    const diagram = new LayerDiagram();
    diagram.figure.prepend(pick);
    const wTable = new ResultTable({ guard, className: 'w-table' });
    const main = el('div', { class: 'main' });
    main.append(diagram.figure, wTable.element);
    body.append(head, grids, main);
    this.#ui = {
      shape,
      note,
      select,
      batchBox,
      tools,
      add,
      remove,
      limitNote,
      zTable,
      aTable,
      sampleSelect,
      diagram,
      wTable,
    };
  }

  sync(state) {
    const { nIn } = layerSize(state);
    if (nIn !== this.#nIn || !this.#x) {
      this.#nIn = nIn;
      this.#x?.element.remove();
      this.#x = new MatrixEditor({
        caption: 'The batch X: one sample per row',
        rowLabels: (i) => `sample ${i + 1}`,
        colLabels: (k) => subscripted('x', k),
        cellName: (i, k) => `sample ${i + 1}, ${subscripted('x', k)}`,
        onChange: (rows) => this.update({ ...this.state, inputs: rows }),
        onFocus: (c) => c && this.#choose(c.row),
        guard: (fn) => this.guard(fn),
      });
      this.#ui.batchBox.prepend(this.#x.element);
    }
    setActivationOptions(this.#ui.select, state.activation);
    this.#x.setValues(state.inputs);
    this.#selected = Math.min(this.#selected, state.inputs.length - 1);
  }

  render(view, state) {
    const ui = this.#ui;
    this.#view = view;
    const { nIn, nOut } = layerSize(state);
    const s = state.inputs.length;
    this.#selected = Math.min(this.#selected, s - 1);
    ui.shape.textContent = view.shape;
    ui.note.textContent = view.note;
    const name = activationName(state.activation);
    const samples = Array.from({ length: s }, (_, i) => `sample ${i + 1}`);
    const neurons = Array.from({ length: nOut }, (_, j) => nName(j));
    ui.zTable.setShape(
      `Z = X ${state.layout === 'rows' ? 'Wᵀ' : 'W'} + b, shape ${view.outShape}`,
      samples,
      neurons,
      (i, j) => `Z, sample ${i + 1}, neuron ${j + 1}`,
    );
    ui.aTable.setShape(
      `Output A = ${name}(Z), shape ${view.outShape}`,
      samples,
      neurons,
      (i, j) => `A, sample ${i + 1}, neuron ${j + 1}`,
    );
    ui.zTable.setText(view.text.z);
    ui.aTable.setText(view.text.a, (i, j) => view.silent[i][j]);

    // The layer's parameters, read-only, in the layout's own orientation.
    const xs = Array.from({ length: nIn }, (_, k) => subscripted('x', k));
    if (state.layout === 'rows') {
      ui.wTable.setShape(`Weights W, shape (${nOut}, ${nIn}), and biases b`, neurons, [...xs, 'b'], (j, k) =>
        k < nIn ? `weight from input ${k + 1} to neuron ${j + 1}` : `bias of neuron ${j + 1}`,
      );
      ui.wTable.setText(view.text.weights.map((row, j) => [...row, view.text.biases[j]]));
    } else {
      ui.wTable.setShape(`Weights W, shape (${nIn}, ${nOut}), and biases b`, [...xs, 'b'], neurons, (k, j) =>
        k < nIn ? `weight from input ${k + 1} to neuron ${j + 1}` : `bias of neuron ${j + 1}`,
      );
      ui.wTable.setText([...view.text.weights, view.text.biases]);
    }

    if (ui.sampleSelect.options.length !== s) {
      ui.sampleSelect.replaceChildren(...samples.map((label, i) => el('option', { value: i }, label)));
    }
    ui.diagram.build(nIn, nOut);
    ui.add.disabled = s >= MAX_SAMPLES;
    ui.remove.disabled = s <= 1;
    ui.limitNote.textContent = s >= MAX_SAMPLES ? `At most ${MAX_SAMPLES} samples.` : '';
    this.#showSample();
    this.announce(`Output A, shape ${view.outShape}: ${view.text.a.map((row) => row.join(', ')).join('; ')}`);
  }

  // Sends sample i through the diagram.
  #choose(i) {
    if (!this.#view || i === this.#selected || i < 0 || i >= this.#view.text.samples.length) return;
    this.#selected = i;
    this.#showSample();
  }

  #showSample() {
    const ui = this.#ui;
    const i = this.#selected;
    const { text, silent } = sampleText(this.#view, i);
    ui.diagram.render(this.state, text, silent);
    ui.sampleSelect.value = String(i);
    ui.remove.textContent = `Remove sample ${i + 1}`;
    ui.diagram.svg.setAttribute(
      'aria-label',
      `Diagram of the layer for sample ${i + 1}: its inputs, each joined to every neuron. The table after it lists every weight.`,
    );
    for (const [k, tr] of [...this.#x.element.querySelectorAll('tbody tr')].entries())
      tr.classList.toggle('chosen', k === i);
    this.#highlight();
  }

  // The chosen sample's row, and the hovered output's sample and neuron.
  #highlight() {
    const ui = this.#ui;
    const h = this.#hover;
    const rows = h ? [h.row] : [];
    ui.zTable.highlight(h ? { rows } : undefined);
    ui.aTable.highlight(h ? { rows } : undefined);
    this.#x.highlight(h ? { rows } : undefined);
    ui.diagram.highlight(h && h.row === this.#selected ? h.col : null);
  }

  #add() {
    const next = withSampleAdded(this.state);
    if (!next) return;
    const problem = this.update(next);
    if (problem) {
      this.#ui.limitNote.textContent = problem;
      return;
    }
    this.#x.setValues(next.inputs);
    this.#selected = next.inputs.length - 1;
    this.#showSample();
    this.#x.element.querySelector('tbody tr:last-child input')?.focus();
  }

  #remove() {
    const next = withSampleRemoved(this.state, this.#selected);
    if (!next) return;
    const problem = this.update(next);
    if (problem) {
      this.#ui.limitNote.textContent = problem;
      return;
    }
    this.#x.setValues(next.inputs);
    this.#selected = Math.min(this.#selected, next.inputs.length - 1);
    this.#showSample();
  }
}

if (!customElements.get('nl-batch')) customElements.define('nl-batch', NlBatch);
