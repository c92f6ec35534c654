// Parsing of widget attributes and of numbers a reader types or pastes. All of
// it is untrusted text: it is checked strictly, with limits on its length, its
// count of numbers and of rows, and turned into plain numbers and nested arrays,
// or into an Error whose message says what is wrong and where, in words fit to
// show the reader. No DOM, and no arithmetic on the values (the core does that).
//
// Two notations are accepted wherever a vector or matrix is expected:
//   attribute notation  "1 2, 3; 4 5 6": numbers separated by spaces or commas,
//                       rows by semicolons; layers by "|" (parseMatrices)
//   NumPy literals      "np.array([[1, 2], [3, 4]])", "numpy.array(...)",
//                       "array([1., 2.])" as NumPy prints it, "[[1,2],[3,4]]",
//                       "[[1. 2.]\n [3. 4.]]" as print() shows it, a plain number

/** Most numbers one <nl-neuron> attribute may hold: each becomes a slider. */
export const MAX_LIST_LENGTH = 64;

/**
 * Default limits of the vector and matrix parsers: characters of text, numbers
 * in all, rows. Widgets pass smaller ones where a value becomes controls; the
 * core enforces its own, larger limits as well.
 */
export const LIMITS = Object.freeze({ text: 65536, numbers: 4096, rows: 1024 });

// A decimal number as people write it: 0.5, -.3, +2, 1e-3, 1.e-05. No hex, no
// "Infinity", no "NaN", no empty string (all of which Number() would accept).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

// Nesting deeper than a matrix is refused while reading, before any work.
const MAX_DEPTH = 2;

