/**
 * <nl-neuron>: one artificial neuron, z = w·x + b and y = activation(z), with
 * every input, weight and the bias on a slider and in a number field, a diagram,
 * and the working written out step by step. All arithmetic and all number
 * formatting is done by the NeuronLab core (wasm); the view's text comes from
 * neuron-model.js; this file only builds and updates DOM.
 *
 *   <nl-neuron inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8" bias="0.1"
 *              activation="relu"></nl-neuron>
 *
 * Attributes (numbers separated by spaces or commas, or a NumPy literal; at
 * most 64 inputs):
 *   inputs      the inputs x₁ … xₙ (required)
 *   weights     one weight per input (required)
 *   bias        one number (default 0)
 *   activation  step | sigmoid | tanh | relu | leaky_relu | leaky_relu(SLOPE) |
 *               identity (default relu)
 *   id, theme   as for every widget (base.js)
 * Changing an attribute resets the widget to the attribute values.
 *
 * Properties (read-only, float64 as NumPy computes them):
 *   z       the pre-activation w·x + b, or null
 *   output  activation(z), or null
 *   error   null, or the message the widget shows for bad attributes
 *
 * Events: nl-change (bubbles, composed) after z, output or error changed.
 *
 * CSS parts: base, toolbar, error, body (base.js); diagram, z, y, steps, controls.
 *
 * A bad number typed by the reader marks that field (aria-invalid) and the last
 * good result stays on screen; Escape puts the field's last good value back.
 */
import { NlWidget, el } from './base.js';
import { parseNeuronAttributes, parseNumber } from './parse.js';
import {
  ACTIVATION_CHOICES,
  activationName,
  edgeWidth,
  neuronAttributes,
  neuronNumpy,
  neuronView,
  sliderRange,
  subscripted,
} from './neuron-model.js';
import { NEURON_CSS } from './nl-neuron.css.js';

// Diagram geometry, in SVG user units (the SVG scales to the widget's width).
const G = {
  width: 400,
  rowHeight: 46,
  biasRoom: 84, // from the top of the diagram to the neuron's centre, at least
  inputX: 34,
  inputW: 60,
  nodeH: 28,
  bendX: 182, // each edge runs level to here (its weight label sits above), then turns
  neuronX: 258,
  neuronR: 36,
  outputX: 326,
  outputW: 66,
};

/** The <nl-neuron> element; its contract is in this file's header comment. */
export class NlNeuron extends NlWidget {
  static observedAttributes = ['inputs', 'weights', 'bias', 'activation'];
  static styles = NEURON_CSS;
  static noun = 'neuron';

  #ui = null; // references into the shadow DOM; rows are rebuilt when the input count changes
  #invalid = new Set(); // number fields holding text that is not a usable number

  parse(attrs, core) {
    const params = parseNeuronAttributes(attrs);
    return { ...params, activation: core.parseActivation(params.activation) };
  }

  compute(state, core) {
    const view = neuronView(core, state);
    return { ...view, output: view.y };
  }

  stateAttributes(state) {
    return neuronAttributes(state);
  }

  numpy(state) {
    return neuronNumpy(state);
  }

  diagramSvg() {
    return this.#ui?.svg ?? null;
  }

  // The parts that do not depend on the number of inputs.
  build(body) {
    const figure = el('div', { class: 'figure' });
    const svg = el('svg:svg', {
      class: 'diagram',
      part: 'diagram',
      role: 'img',
      'aria-label': 'Diagram of the neuron: inputs, weighted edges, the neuron, its output',
    });
    const legend = el('p', { class: 'legend' });
    legend.append(
      el('span', { class: 'key pos' }),
      document.createTextNode(' positive weight'),
      el('span', { class: 'key neg' }),
      document.createTextNode(' negative (dashed) · thicker = larger |w|'),
    );
    figure.append(svg, legend);

    const zValue = el('output', { class: 'value', part: 'z' }, '…');
    const zBox = el('div', { class: 'result' });
    zBox.append(el('span', { class: 'label' }, 'before activation'), el('span', { class: 'symbol' }, 'z = '), zValue);
    const yLabel = el('span', { class: 'label' }, 'after activation');
    const yValue = el('output', { class: 'value', part: 'y' }, '…');
    const yBox = el('div', { class: 'result y' });
    yBox.append(yLabel, el('span', { class: 'symbol' }, 'y = '), yValue);
    const results = el('div', { class: 'results' });
    results.append(zBox, yBox);

    const top = el('div', { class: 'top' });
    top.append(figure, results);
    const steps = el('div', { class: 'steps', part: 'steps' });
    const controls = el('div', { class: 'controls', part: 'controls' });
    body.append(top, steps, controls);
    this.#ui = { svg, zValue, yValue, yLabel, steps, controls, rows: [] };
  }

