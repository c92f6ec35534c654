/**
 * <nl-neuron>: one artificial neuron, z = w·x + b and y = activation(z), with
 * every input, weight and the bias on a slider and in a number field, a diagram,
 * and the working written out step by step. All arithmetic and all number
 * formatting is done by the NeuronLab core (wasm).
 *
 *   <nl-neuron inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8" bias="0.1"
 *              activation="relu"></nl-neuron>
 *
 * Attributes (numbers separated by spaces or commas; at most 64 inputs):
 *   inputs      the inputs x₁ … xₙ (required)
 *   weights     one weight per input (required)
 *   bias        one number (default 0)
 *   activation  step | sigmoid | tanh | relu | leaky_relu | leaky_relu(SLOPE) |
 *               identity (default relu)
 *   theme       light | dark | auto (default: auto, follows prefers-color-scheme)
 * Changing an attribute resets the widget to the attribute values.
 *
 * Properties (read-only, float64 as NumPy computes them):
 *   z       the pre-activation w·x + b, or null
 *   output  activation(z), or null
 *   error   null, or the message the widget shows for bad attributes
 *
 * Events:
 *   nl-change  (bubbles, composed) after z, output or error changed; read the
 *              new values from the element.
 *
 * CSS parts: base, error, diagram, z, y, steps, controls.
 *
 * A bad attribute shows its message inside the widget and leaves the rest of the
 * page alone. A bad number typed by the reader marks that field (aria-invalid)
 * and the last good result stays on screen.
 */
import { loadCore } from '../core/core.js';
import { parseNeuronAttributes, parseNumber } from './parse.js';
import {
  ACTIVATION_CHOICES,
  activationName,
  edgeWidth,
  neuronView,
  sliderRange,
  subscripted,
} from './neuron-model.js';
import { NEURON_CSS } from './nl-neuron.css.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element with attributes and optional text (text goes in as textContent). */
function el(tag, attrs = {}, text) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS(SVG_NS, tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let sharedSheet = null;
/** Styles for a shadow root: one constructed sheet shared by every instance
 *  (not subject to a host page's style-src CSP), or a <style> where unsupported. */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(NEURON_CSS);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    root.append(el('style', {}, NEURON_CSS));
  }
}

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
}

export class NlNeuron extends HTMLElement {
  static observedAttributes = ['inputs', 'weights', 'bias', 'activation'];

