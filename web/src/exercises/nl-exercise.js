/**
 * <nl-exercise>: an exercise whose answer the page checks. The question is the
 * element's own content (light DOM, shown through a slot, so it may hold
 * formulas and links). Two kinds:
 *
 * Numeric: the reader types a number; the expected answer is computed by the
 * NeuronLab core from declarative attributes and compared after rounding both
 * to `digits` decimal places with the core's formatFixed.
 *
 *   <nl-exercise compute="neuron" inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8"
 *                bias="0.1" activation="relu" pick="z" digits="3"
 *                hint="Multiply, add up, add the bias.">
 *     <p>What is z?</p>
 *   </nl-exercise>
 *
 * Challenge: watches another widget (by id) through its bubbling nl-change
 * events and says "Solved!" when a declarative goal holds.
 *
 *   <nl-exercise for="xor-widget" goal="solved"><p>Make every row pass.</p></nl-exercise>
 *
 * Attributes: the full grammar (compute kinds, pick paths, goal grammar) is in
 * exercise-model.js. Numeric: compute, its inputs, pick, digits (default 3),
 * hint, label. Challenge: for, goal, digits. All: id, theme (light | dark | auto).
 *
 * Properties (read-only):
 *   kind     'numeric' | 'challenge', or null when the attributes are bad
 *   status   numeric: 'unanswered' | 'correct' | 'incorrect' | 'invalid';
 *            challenge: 'waiting' | 'unsolved' | 'solved'
 *   solved   true once answered correctly / once the goal has held (stays true)
 *   expected numeric: the core's float64 answer once computed, else null
 *   error    null, or the message the element shows for bad attributes
 *
 * Events: nl-change (bubbles, composed) when status, solved or error change.
 * CSS parts: base, form, input, check, feedback, status.
 *
 * Keyboard: Enter in the answer field checks it. Feedback is announced through
 * an aria-live region; a challenge announces only when it becomes solved or
 * unsolved, not at every slider step.
 */
import { loadCore } from '../core/core.js';
import {
  checkAnswer,
  currentValues,
  evaluateGoal,
  expectedAnswer,
  formatAnswer,
  goalText,
  parseExerciseAttributes,
  readPath,
  WIDGET_PROPERTIES,
} from './exercise-model.js';
import { EXERCISE_CSS } from './nl-exercise.css.js';

/** Creates an element with attributes and optional text (always textContent). */
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let sharedSheet = null;
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(EXERCISE_CSS);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    root.append(el('style', {}, EXERCISE_CSS));
  }
}

const OBSERVED = [
  'compute',
  'pick',
  'digits',
  'hint',
  'label',
  'for',
  'goal',
  'inputs',
  'weights',
  'bias',
  'biases',
  'activation',
  'activations',
  'layout',
  'sizes',
  'seed',
  'scale',
  'z',
];

let counter = 0;

export class NlExercise extends HTMLElement {
  static observedAttributes = OBSERVED;