  // Sliders, fields and diagram for this many inputs, set to the state's values.
  // They are rebuilt only when the number of inputs changes.
  sync(state) {
    const ui = this.#ui;
    const n = state.inputs.length;
    if (ui.rows.length !== 2 * n + 1) {
      ui.controls.replaceChildren();
      ui.rows = [];
      this.#invalid.clear();
      const other = el('fieldset', { class: 'group wide' });
      other.append(el('legend', {}, 'Bias and activation'), this.#row('b', 'bias', { key: 'bias' }));
      const actRow = el('div', { class: 'row act' });
      const select = el('select', { id: 'activation' });
      actRow.append(el('label', { for: 'activation', class: 'name' }, 'activation'), select);
      this.listen(select, 'change', () => this.update({ ...this.state, activation: select.value }));
      other.append(actRow);
      ui.select = select;
      ui.note = el('p', { class: 'field-note', id: 'field-note' });
      ui.note.hidden = true;
      ui.controls.append(
        this.#fieldset('Inputs', 'x', 'input', n, 'inputs'),
        this.#fieldset('Weights', 'w', 'weight', n, 'weights'),
        other,
        ui.note,
      );
      this.#buildDiagram(n);
    }
    this.#setActivationOptions(state.activation);
    for (const row of ui.rows) {
      this.#setRowValue(row, row.key === 'bias' ? state.bias : state[row.key][row.index]);
      this.#clearInvalid(row);
    }
  }

  // Puts a computed view on screen.
  render(view, state) {
    const ui = this.#ui;
    const d = ui.diagram;
    const name = activationName(state.activation);
    for (let i = 0; i < state.inputs.length; i++) {
      const edge = d.edges[i];
      edge.setAttribute('stroke-width', String(edgeWidth(state.weights[i])));
      edge.setAttribute('class', view.text.weights[i].startsWith('-') ? 'edge neg' : 'edge pos');
      d.weightLabels[i].textContent = `${subscripted('w', i)} = ${view.text.weights[i]}`;
      d.inputValues[i].textContent = view.text.inputs[i];
    }
    d.biasLabel.textContent = `b = ${view.text.bias}`;
    d.zText.textContent = view.text.z;
    d.actText.textContent = `then ${name}`;
    d.yText.textContent = view.text.y;
    ui.zValue.textContent = view.text.z;
    ui.yValue.textContent = view.text.y;
    ui.yLabel.textContent = `after ${name}`;
    this.#renderSteps(view.lines);
    this.announce(`z = ${view.text.z}, y = ${view.text.y}`);
  }

  #fieldset(title, letter, word, n, key) {
    const set = el('fieldset', { class: 'group' });
    set.append(el('legend', {}, title));
    for (let i = 0; i < n; i++) set.append(this.#row(subscripted(letter, i), `${word} ${i + 1}`, { key, index: i }));
    return set;
  }

  // One labelled slider + number field pair.
  #row(name, spoken, where) {
    const rowEl = el('div', { class: 'row' });
    const id = `f-${where.key}-${where.index ?? 0}`;
    const range = el('input', { type: 'range', step: '0.01', 'aria-label': `${name} (${spoken})` });
    const field = el('input', {
      type: 'text',
      id,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': `${name} (${spoken}), exact value`,
    });
    rowEl.append(el('label', { for: id, class: 'name' }, name), range, field);
    const row = { ...where, range, field, last: '' };
    this.listen(range, 'input', () => {
      field.value = range.value;
      this.#onEdit(row, true);
    });
    this.listen(field, 'input', () => this.#onEdit(row, false));
    this.listen(field, 'keydown', (event) => {
      if (event.key === 'Escape') this.#revertField(row);
    });
    this.#ui.rows.push(row);
    return rowEl;
  }

  #setRowValue(row, value) {
    const { min, max } = sliderRange(value);
    row.range.min = String(min);
    row.range.max = String(max);
    row.range.value = String(value);
    row.field.value = String(value);
    row.last = row.field.value;
  }