/** "1 number", "3 numbers". */
function numbers(n) {
  return n === 1 ? '1 number' : `${n} numbers`;
}

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
  const t = String(text)
    .trim()
    .replace(/^([+-]?\d*),(\d+)$/, '$1.$2')
    .replace(/^\u2212/, '-');
  if (t.length > 64 || !NUMBER.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/**
 * True for text that is not a number yet but may become one as the reader goes
 * on typing ("", "-", ".", "1e", "2e-"): editors wait instead of marking it.
 */
export function isIncompleteNumber(text) {
  return /^[+\-\u2212]?\.?$|^[+\-\u2212]?(?:\d+\.?\d*|\.\d+)[eE][+-]?$/.test(String(text).trim());
}

// What error messages call the text: an author's attribute, or (kind 'text')
// something typed or pasted, e.g. name 'pasted text'.
function describe(name, kind) {
  return kind === 'text'
    ? { the: `The ${name}`, inIt: `In the ${name}`, empty: `The ${name} is empty.` }
    : { the: `The ${name} attribute`, inIt: `In ${name}`, empty: `The ${name} attribute is missing or empty.` };
}

// Location words for messages: "layer 2, row 1, item 3".
function at(prefix, parts) {
  const where = parts.filter(Boolean).join(', ');
  return where ? `${prefix}, ${where}` : prefix;
}

/**
 * Reads a vector or matrix in either notation. Returns { dims, value }: dims 0
 * (value a number), 1 (number[]) or 2 (number[][], rectangular). Throws an Error
 * naming the problem and its place.
 * options: { text, numbers, rows } limits (defaults in LIMITS); kind 'attribute'
 * (default) or 'text'; newlineRows: line breaks separate rows when the text has
 * no semicolon (a block pasted from a spreadsheet or from print()); where: a
 * location prefix such as 'layer 2'.
 */
export function parseArrayText(text, name, options = {}) {
  const limits = { ...LIMITS, ...options };
  const words = describe(name, options.kind);
  const t = String(text ?? '');
  if (t.length > limits.text) {
    throw new Error(`${words.the} is too long: ${t.length} characters, at most ${limits.text}.`);
  }
  const s = t.trim();
  if (s === '') throw new Error(words.empty);
  const ctx = { limits, words, where: options.where, name };
  const literal = /^(?:\[|(?:np|numpy)\s*\.|(?:as)?array\s*\()/.test(s);
  const value = literal ? readLiteral(s, ctx) : readPlain(s, ctx, options.newlineRows);
  return shape(value, ctx);
}

// Attribute notation: rows by ';' (or by line breaks), numbers by spaces or commas.
function readPlain(s, ctx, newlineRows) {
  const { limits, words } = ctx;
  const byLines = newlineRows && !s.includes(';');
  const rowTexts = s.split(byLines ? /\s*\n\s*/ : ';');
  if (rowTexts.length > limits.rows)
    throw new Error(`${words.the} has ${rowTexts.length} rows; at most ${limits.rows} are allowed.`);
  const rows = rowTexts.map((r) => r.split(/[\s,]+/).filter((p) => p !== ''));
  const count = rows.reduce((n, r) => n + r.length, 0);
  if (count > limits.numbers)
    throw new Error(`${words.the} has ${count} numbers; at most ${limits.numbers} are allowed.`);
  const matrix = rowTexts.length > 1;
  const values = rows.map((parts, r) => {
    const row = matrix ? `row ${r + 1}` : '';
    if (parts.length === 0)
      throw new Error(
        `${at(words.inIt, [ctx.where, row])} is empty: two semicolons with no numbers between them, or one at the end.`,
      );
    return parts.map((part, i) => {
      const value = parseNumber(part);
      if (value === null)
        throw new Error(`${at(words.inIt, [ctx.where, row, `item ${i + 1}`])} (${quote(part)}) is not a number.`);
      return value;
    });
  });
  return matrix ? values : values[0];
}

// NumPy notation, read by a small recursive-descent reader whose depth is
// capped at MAX_DEPTH, so hostile nesting costs nothing.
function readLiteral(s, ctx) {
  const { limits, words } = ctx;
  let i = 0;
  let count = 0;
  const fail = (expected) => {
    const rest = s.slice(i);
    const found = rest === '' ? 'the end of the text' : quote(rest.match(/^[^\s,[\]()]+|^./s)[0]);
    throw new Error(`${at(words.inIt, [ctx.where])}, at character ${i + 1}: expected ${expected} but found ${found}.`);
  };
  const skip = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const match = (re) => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) i = re.lastIndex;
    return m;
  };
  const readNumber = () => {
    const start = i;
    const m = match(/[^\s,[\]()]+/y);
    const value = m ? parseNumber(m[0]) : null;
    if (value === null) {
      i = start;
      fail(
        m && /^[+-]?(?:nan|inf|infinity)$/i.test(m[0]) ? 'a finite number (not NaN or infinity)' : "a number or '['",
      );
    }
    if (++count > limits.numbers)
      throw new Error(`${words.the} has more than ${limits.numbers} numbers; at most ${limits.numbers} are allowed.`);
    return value;
  };
  const readItem = (depth) => {
    skip();
    if (s[i] !== '[') return readNumber();
    if (depth >= MAX_DEPTH)
      throw new Error(
        `${at(words.inIt, [ctx.where])}, at character ${i + 1}: arrays nested deeper than ${MAX_DEPTH} levels are not supported.`,
      );
    i++;
    const items = [];
    skip();
    if (s[i] === ']') throw new Error(`${at(words.inIt, [ctx.where])}, at character ${i + 1}: the list is empty.`);
    for (;;) {
      items.push(readItem(depth + 1));
      if (depth === 0 && items.length > limits.rows && Array.isArray(items[0])) {
        throw new Error(`${words.the} has more than ${limits.rows} rows; at most ${limits.rows} are allowed.`);
      }
      const before = i;
      skip();
      if (s[i] === ',') {
        i++;
        skip();
        if (s[i] === ']') break;
      } else if (s[i] === ']') {
        break;
      } else if (i === before || i >= s.length) {
        fail("',' or ']'");
      }
      // else: separated by white space only, as print() shows arrays
    }
    i++;
    return items;
  };

  const call = match(/(?:(?:np|numpy)\s*\.\s*)?(?:as)?array\s*\(/y);
  if (!call && /^(?:np|numpy)\s*\./.test(s)) fail("'np.array('");
  const value = readItem(0);
  skip();
  if (call) {
    if (s[i] === ',') {
      i++;
      skip();
      if (
        !match(
          /dtype\s*=\s*(?:(?:np|numpy)\s*\.\s*)?(?:float|float64|float32|double|int|int64|int32)\b|dtype\s*=\s*(["'])(?:float64|float32|float|f8|f4|int64|int32|int)\1/y,
        )
      ) {
        fail('dtype=float');
      }
      skip();
    }
    if (s[i] !== ')') fail("')'");
    i++;
    skip();
  }
  if (i < s.length) fail('nothing more after the array');
  return value;
}

// Checks that a nested value is a number, a flat list, or a rectangular list
// of flat lists, and returns { dims, value }.
function shape(value, ctx) {
  const { words } = ctx;
  if (typeof value === 'number') return { dims: 0, value };
  if (value.every((v) => typeof v === 'number')) return { dims: 1, value };
  const cols = Array.isArray(value[0]) ? value[0].length : -1;
  value.forEach((row, r) => {
    const where = at(words.inIt, [ctx.where, `row ${r + 1}`]);
    if (!Array.isArray(row)) throw new Error(`${where} is a single number where the other rows are lists.`);
    if (row.length !== cols) throw new Error(`${where} has ${numbers(row.length)} but row 1 has ${cols}.`);
  });
  return { dims: 2, value };
}

/**
 * A vector (number[]) from either notation; a single number is a vector of one,
 * and a matrix of one row is accepted as that row. Throws a reader-facing Error.
 */
export function parseVector(text, name, options = {}) {
  const { dims, value } = parseArrayText(text, name, options);
  if (dims === 0) return [value];
  if (dims === 1) return value;
  if (value.length === 1) return value[0];
  throw new Error(
    `${at(describe(name, options.kind).the, [options.where])} must be one row of numbers, but it has ${value.length} rows.`,
  );
}

/** A matrix (number[][], rectangular) from either notation; a vector is one row. */
export function parseMatrix(text, name, options = {}) {
  const { dims, value } = parseArrayText(text, name, options);
  if (dims === 0) return [[value]];
  return dims === 1 ? [value] : value;
}

// Splits an attribute at "|" into one part per layer, within the limits.
function layers(text, name, options, parse) {
  const limits = { ...LIMITS, ...options };
  const t = String(text ?? '');
  const words = describe(name, options.kind);
  if (t.length > limits.text)
    throw new Error(`${words.the} is too long: ${t.length} characters, at most ${limits.text}.`);
  const parts = t.split('|');
  if (parts.length > 64) throw new Error(`${words.the} has ${parts.length} layers; at most 64 are allowed.`);
  let total = 0;
  return parts.map((part, k) => {
    const where = parts.length > 1 ? `layer ${k + 1}` : options.where;
    if (parts.length > 1 && part.trim() === '') throw new Error(`${words.inIt}, layer ${k + 1} is empty.`);
    const value = parse(part, name, { ...options, where });
    total += value.flat().length;
    if (total > limits.numbers)
      throw new Error(
        `${words.the} has more than ${limits.numbers} numbers in all; at most ${limits.numbers} are allowed.`,
      );
    return value;
  });
}

/** One matrix per layer, separated by "|" ("1 2; 3 4 | 5 6"): number[][][]. */
export function parseMatrices(text, name, options = {}) {
  return layers(text, name, options, parseMatrix);
}

/** One vector per layer, separated by "|" ("0 0 0 | 0"): number[][]. */
export function parseVectors(text, name, options = {}) {
  return layers(text, name, options, parseVector);
}

/**
 * Whole numbers in [min, max] ("4 5 1" layer sizes, a seed, a resolution),
 * at most `count` of them.
 */
export function parseIntegers(text, name, { min = 0, max = 2 ** 32 - 1, count = 64, kind } = {}) {
  const values = parseVector(text, name, { numbers: count, text: 4096, kind });
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < min || v > max) {
      const item = values.length > 1 ? `, item ${i + 1}` : '';
      throw new Error(`${describe(name, kind).inIt}${item}: ${v} must be a whole number from ${min} to ${max}.`);
    }
  });
  return values;
}

/**
 * Names separated by spaces or commas ("relu sigmoid", "leaky_relu(0.2) tanh"),
 * at most `count`. Only their form is checked; the core knows which names exist.
 */
export function parseNames(text, name, { count = 64 } = {}) {
  const t = String(text ?? '').trim();
  if (t === '') throw new Error(describe(name).empty);
  if (t.length > 4096) throw new Error(`The ${name} attribute is too long.`);
  const names = t.split(/[\s,]+/);
  if (names.length > count)
    throw new Error(`The ${name} attribute has ${names.length} names; at most ${count} are allowed.`);
  names.forEach((n, i) => {
    if (!/^[A-Za-z_]\w{0,30}(?:\([^()\s]{1,24}\))?$/.test(n))
      throw new Error(`In ${name}, item ${i + 1} (${quote(n)}) is not a name such as relu or leaky_relu(0.2).`);
  });
  return names;
}

/**
 * A list of numbers separated by spaces or commas ("0.5 -0.3 0.7", "1, 2, 3"),
 * at most MAX_LIST_LENGTH of them. Throws an Error with a message fit to show
 * the reader when the text is empty, too long, or holds something that is not
 * a number.
 */
export function parseNumberList(text, name) {
  return parseVector(text, name, { numbers: MAX_LIST_LENGTH, text: 4096 });
}

/** Exactly one number from an attribute; throws an Error with a reader-facing message. */
export function parseSingleNumber(text, name) {
  const values = parseNumberList(text, name);
  if (values.length !== 1) throw new Error(`The ${name} attribute must be one number, not ${values.length}.`);
  return values[0];
}

/**
 * A number as attribute text that parseNumber reads back to the same float64
 * (JavaScript's shortest round-trip form; "-0" keeps its sign).
 */
export function formatNumber(value) {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A vector as attribute text: "0.5 -0.3 0.7". */
export function formatVector(values) {
  return Array.from(values, formatNumber).join(' ');
}

/** A matrix (rows of numbers) as attribute text: "1 2; 3 4". */
export function formatMatrix(rows) {
  return rows.map(formatVector).join('; ');
}

/** One matrix per layer as attribute text: "1 2; 3 4 | 5; 6". */
export function formatMatrices(list) {
  return list.map(formatMatrix).join(' | ');
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
    throw new Error(`There are ${x.length} inputs but ${w.length} weights: a neuron needs one weight per input.`);
  }
  const b = bias == null || String(bias).trim() === '' ? 0 : parseSingleNumber(bias, 'bias');
  const act = String(activation ?? '').trim() || 'relu';
  if (act.length > 40) throw new Error('The activation attribute is too long.');
  return { inputs: x, weights: w, bias: b, activation: act };
}
