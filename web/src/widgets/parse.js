// Parsing of widget attributes and reader-typed numbers. Everything here is
// untrusted text (an author's attribute, a reader's keystrokes): it is checked
// strictly and turned into numbers or a plain-language message. No DOM, no
// arithmetic on the values (the core does that).

/** Most numbers one attribute may hold before parsing even starts. The core
 *  enforces its own, larger limits; this one keeps a widget from building
 *  thousands of sliders out of a runaway attribute. */
export const MAX_LIST_LENGTH = 64;

/** Longest attribute text read at all (a guard before splitting). */
const MAX_TEXT_LENGTH = 4096;

// A decimal number as people write it: 0.5, -.3, +2, 1e-3. No hex, no
// "Infinity", no "NaN", no empty string (all of which Number() would accept).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Shortens untrusted text for an error message (shown with textContent). */
function quote(text) {
  const t = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `"${t}"`;
}

/**
 * One number from text a reader typed or an author wrote, or null when the text
 * is not a finite decimal number. A comma is accepted as the decimal mark when it
 * is the only separator ("0,5"), as many keyboards type it.
 */
export function parseNumber(text) {
  const t = String(text).trim().replace(/^([+-]?\d*),(\d+)$/, '$1.$2').replace(/^\u2212/, '-');
  if (t.length > 64 || !NUMBER.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/**
 * A list of numbers separated by spaces or commas ("0.5 -0.3 0.7", "1, 2, 3").
 * Throws an Error with a message fit to show the reader when the text is empty,
 * too long, or holds something that is not a number.
 */
export function parseNumberList(text, name) {
  const t = String(text ?? '').trim();
  if (t === '') throw new Error(`The ${name} attribute is missing or empty.`);
  if (t.length > MAX_TEXT_LENGTH) throw new Error(`The ${name} attribute is too long.`);
  const parts = t.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length > MAX_LIST_LENGTH) {
    throw new Error(`The ${name} attribute has ${parts.length} numbers; at most ${MAX_LIST_LENGTH} are allowed.`);
  }
  return parts.map((part, i) => {
    const value = parseNumber(part);
    if (value === null) {
      throw new Error(`In ${name}, item ${i + 1} (${quote(part)}) is not a number.`);
    }
    return value;
  });
}

/** Exactly one number from an attribute; throws an Error with a reader-facing message. */
export function parseSingleNumber(text, name) {
  const values = parseNumberList(text, name);
  if (values.length !== 1) throw new Error(`The ${name} attribute must be one number, not ${values.length}.`);
  return values[0];
}

/**
 * The attributes of <nl-neuron>, checked: { inputs, weights, bias, activation }.
 * The activation name is only trimmed here; the core decides which names exist.
 * Throws an Error whose message says what is wrong.
 */
export function parseNeuronAttributes({ inputs, weights, bias, activation }) {
  const x = parseNumberList(inputs, 'inputs');
  const w = parseNumberList(weights, 'weights');
  if (x.length !== w.length) {
    throw new Error(
      `There are ${x.length} inputs but ${w.length} weights: a neuron needs one weight per input.`,
    );
  }
  const b = bias == null || String(bias).trim() === '' ? 0 : parseSingleNumber(bias, 'bias');
  const act = String(activation ?? '').trim() || 'relu';
  if (act.length > 40) throw new Error('The activation attribute is too long.');
  return { inputs: x, weights: w, bias: b, activation: act };
}