  #setActivationOptions(canonical) {
    const select = this.#ui.select;
    const choices = ACTIVATION_CHOICES.includes(canonical) ? ACTIVATION_CHOICES : [...ACTIVATION_CHOICES, canonical];
    if (select.options.length !== choices.length || [...select.options].some((o, i) => o.value !== choices[i])) {
      select.replaceChildren(...choices.map((name) => el('option', { value: name }, name)));
    }
    select.value = canonical;
  }

  #buildDiagram(n) {
    const svg = this.#ui.svg;
    const rows = Math.max(n, 2);
    // Room above the neuron for the bias label, below it for the activation name.
    const top = Math.max(8, G.biasRoom - (rows * G.rowHeight) / 2);
    const midY = top + (rows * G.rowHeight) / 2;
    const height = Math.max(top + rows * G.rowHeight, midY + G.neuronR + 24);
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${G.width} ${height}`);
    const cx = G.neuronX;
    const r = G.neuronR;
    const edges = el('svg:g', { class: 'edges' });
    const labels = el('svg:g', { class: 'labels' });
    const nodes = el('svg:g', { class: 'nodes' });
    const d = { edges: [], weightLabels: [], inputValues: [] };
    const firstY = midY - ((n - 1) * G.rowHeight) / 2;
    for (let i = 0; i < n; i++) {
      const y = firstY + i * G.rowHeight;
      // Edges meet the neuron on its left side, spread so thick lines stay apart.
      const dy = Math.max(-r * 0.8, Math.min(r * 0.8, (y - midY) * 0.5));
      const x2 = cx - Math.sqrt(r * r - dy * dy);
      const x1 = G.inputX + G.inputW;
      // Level first, so every weight label has its own row and no edge crosses it.
      const edge = el('svg:polyline', { points: `${x1},${y} ${G.bendX},${y} ${x2},${midY + dy}`, class: 'edge' });
      const label = el('svg:text', { x: (x1 + G.bendX) / 2, y: y - 7, class: 'wlabel', 'text-anchor': 'middle' });
      const value = el('svg:text', { x: G.inputX + G.inputW / 2, y: y + 4, class: 'num', 'text-anchor': 'middle' });
      edges.append(edge);
      labels.append(label);
      nodes.append(
        el('svg:text', { x: G.inputX - 6, y: y + 4, class: 'name', 'text-anchor': 'end' }, subscripted('x', i)),
        el('svg:rect', { x: G.inputX, y: y - G.nodeH / 2, width: G.inputW, height: G.nodeH, rx: 6, class: 'box' }),
        value,
      );
      d.edges.push(edge);
      d.weightLabels.push(label);
      d.inputValues.push(value);
    }
    // Bias: an arrow into the top of the neuron.
    edges.append(el('svg:line', { x1: cx, y1: midY - r - 22, x2: cx, y2: midY - r, class: 'bias-edge' }));
    d.biasLabel = el('svg:text', { x: cx, y: midY - r - 28, class: 'wlabel', 'text-anchor': 'middle' });
    labels.append(d.biasLabel);
    // The neuron: Σ then the activation; z inside.
    nodes.append(el('svg:circle', { cx, cy: midY, r, class: 'neuron' }));
    nodes.append(el('svg:text', { x: cx, y: midY - 8, class: 'sigma', 'text-anchor': 'middle' }, 'Σ'));
    d.zText = el('svg:text', { x: cx, y: midY + 16, class: 'num', 'text-anchor': 'middle' });
    // Starts under the neuron and runs right, clear of the edges that climb in from below.
    d.actText = el('svg:text', { x: cx - 12, y: midY + r + 16, class: 'act' });
    nodes.append(d.zText, d.actText);
    // Output.
    edges.append(el('svg:line', { x1: cx + r, y1: midY, x2: G.outputX - 2, y2: midY, class: 'out-edge' }));
    nodes.append(
      el('svg:polygon', {
        points: `${G.outputX - 2},${midY} ${G.outputX - 10},${midY - 5} ${G.outputX - 10},${midY + 5}`,
        class: 'arrow',
      }),
      el('svg:rect', {
        x: G.outputX,
        y: midY - G.nodeH / 2,
        width: G.outputW,
        height: G.nodeH,
        rx: 6,
        class: 'box out',
      }),
      el(
        'svg:text',
        { x: G.outputX + G.outputW / 2, y: midY - G.nodeH / 2 - 6, class: 'name', 'text-anchor': 'middle' },
        'y',
      ),
    );
    d.yText = el('svg:text', { x: G.outputX + G.outputW / 2, y: midY + 4, class: 'num', 'text-anchor': 'middle' });
    nodes.append(d.yText);
    svg.append(edges, labels, nodes);
    this.#ui.diagram = d;
  }

  // Each line is a row of nowrap spans joined by spaces, so a long sum wraps
  // between terms. The spans are made once per shape and then only re-labelled.
  #renderSteps(lines) {
    const steps = this.#ui.steps;
    if (steps.children.length !== lines.length) {
      steps.replaceChildren(...lines.map(() => el('div', { class: 'line' })));
    }
    lines.forEach((pieces, i) => {
      const line = steps.children[i];
      if (line.children.length !== pieces.length) {
        line.replaceChildren(
          ...pieces.flatMap((_, j) => (j > 0 ? [document.createTextNode(' '), el('span')] : [el('span')])),
        );
      }
      pieces.forEach((piece, j) => {
        line.children[j].textContent = piece;
      });
    });
  }

  // A reader's edit of one number (from its slider or its field).
  #onEdit(row, fromSlider) {
    const value = parseNumber(row.field.value);
    if (value === null) {
      this.#markInvalid(
        row,
        `"${row.field.value.slice(0, 24)}" is not a number. The result shows the last good value.`,
      );
      return;
    }
    const state = this.state;
    const next = { ...state, inputs: [...state.inputs], weights: [...state.weights] };
    if (row.key === 'bias') next.bias = value;
    else next[row.key][row.index] = value;
    const problem = this.update(next);
    if (problem) {
      this.#markInvalid(row, problem);
      return;
    }
    this.#clearInvalid(row);
    row.last = row.field.value;
    if (!fromSlider) {
      // Typed values move the slider, widening it when they lie outside.
      const { min, max } = sliderRange(value);
      row.range.min = String(Math.min(min, Number(row.range.min)));
      row.range.max = String(Math.max(max, Number(row.range.max)));
      row.range.value = String(value);
    }
  }

  #markInvalid(row, message) {
    row.field.setAttribute('aria-invalid', 'true');
    row.field.setAttribute('aria-describedby', 'field-note');
    this.#invalid.add(row);
    this.#ui.note.textContent = message;
    this.#ui.note.hidden = false;
  }

  #clearInvalid(row) {
    row.field.removeAttribute('aria-invalid');
    row.field.removeAttribute('aria-describedby');
    this.#invalid.delete(row);
    if (this.#invalid.size === 0) this.#ui.note.hidden = true;
  }

  // Escape in a field puts back the last value that was used.
  #revertField(row) {
    row.field.value = row.last;
    this.#clearInvalid(row);
  }
}

if (!customElements.get('nl-neuron')) customElements.define('nl-neuron', NlNeuron);