  #root;
  #spec = null;
  #error = null;
  #status = null;
  #solved = false;
  #expected = null;
  #core = null;
  #ui = null;
  #pending = false;
  #listening = null; // the node whose nl-change events a challenge hears
  #onChange = (event) => this.#guard(() => this.#onWidgetChange(event));
  #uid = ++counter;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  get kind() {
    return this.#spec?.kind ?? null;
  }

  get status() {
    return this.#status;
  }

  get solved() {
    return this.#solved;
  }

  get expected() {
    return this.#expected;
  }

  get error() {
    return this.#error;
  }

  connectedCallback() {
    this.#schedule();
    // Load the core at once, so every later change of the attributes is
    // checked in full (activation, pick) while the element parses them.
    if (!this.#core) {
      loadCore().then(
        (core) => {
          if (this.#core) return;
          this.#core = core;
          if (this.#spec?.kind === 'numeric') this.#guard(() => this.#validateNumeric());
        },
        () => {}, // shown when the reader checks an answer
      );
    }
  }

  disconnectedCallback() {
    this.#stopListening();
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#guard(() => this.#setup());
    });
  }

  // Nothing may throw out of a callback into the host page.
  #guard(fn) {
    try {
      const result = fn();
      if (result && typeof result.catch === 'function') {
        result.catch((err) => this.#showError(`Something went wrong: ${err?.message ?? err}`));
      }
    } catch (err) {
      this.#showError(`Something went wrong: ${err?.message ?? err}`);
    }
  }

  #attributes() {
    const out = {};
    for (const { name, value } of this.attributes) out[name] = value;
    return out;
  }

  #setup() {
    this.#stopListening();
    this.#expected = null;
    this.#solved = false;
    const frame = el('div', { class: 'frame', part: 'base' });
    this.#root.replaceChildren(frame);
    try {
      this.#spec = parseExerciseAttributes(this.#attributes());
      // With the core there, the answer is computed now: an attribute the core
      // refuses (activation="bogus") or a pick naming no value (pick="constructor")
      // is an error at once, not when the reader presses Check.
      if (this.#spec.kind === 'numeric' && this.#core) this.#expected = expectedAnswer(this.#core, this.#spec);
    } catch (err) {
      this.#spec = null;
      const question = el('div', { class: 'question' });
      question.append(el('slot'));
      frame.append(question, el('p', { class: 'error', role: 'alert' }, err.message));
      this.#setState(null, err.message);
      return;
    }
    this.#error = null;
    if (this.#spec.kind === 'numeric') this.#buildNumeric(frame);
    else this.#buildChallenge(frame);
  }

  // When the core arrives after the first setup: compute the answer now.
  #validateNumeric() {
    const spec = this.#spec;
    try {
      this.#expected ??= expectedAnswer(this.#core, spec);
    } catch (err) {
      this.#spec = null;
      this.#ui = null;
      const frame = el('div', { class: 'frame', part: 'base' });
      const question = el('div', { class: 'question' });
      question.append(el('slot'));
      frame.append(question, el('p', { class: 'error', role: 'alert' }, err.message));
      this.#root.replaceChildren(frame);
      this.#setState(null, err.message);
    }
  }

  #showError(message) {
    const frame = this.#root.querySelector('.frame');
    if (frame) {
      frame.querySelector('.error')?.remove();
      frame.append(el('p', { class: 'error', role: 'alert' }, message));
    }
    this.#setState(this.#status, message);
  }

  #setState(status, error = null) {
    if (status === this.#status && error === this.#error) return;
    this.#status = status;
    this.#error = error;
    this.dispatchEvent(new CustomEvent('nl-change', { bubbles: true, composed: true }));
  }

  // --- numeric ---------------------------------------------------------------

  #buildNumeric(frame) {
    const spec = this.#spec;
    const id = `answer-${this.#uid}`;
    const question = el('div', { class: 'question' });
    question.append(el('slot'));
    const form = el('form', { part: 'form', novalidate: '' });
    const label = el('label', { for: id }, spec.label || 'Your answer');
    const unit = el(
      'span',
      { class: 'unit', id: `${id}-unit` },
      spec.digits === 0 ? '(a whole number)' : `(to ${spec.digits} decimal place${spec.digits === 1 ? '' : 's'})`,
    );
    const input = el('input', {
      id,
      part: 'input',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id}-unit`,
    });
    const check = el('button', { type: 'submit', part: 'check' }, 'Check');
    form.append(label, unit, input, check);
    const feedback = el('p', { class: 'feedback', part: 'feedback', role: 'status', 'aria-live': 'polite' });
    const revealRow = el('p', { class: 'reveal-row' });
    const reveal = el('button', { type: 'button', class: 'secondary' }, 'Show the answer');
    revealRow.append(reveal);
    revealRow.hidden = true;
    frame.append(el('p', { class: 'kind' }, 'Exercise'), question, form, feedback, revealRow);
    this.#ui = { input, feedback, revealRow, reveal };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#guard(() => this.#check());
    });
    reveal.addEventListener('click', () => this.#guard(() => this.#reveal()));
    input.addEventListener('input', () => {
      input.removeAttribute('aria-invalid');
    });
    this.#setState('unanswered', null);
  }

  async #expectedValue() {
    this.#core ??= await loadCore();
    this.#expected ??= expectedAnswer(this.#core, this.#spec);
    return this.#expected;
  }

  async #check() {
    const spec = this.#spec;
    const { input, feedback, revealRow } = this.#ui;
    let expected;
    try {
      expected = await this.#expectedValue();
    } catch (err) {
      this.#showError(err.message);
      return;
    }
    if (this.#spec !== spec) return; // the attributes changed meanwhile
    const result = checkAnswer(this.#core, expected, input.value, spec.digits);
    feedback.className = `feedback ${result.status}`;
    if (result.status === 'invalid') {
      input.setAttribute('aria-invalid', 'true');
      feedback.textContent =
        input.value.trim() === ''
          ? 'Type a number first, then press Check.'
          : `"${input.value.trim().slice(0, 24)}" is not a number. Type digits such as 1.25 or -0.5.`;
    } else if (result.status === 'correct') {
      input.removeAttribute('aria-invalid');
      feedback.textContent = `✓ Correct: ${result.expected}.`;
      revealRow.hidden = true;
      this.#solved = true;
    } else {
      input.removeAttribute('aria-invalid');
      const rounded = result.typed === input.value.trim() ? '' : ` (rounded: ${result.typed})`;
      feedback.textContent = `✗ Not yet${rounded}.${spec.hint ? ` Hint: ${spec.hint}` : ' Try again.'}`;
      revealRow.hidden = false;
    }
    this.#setState(result.status);
  }

  async #reveal() {
    const { feedback, revealRow } = this.#ui;
    const expected = await this.#expectedValue();
    const text = formatAnswer(this.#core, expected, this.#spec.digits);
    feedback.className = 'feedback';
    feedback.textContent = `The answer is ${text}.`;
    revealRow.hidden = true;
  }

  // --- challenge -------------------------------------------------------------

  #buildChallenge(frame) {
    const spec = this.#spec;
    const question = el('div', { class: 'question' });
    question.append(el('slot'));
    const goal = el('p', { class: 'goal' });
    goal.append('Goal: ', el('code', {}, goalText(spec.goal)));
    const now = el('p', { class: 'now' });
    const status = el('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    frame.append(el('p', { class: 'kind' }, 'Challenge'), question, goal, now, status);
    this.#ui = { now, status };
    this.#status = null;
    this.#showChallenge('waiting');
    // nl-change bubbles and is composed: listen where both this element and
    // the widget live, so the widget may come before or after this element.
    this.#listening = this.getRootNode();
    this.#listening.addEventListener('nl-change', this.#onChange);
    const target = this.#target();
    if (target) this.#evaluate(target);
  }

  #stopListening() {
    this.#listening?.removeEventListener('nl-change', this.#onChange);
    this.#listening = null;
  }

  #target() {
    const root = this.getRootNode();
    return typeof root.getElementById === 'function' ? root.getElementById(this.#spec.target) : null;
  }

  #onWidgetChange(event) {
    if (this.#spec?.kind !== 'challenge') return;
    const target = this.#target();
    if (!target || event.target !== target) return;
    this.#evaluate(target);
  }

  #evaluate(target) {
    const spec = this.#spec;
    // Only the documented result properties of the widget are read.
    const read = (path) => readPath(path, (name) => (WIDGET_PROPERTIES.includes(name) ? target[name] : undefined));
    if (target.error || (target.output === undefined && target.solved === undefined)) {
      this.#showChallenge('waiting');
      return;
    }
    const met = evaluateGoal(spec.goal, read);
    if (met) this.#solved = true;
    if (this.#core) this.#showNow(read);
    else {
      loadCore().then(
        (core) => {
          this.#core = core;
          if (this.#spec === spec) this.#guard(() => this.#showNow(read));
        },
        () => {},
      );
    }
    this.#showChallenge(met ? 'solved' : 'unsolved');
  }

  #showNow(read) {
    const values = currentValues(this.#core, this.#spec.goal, read, this.#spec.digits);
    const now = this.#ui.now;
    if (values.length === 0) {
      now.hidden = true;
      return;
    }
    now.hidden = false;
    now.replaceChildren('Now: ');
    values.forEach((v, i) => {
      if (i > 0) now.append(', ');
      now.append(el('code', {}, `${v.path} = ${v.text}`));
    });
  }

  #showChallenge(status) {
    if (status === this.#status) return;
    const box = this.#ui.status;
    box.className = `status ${status}`;
    if (status === 'solved') box.textContent = '✓ Solved!';
    else if (status === 'waiting') box.textContent = 'Waiting for the widget to compute…';
    else if (this.#solved) box.textContent = '✓ Solved earlier; the values now no longer meet the goal.';
    else box.textContent = 'Not solved yet.';
    this.#setState(status);
  }
}

if (!customElements.get('nl-exercise')) customElements.define('nl-exercise', NlExercise);