  #core = null;
  #coreFailed = null;
  #params = null; // the values on screen: { inputs, weights, bias, activation }
  #z = null;
  #output = null;
  #error = null;
  #ui = null; // references to the shadow DOM, rebuilt when the input count changes
  #invalid = new Set(); // number fields holding text that is not a number
  #pending = false;
  #announceTimer = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this.#ui = this.#buildFrame(root);
  }

  /** The pre-activation z = w·x + b (float64), or null when there is none. */
  get z() {
    return this.#z;
  }

  /** The neuron's output y = activation(z) (float64), or null. */
  get output() {
    return this.#output;
  }

  /** null, or the message shown for bad attributes. */
  get error() {
    return this.#error;
  }

  connectedCallback() {
    this.#scheduleRender();
    if (!this.#core && !this.#coreFailed) {
      loadCore().then(
        (core) => {
          this.#core = core;
          this.#guard(() => this.#renderFromAttributes());
        },
        (err) => {
          this.#coreFailed = String(err?.message ?? err);
          this.#guard(() => this.#renderFromAttributes());
        },
      );
    }
  }

  disconnectedCallback() {
    clearTimeout(this.#announceTimer);
  }

  attributeChangedCallback() {
    this.#scheduleRender();
  }

  // Several attributes often change together (at upgrade, or from a script):
  // read them once, after the current task's changes.
  #scheduleRender() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#guard(() => this.#renderFromAttributes());
    });
  }

  // Nothing may throw out of a callback into the host page.
  #guard(fn) {
    try {
      fn();
    } catch (err) {
      this.#showError(`Something went wrong: ${err?.message ?? err}`);
    }
  }

  #renderFromAttributes() {
    let params;
    try {
      params = parseNeuronAttributes({
        inputs: this.getAttribute('inputs'),
        weights: this.getAttribute('weights'),
        bias: this.getAttribute('bias'),
        activation: this.getAttribute('activation'),
      });
    } catch (err) {
      this.#showError(err.message);
      return;
    }
    if (this.#coreFailed) {
      this.#showError(this.#coreFailed);
      return;
    }
    if (this.#core) {
      try {
        params.activation = this.#core.parseActivation(params.activation);
      } catch (err) {
        this.#showError(err.message);
        return;
      }
    }
    this.#params = params;
    this.#buildControls(params);
    if (!this.#core) return; // the controls show; numbers follow when the core is ready
    try {
      this.#show(neuronView(this.#core, params));
    } catch (err) {
      this.#showError(err.message);
    }
  }

  #showError(message) {
    const { error, body } = this.#ui;
    error.textContent = message;
    error.hidden = false;
    body.hidden = true;
    this.#setResult(null, null, message);
  }

  #setResult(z, output, error) {
    if (z === this.#z && output === this.#output && error === this.#error) return;
    this.#z = z;
    this.#output = output;
    this.#error = error;
    this.dispatchEvent(new CustomEvent('nl-change', { bubbles: true, composed: true }));
  }

  // The parts that do not depend on the number of inputs.
  #buildFrame(root) {
    const base = el('div', { class: 'nl', part: 'base' });
    const error = el('p', { class: 'error', part: 'error', role: 'alert' });
    error.hidden = true;
    const body = el('div', { class: 'body' });

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

    const results = el('div', { class: 'results' });
    const zBox = el('div', { class: 'result' });
    const zValue = el('output', { class: 'value', part: 'z' }, '…');
    zBox.append(el('span', { class: 'label' }, 'before activation'), el('span', { class: 'symbol' }, 'z = '), zValue);
    const yBox = el('div', { class: 'result y' });
    const yLabel = el('span', { class: 'label' }, 'after activation');
    const yValue = el('output', { class: 'value', part: 'y' }, '…');
    yBox.append(yLabel, el('span', { class: 'symbol' }, 'y = '), yValue);
    results.append(zBox, yBox);

    const top = el('div', { class: 'top' });
    top.append(figure, results);

    const steps = el('div', { class: 'steps', part: 'steps' });
    const controls = el('div', { class: 'controls', part: 'controls' });
    const live = el('p', { class: 'sr-only', 'aria-live': 'polite' });
    body.append(top, steps, controls, live);
    base.append(error, body);
    root.append(base);
    return { error, body, svg, zValue, yValue, yLabel, steps, controls, live, rows: [] };
  }

  // Sliders, fields and diagram for this many inputs, set to the values in
  // params. They are rebuilt only when the number of inputs changes.
  #buildControls(params) {
    const ui = this.#ui;
    const n = params.inputs.length;
    ui.error.hidden = true;
    ui.body.hidden = false;
    if (ui.rows.length !== 2 * n + 1) {
      ui.controls.replaceChildren();
      ui.rows = [];
      this.#invalid.clear();
      const inputsSet = this.#fieldset('Inputs', 'x', 'input', n, 'inputs');
      const weightsSet = this.#fieldset('Weights', 'w', 'weight', n, 'weights');
      const other = el('fieldset', { class: 'group wide' });
      other.append(el('legend', {}, 'Bias and activation'));
      other.append(this.#row('b', 'bias', { key: 'bias' }));
      const actRow = el('div', { class: 'row act' });
      const select = el('select', { id: 'activation' });
      actRow.append(el('label', { for: 'activation', class: 'name' }, 'activation'), select);
      select.addEventListener('change', () => this.#guard(() => this.#onActivation()));
      other.append(actRow);
      ui.select = select;
      const note = el('p', { class: 'field-note', id: 'field-note' });
      note.hidden = true;
      ui.note = note;
      ui.controls.append(inputsSet, weightsSet, other, note);
      this.#buildDiagram(n);
    }
    this.#setActivationOptions(params.activation);
    for (const row of ui.rows) {
      const value = row.key === 'bias' ? params.bias : params[row.key][row.index];
      this.#setRowValue(row, value);
      this.#clearInvalid(row);
    }
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
    const range = el('input', {
      type: 'range',
      step: '0.01',
      'aria-label': `${name} (${spoken})`,
    });
    const field = el('input', {
      type: 'text',
      id,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': `${name} (${spoken}), exact value`,
    });
    rowEl.append(el('label', { for: id, class: 'name' }, name), range, field);
    const row = { ...where, range, field, last: '' };
    range.addEventListener('input', () => this.#guard(() => this.#onSlider(row)));
    field.addEventListener('input', () => this.#guard(() => this.#onEdit(row, false)));
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#guard(() => this.#revertField(row));
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
      edges.append(edge);
      const label = el('svg:text', { x: (x1 + G.bendX) / 2, y: y - 7, class: 'wlabel', 'text-anchor': 'middle' });
      labels.append(label);
      nodes.append(
        el('svg:text', { x: G.inputX - 6, y: y + 4, class: 'name', 'text-anchor': 'end' }, subscripted('x', i)),
        el('svg:rect', { x: G.inputX, y: y - G.nodeH / 2, width: G.inputW, height: G.nodeH, rx: 6, class: 'box' }),
      );
      const value = el('svg:text', { x: G.inputX + G.inputW / 2, y: y + 4, class: 'num', 'text-anchor': 'middle' });
      nodes.append(value);
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
      el('svg:rect', { x: G.outputX, y: midY - G.nodeH / 2, width: G.outputW, height: G.nodeH, rx: 6, class: 'box out' }),
      el('svg:text', { x: G.outputX + G.outputW / 2, y: midY - G.nodeH / 2 - 6, class: 'name', 'text-anchor': 'middle' }, 'y'),
    );
    d.yText = el('svg:text', { x: G.outputX + G.outputW / 2, y: midY + 4, class: 'num', 'text-anchor': 'middle' });
    nodes.append(d.yText);
    svg.append(edges, labels, nodes);
    this.#ui.diagram = d;
  }

  // Puts a computed view on screen and publishes the new result.
  #show(view) {
    const ui = this.#ui;
    const p = this.#params;
    const d = ui.diagram;
    const name = activationName(p.activation);
    for (let i = 0; i < p.inputs.length; i++) {
      const w = p.weights[i];
      const edge = d.edges[i];
      edge.setAttribute('stroke-width', String(edgeWidth(w)));
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
    this.#setResult(view.z, view.y, null);
    this.#announce(`z = ${view.text.z}, y = ${view.text.y}`);
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
        const nodes = pieces.flatMap((_, j) => (j > 0 ? [document.createTextNode(' '), el('span')] : [el('span')]));
        line.replaceChildren(...nodes);
      }
      pieces.forEach((piece, j) => {
        line.children[j].textContent = piece;
      });
    });
  }

  // Screen readers hear the result once the reader pauses, not at every slider step.
  #announce(text) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#ui.live.textContent = text;
    }, 250);
  }

  #onSlider(row) {
    row.field.value = row.range.value;
    this.#onEdit(row, true);
  }

  // A reader's edit of one number (from its slider or its field).
  #onEdit(row, fromSlider) {
    const value = parseNumber(row.field.value);
    if (value === null) {
      this.#markInvalid(row, `"${row.field.value.slice(0, 24)}" is not a number. The result shows the last good value.`);
      return;
    }
    const next = { ...this.#params, inputs: [...this.#params.inputs], weights: [...this.#params.weights] };
    if (row.key === 'bias') next.bias = value;
    else next[row.key][row.index] = value;
    if (!this.#tryUpdate(next, row)) return;
    row.last = row.field.value;
    if (!fromSlider) {
      // Typed values move the slider, widening it when they lie outside.
      const { min, max } = sliderRange(value);
      row.range.min = String(Math.min(min, Number(row.range.min)));
      row.range.max = String(Math.max(max, Number(row.range.max)));
      row.range.value = String(value);
    }
  }

  #onActivation() {
    this.#tryUpdate({ ...this.#params, activation: this.#ui.select.value }, null);
  }

  // Computes an edit and shows it. When the core refuses it, the field is marked,
  // the last good result stays, and false is returned.
  #tryUpdate(next, row) {
    if (!this.#core) return false;
    let view;
    try {
      view = neuronView(this.#core, next);
    } catch (err) {
      if (row) this.#markInvalid(row, err.message);
      return false;
    }
    this.#params = next;
    if (row) this.#clearInvalid(row);
    this.#show(view);
    return true;
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
