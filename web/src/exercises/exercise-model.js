// What <nl-exercise> knows, without touching the DOM: its attributes, checked;
// the goal grammar of challenges, parsed and evaluated without eval (pages run
// under script-src 'self'); the expected answer of a numeric exercise, computed
// by the core from declarative attributes; and the comparison of a typed answer
// with it, after rounding both with the core's formatFixed.
//
// Numeric exercise attributes (the widgets' notation, parse.js: numbers
// separated by spaces or commas, matrix rows by ";", one matrix per layer by
// "|", or NumPy literals such as np.array([[1, 2], [3, 4]])):
//   compute="neuron"      inputs weights [bias=0] [activation=relu]
//                         values: z, output (also y), sum, products[i]
//   compute="activation"  activation z (one number or a list)
//                         values: output (a number, or a list for a list of z)
//   compute="layer"       inputs (a vector, or a matrix = a batch) weights biases
//   compute="batch"         [activation=relu] [layout=rows|cols]
//                         values: z, output (a list, or a list of rows for a
//                         batch), shape[0] (samples), shape[1] (outputs)
//   compute="network"     inputs activations (one per layer) and either
//                         weights biases [layout=rows|cols], or sizes seed [scale=1]
//                         (NumPy's seeded randn, cols layout, zero biases)
//                         values: z, output (last layer), layers[k].z,
//                         layers[k].output, shape[0], shape[1], parameters
//   compute="parameters"  sizes          values: count
//   pick      which value is the answer, a path: name, name[i], name[i][j],
//             layers[k].output[i] (0-based like Python; -1 counts from the end).
//             Default: output (neuron, activation), count (parameters).
//   digits    decimal places the answer is compared at (0 to 10, default 3)
//   hint      shown after a wrong answer; label: the answer field's label
//
// Challenge attributes:
//   for       the id of the widget to watch
//   goal      e.g. "output >= 0.95", "output[0] <= 0.05 and z < 0", "solved"
//   digits    decimal places of the values shown beside the goal (default 3)
//
// Goal grammar (whitespace between tokens is free):
//   goal       := or
//   or         := and ( "or" and )*
//   and        := not ( "and" not )*
//   not        := "not" not | "(" or ")" | comparison | path
//   comparison := operand op operand      op := < <= > >= == != ≤ ≥ ≠
//   operand    := path | number            number := -?digits[.digits][e±digits]
//   path       := name ( "[" integer "]" | "." name )*
// A path alone holds when its value is true (e.g. "solved"). A comparison with
// a list holds when it holds for every number in it; a missing value (the
// widget has not computed yet, or has an error) never holds.

import {
  parseArrayText,
  parseIntegers,
  parseMatrices,
  parseMatrix,
  parseNames,
  parseNumber,
  parseVector,
  parseVectors,
} from '../widgets/parse.js';

/** Properties of a watched widget that a goal may read. */
export const WIDGET_PROPERTIES = ['z', 'output', 'layers', 'solved'];

/** Compute kinds of numeric exercises and the attributes each reads. */
const COMPUTE_ATTRIBUTES = {
  neuron: ['inputs', 'weights', 'bias', 'activation'],
  activation: ['activation', 'z'],
  layer: ['inputs', 'weights', 'biases', 'activation', 'layout'],
  batch: ['inputs', 'weights', 'biases', 'activation', 'layout'],
  network: ['inputs', 'weights', 'biases', 'activations', 'layout', 'sizes', 'seed', 'scale'],
  parameters: ['sizes'],
};
const DEFAULT_PICK = { neuron: 'output', activation: 'output', parameters: 'count' };
const NUMERIC_ATTRIBUTES = ['compute', 'pick', 'digits', 'hint', 'label'];
const CHALLENGE_ATTRIBUTES = ['for', 'goal', 'digits'];
const GLOBAL_ATTRIBUTES = ['id', 'class', 'style', 'title', 'lang', 'dir', 'hidden', 'theme', 'slot', 'tabindex'];
const MAX_TEXT = 4096;
const MAX_NUMBERS = 1024;

/** Shortens untrusted text for a message (messages are shown with textContent). */
function quote(text) {
  const t = String(text);
  return `"${t.length > 32 ? `${t.slice(0, 32)}…` : t}"`;
}

// ---------------------------------------------------------------------------
// Paths: name, name[i], name.key

/** A path such as "layers[0].output[2]" as segments [{ name }, { index }, ...]; throws on bad text. */
export function parsePath(text) {
  const tokens = tokenize(String(text ?? ''), 'pick');
  const p = new Parser(tokens, String(text), 'pick');
  const path = p.path();
  p.end();
  return path;
}

/** The text of a path, as an author writes it. */
export function pathText(path) {
  return path.map((s, i) => ('index' in s ? `[${s.index}]` : i === 0 ? s.name : `.${s.name}`)).join('');
}

/**
 * The value at a path, reading only own data: array and typed-array elements,
 * own properties of plain objects, and rows of { rows, cols, data } matrices.
 * `root(name)` gives the first segment's value. Returns undefined when missing.
 */
export function readPath(path, root) {
  let value = root(path[0].name);
  for (const segment of path.slice(1)) {
    if (value === null || value === undefined) return undefined;
    if ('index' in segment) value = indexInto(value, segment.index);
    else if (isPlainObject(value) && Object.hasOwn(value, segment.name)) value = value[segment.name];
    else return undefined;
  }
  return value;
}

function isPlainObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isMatrix(value) {
  return (
    isPlainObject(value) &&
    Number.isInteger(value.rows) &&
    Number.isInteger(value.cols) &&
    ArrayBuffer.isView(value.data)
  );
}

function indexInto(value, index) {
  if (isMatrix(value)) {
    const i = index < 0 ? value.rows + index : index;
    if (i < 0 || i >= value.rows) return undefined;
    return Array.from(value.data.subarray(i * value.cols, (i + 1) * value.cols));
  }
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const i = index < 0 ? value.length + index : index;
    return i >= 0 && i < value.length ? value[i] : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Goals

const OPERATORS = ['<=', '>=', '==', '!=', '<', '>', '≤', '≥', '≠'];
const CANONICAL_OP = { '≤': '<=', '≥': '>=', '≠': '!=' };
const SHOWN_OP = { '<=': '≤', '>=': '≥', '!=': '≠', '==': '=', '<': '<', '>': '>' };
const KEYWORDS = new Set(['and', 'or', 'not']);

// Tokens: { type: 'name'|'number'|'op'|'punct'|'keyword', text, at }.
function tokenize(text, what) {
  if (text.length > 200) throw new Error(`The ${what} attribute is too long (at most 200 characters).`);
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const rest = text.slice(i);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (name) {
      tokens.push({ type: KEYWORDS.has(name[0]) ? 'keyword' : 'name', text: name[0], at: i });
      i += name[0].length;
    } else if (number) {
      tokens.push({ type: 'number', text: number[0], at: i });
      i += number[0].length;
    } else if (op) {
      tokens.push({ type: 'op', text: CANONICAL_OP[op] ?? op, at: i });
      i += op.length;
    } else if ('[].()'.includes(c)) {
      tokens.push({ type: 'punct', text: c, at: i });
      i += 1;
    } else {
      throw new Error(`In ${what} ${quote(text)}, ${quote(c)} at position ${i + 1} is not allowed.`);
    }
  }
  return tokens;
}

class Parser {
  constructor(tokens, text, what) {
    this.tokens = tokens;
    this.text = text;
    this.what = what;
    this.i = 0;
  }

  peek() {
    return this.tokens[this.i];
  }

  fail(message) {
    const t = this.peek();
    const where = t ? `at position ${t.at + 1} (${quote(t.text)})` : 'at the end';
    throw new Error(`In ${this.what} ${quote(this.text)}, ${where}: ${message}`);
  }

  accept(type, text) {
    const t = this.peek();
    if (t && t.type === type && (text === undefined || t.text === text)) {
      this.i += 1;
      return t;
    }
    return null;
  }

  expect(type, text, message) {
    return this.accept(type, text) ?? this.fail(message);
  }

  end() {
    if (this.peek()) this.fail('expected the end here.');
  }

  path() {
    const first = this.expect('name', undefined, 'expected a name such as output or z.');
    const path = [{ name: first.text }];
    for (;;) {
      if (this.accept('punct', '[')) {
        const n = this.expect('number', undefined, 'expected a whole number index.');
        if (!/^-?\d+$/.test(n.text) || Math.abs(Number(n.text)) > 1e6) {
          this.i -= 1;
          this.fail('an index is a whole number such as 0, 1 or -1.');
        }
        this.expect('punct', ']', 'expected "]".');
        path.push({ index: Number(n.text) });
      } else if (this.accept('punct', '.')) {
        const name = this.expect('name', undefined, 'expected a name after ".".');
        path.push({ name: name.text });
      } else {
        return path;
      }
    }
  }

  or() {
    let node = this.and();
    while (this.accept('keyword', 'or')) node = { type: 'or', left: node, right: this.and() };
    return node;
  }

  and() {
    let node = this.not();
    while (this.accept('keyword', 'and')) node = { type: 'and', left: node, right: this.not() };
    return node;
  }

  not() {
    if (this.accept('keyword', 'not')) return { type: 'not', operand: this.not() };
    if (this.accept('punct', '(')) {
      const node = this.or();
      this.expect('punct', ')', 'expected ")".');
      return node;
    }
    const left = this.operand();
    const op = this.accept('op');
    if (!op) {
      if (left.type === 'number') this.fail('a number alone is not a goal: compare it, e.g. output >= 0.95.');
      return { type: 'truth', path: left.path };
    }
    return { type: 'compare', op: op.text, left, right: this.operand() };
  }

  operand() {
    const n = this.accept('number');
    if (n) {
      const value = Number(n.text);
      if (!Number.isFinite(value)) {
        this.i -= 1;
        this.fail('this number is too large.');
      }
      return { type: 'number', value, text: n.text };
    }
    if (this.peek()?.type === 'name') return { type: 'path', path: this.path() };
    return this.fail('expected a value name (such as output) or a number.');
  }
}

/** Parses a goal (grammar above) into a tree; throws an Error saying where it is wrong. */
export function parseGoal(text) {
  const t = String(text ?? '').trim();
  if (t === '') throw new Error('The goal attribute is missing or empty.');
  const p = new Parser(tokenize(t, 'goal'), t, 'goal');
  const tree = p.or();
  p.end();
  for (const path of goalPaths(tree)) {
    if (!WIDGET_PROPERTIES.includes(path[0].name)) {
      throw new Error(
        `In goal ${quote(t)}, ${quote(path[0].name)} is not a widget value: use ${WIDGET_PROPERTIES.join(', ')}.`,
      );
    }
  }
  return tree;
}

/** Every path a goal reads, in order of appearance (repeats removed). */
export function goalPaths(tree) {
  const found = new Map();
  const walk = (node) => {
    if (node.type === 'path' || node.type === 'truth') found.set(pathText(node.path), node.path);
    else if (node.type === 'compare') [node.left, node.right].forEach(walk);
    else if (node.type === 'not') walk(node.operand);
    else if (node.type === 'and' || node.type === 'or') [node.left, node.right].forEach(walk);
  };
  walk(tree);
  return [...found.values()];
}

/** The goal as readers see it: "output ≥ 0.95 and z < 0". */
export function goalText(tree, parent = null) {
  switch (tree.type) {
    case 'truth':
      return pathText(tree.path);
    case 'compare':
      return `${operandText(tree.left)} ${SHOWN_OP[tree.op]} ${operandText(tree.right)}`;
    case 'not':
      return `not ${goalText(tree.operand, 'not')}`;
    default: {
      const text = `${goalText(tree.left, tree.type)} ${tree.type} ${goalText(tree.right, tree.type)}`;
      return parent && parent !== tree.type ? `(${text})` : text;
    }
  }
}

function operandText(operand) {
  return operand.type === 'number' ? operand.text : pathText(operand.path);
}

/** Numbers of a value for comparison: [x] for a number, the elements of a list; null otherwise. */
function numbersOf(value) {
  if (typeof value === 'number') return Number.isNaN(value) ? null : [value];
  if (isMatrix(value)) return numbersOf(value.data);
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    const out = [];
    for (const v of value) {
      const inner = numbersOf(v);
      if (inner === null) return null;
      out.push(...inner);
    }
    return out.length ? out : null;
  }
  return null;
}

const COMPARE = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/**
 * Whether a goal holds. `read(path)` returns the watched widget's value at a
 * path (see readPath). Missing values make a comparison false.
 */
export function evaluateGoal(tree, read) {
  switch (tree.type) {
    case 'truth':
      return read(tree.path) === true;
    case 'not':
      return !evaluateGoal(tree.operand, read);
    case 'and':
      return evaluateGoal(tree.left, read) && evaluateGoal(tree.right, read);
    case 'or':
      return evaluateGoal(tree.left, read) || evaluateGoal(tree.right, read);
    case 'compare': {
      const side = (o) => (o.type === 'number' ? [o.value] : numbersOf(read(o.path)));
      const a = side(tree.left);
      const b = side(tree.right);
      if (!a || !b) return false;
      const test = COMPARE[tree.op];
      if (a.length === 1) return b.every((y) => test(a[0], y));
      if (b.length === 1) return a.every((x) => test(x, b[0]));
      return a.length === b.length && a.every((x, i) => test(x, b[i]));
    }
    default:
      throw new Error(`unknown goal node ${tree.type}`);
  }
}

// ---------------------------------------------------------------------------
// Attributes

// The attribute notation is the widgets' own (parse.js): numbers separated by
// spaces or commas, rows by ";", layers by "|", or pasted NumPy literals.
const LIMITS = { numbers: MAX_NUMBERS, text: MAX_TEXT };

function vector(text, name) {
  return parseVector(text, name, LIMITS);
}

function oneNumber(text, name) {
  const v = vector(text, name);
  if (v.length !== 1) throw new Error(`The ${name} attribute must be one number, not ${v.length}.`);
  return v[0];
}

function layout(text) {
  const t = String(text ?? 'rows').trim() || 'rows';
  if (t !== 'rows' && t !== 'cols') throw new Error(`Unknown layout ${quote(t)}: expected rows or cols.`);
  return t;
}

/** A vector (one sample) or a matrix (a batch, one sample per row). */
function inputsOf(text) {
  const { dims, value } = parseArrayText(text, 'inputs', LIMITS);
  if (dims === 2) return { batch: true, x: value };
  return { batch: false, x: dims === 0 ? [value] : value };
}

function digitsOf(text) {
  if (text === undefined || text === null || String(text).trim() === '') return 3;
  const d = Number(String(text).trim());
  if (!Number.isInteger(d) || d < 0 || d > 10)
    throw new Error(`digits ${quote(text)} must be a whole number from 0 to 10.`);
  return d;
}

function isGlobal(name) {
  return GLOBAL_ATTRIBUTES.includes(name) || name.startsWith('data-') || name.startsWith('aria-');
}

/**
 * The attributes of <nl-exercise> (a plain { name: text } object), checked.
 * Returns { kind: 'numeric', compute, params, pick, digits, hint, label } or
 * { kind: 'challenge', target, goal (a tree), digits }.
 * Throws an Error with a message for the reader (or the lesson author).
 */
export function parseExerciseAttributes(attributes) {
  const a = attributes;
  const has = (name) => a[name] !== undefined && a[name] !== null;
  if (has('compute') === has('for')) {
    throw new Error(
      has('compute')
        ? 'An exercise has either compute (a numeric answer) or for (a challenge on a widget), not both.'
        : 'An exercise needs compute="…" (a numeric answer) or for="widget-id" with goal="…" (a challenge).',
    );
  }
  const digits = digitsOf(a.digits);
  if (has('for')) {
    for (const name of Object.keys(a)) {
      if (!CHALLENGE_ATTRIBUTES.includes(name) && !isGlobal(name)) {
        throw new Error(
          `A challenge exercise has no attribute ${quote(name)} (it reads ${CHALLENGE_ATTRIBUTES.join(', ')}).`,
        );
      }
    }
    const target = String(a.for).trim();
    if (!/^[A-Za-z][\w-]{0,99}$/.test(target))
      throw new Error(`for ${quote(a.for)} must be the id of a widget on this page.`);
    return { kind: 'challenge', target, goal: parseGoal(a.goal), digits };
  }
  const compute = String(a.compute).trim();
  const allowed = COMPUTE_ATTRIBUTES[compute];
  if (!allowed)
    throw new Error(`Unknown compute ${quote(compute)}: expected ${Object.keys(COMPUTE_ATTRIBUTES).join(', ')}.`);
  for (const name of Object.keys(a)) {
    if (!allowed.includes(name) && !NUMERIC_ATTRIBUTES.includes(name) && !isGlobal(name)) {
      throw new Error(`compute="${compute}" reads no attribute ${quote(name)} (it reads ${allowed.join(', ')}).`);
    }
  }
  const params = numericParams(compute, a);
  const pickText = has('pick') ? a.pick : DEFAULT_PICK[compute];
  if (pickText === undefined) throw new Error(`compute="${compute}" needs pick="…", e.g. pick="output[0]".`);
  return {
    kind: 'numeric',
    compute,
    params,
    pick: parsePath(pickText),
    digits,
    hint: has('hint') ? String(a.hint) : '',
    label: has('label') ? String(a.label) : '',
  };
}

function numericParams(compute, a) {
  switch (compute) {
    case 'neuron':
      return {
        inputs: vector(a.inputs, 'inputs'),
        weights: vector(a.weights, 'weights'),
        bias: a.bias === undefined ? 0 : oneNumber(a.bias, 'bias'),
        activation: String(a.activation ?? 'relu').trim(),
      };
    case 'activation': {
      if (a.activation === undefined) throw new Error('compute="activation" needs activation="…".');
      const z = vector(a.z, 'z');
      return { activation: String(a.activation).trim(), z, list: z.length > 1 };
    }
    case 'layer':
    case 'batch':
      return {
        ...inputsOf(a.inputs),
        layer: {
          weights: parseMatrix(a.weights, 'weights', LIMITS),
          biases: vector(a.biases, 'biases'),
          activation: String(a.activation ?? 'relu').trim(),
          layout: layout(a.layout),
        },
      };
    case 'network': {
      const activations = parseNames(a.activations, 'activations');
      const seeded = a.seed !== undefined;
      if (seeded && (a.weights !== undefined || a.biases !== undefined)) {
        throw new Error('A network has either weights and biases, or seed (with sizes and scale), not both.');
      }
      const common = { ...inputsOf(a.inputs), activations };
      if (seeded) {
        return {
          ...common,
          seeded: {
            sizes: parseIntegers(a.sizes, 'sizes', { min: 1, max: 4096 }),
            seed: parseIntegers(a.seed, 'seed', { count: 1 })[0],
            scale: a.scale === undefined ? 1 : oneNumber(a.scale, 'scale'),
          },
        };
      }
      const weights = parseMatrices(a.weights, 'weights', LIMITS);
      const biases = parseVectors(a.biases, 'biases', LIMITS);
      if (weights.length !== biases.length || weights.length !== activations.length) {
        throw new Error(
          `weights, biases and activations must name the same number of layers (${weights.length}, ${biases.length}, ${activations.length}).`,
        );
      }
      const lay = layout(a.layout);
      const sizes = a.sizes === undefined ? null : parseIntegers(a.sizes, 'sizes', { min: 1, max: 4096 });
      return {
        ...common,
        sizes,
        layers: weights.map((w, i) => ({ weights: w, biases: biases[i], activation: activations[i], layout: lay })),
      };
    }
    case 'parameters':
      return { sizes: parseIntegers(a.sizes, 'sizes', { min: 1, max: 4096 }) };
    default:
      throw new Error(`Unknown compute ${quote(compute)}.`);
  }
}

// ---------------------------------------------------------------------------
// Answers

function rowsOf(m) {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** A result matrix as NumPy would hold it: a list for one sample, a list of rows for a batch. */
function asArray(m, batch) {
  return batch ? rowsOf(m) : Array.from(m.data);
}

/** Every value a numeric exercise can pick, computed by the core. */
export function computeValues(core, compute, params) {
  switch (compute) {
    case 'neuron': {
      const r = core.neuron(params);
      return { z: r.z, output: r.y, y: r.y, sum: r.sum, products: Array.from(r.products) };
    }
    case 'activation': {
      const out = params.z.map(
        (z) => core.neuron({ inputs: [z], weights: [1], bias: 0, activation: params.activation }).y,
      );
      return { output: params.list ? out : out[0] };
    }
    case 'layer':
    case 'batch': {
      const { z, a } = core.layer({ inputs: params.x, ...params.layer });
      return { z: asArray(z, params.batch), output: asArray(a, params.batch), shape: [a.rows, a.cols] };
    }
    case 'network': {
      let layers = params.layers;
      let sizes = params.sizes;
      if (params.seeded) {
        layers = core.seededLayers({ ...params.seeded, activations: params.activations });
        sizes = params.seeded.sizes;
      }
      const results = core.network({ inputs: params.x, layers });
      if (sizes) {
        const widths = [params.batch ? params.x[0].length : params.x.length, ...results.map((r) => r.a.cols)];
        if (widths.length !== sizes.length || widths.some((w, i) => w !== sizes[i])) {
          throw new Error(`sizes ${sizes.join(' ')} do not match the network's layer widths ${widths.join(' ')}.`);
        }
      }
      const last = results[results.length - 1];
      const shapes = layers.map((l) => {
        const rows = Array.isArray(l.weights) ? l.weights.length : l.weights.rows;
        const cols = Array.isArray(l.weights) ? l.weights[0].length : l.weights.cols;
        return l.layout === 'cols' ? [rows, cols] : [cols, rows];
      });
      return {
        z: asArray(last.z, params.batch),
        output: asArray(last.a, params.batch),
        layers: results.map((r) => ({ z: asArray(r.z, params.batch), output: asArray(r.a, params.batch) })),
        shape: [last.a.rows, last.a.cols],
        parameters: core.parameterCount([shapes[0][0], ...shapes.map((s) => s[1])]),
      };
    }
    case 'parameters':
      return { count: core.parameterCount(params.sizes) };
    default:
      throw new Error(`Unknown compute ${quote(compute)}.`);
  }
}

/** The expected answer of a parsed numeric exercise: one float64 number. Throws when there is none. */
export function expectedAnswer(core, spec) {
  const values = computeValues(core, spec.compute, spec.params);
  const value = readPath(spec.pick, (name) => (Object.hasOwn(values, name) ? values[name] : undefined));
  const where = quote(pathText(spec.pick));
  if (value === undefined) {
    throw new Error(
      `pick ${where} names no value of compute="${spec.compute}" (it has ${Object.keys(values).join(', ')}; indexes start at 0).`,
    );
  }
  if (typeof value !== 'number') {
    const n = numbersOf(value)?.length ?? 0;
    throw new Error(`pick ${where} is a list of ${n} numbers, not one number: add an index such as [0].`);
  }
  if (!Number.isFinite(value)) throw new Error(`pick ${where} is not a finite number.`);
  return value;
}

/** Python's f"{v:.{d}f}" from the core, with "-0.000" written as "0.000". */
export function formatAnswer(core, value, digits) {
  return core.formatFixed(value, digits).replace(/^-(?=0(?:\.0*)?$)/, '');
}

/**
 * Compares a typed answer with the expected one, both rounded to `digits`
 * decimal places by the core. Returns { status: 'correct' | 'incorrect' |
 * 'invalid', expected, typed } where expected and typed are the rounded texts
 * (typed is null when the text is not a number).
 */
export function checkAnswer(core, expected, typedText, digits) {
  const expectedText = formatAnswer(core, expected, digits);
  const typed = parseNumber(typedText);
  if (typed === null) return { status: 'invalid', expected: expectedText, typed: null };
  const typedRounded = formatAnswer(core, typed, digits);
  return {
    status: typedRounded === expectedText ? 'correct' : 'incorrect',
    expected: expectedText,
    typed: typedRounded,
  };
}

/**
 * The values a challenge shows beside its goal, formatted by the core:
 * [{ path: 'output', text: '0.500' }, ...]; lists as "[0.500, 1.000]".
 * Paths whose value is missing or not numeric are left out.
 */
export function currentValues(core, tree, read, digits) {
  const out = [];
  for (const path of goalPaths(tree)) {
    const value = read(path);
    if (typeof value === 'boolean') continue;
    const nums = numbersOf(value);
    if (!nums || nums.length > 16) continue;
    const text = core.formatFixed(nums, digits).split(' ').join(', ');
    out.push({ path: pathText(path), text: typeof value === 'number' ? text : `[${text}]` });
  }
  return out;
}

/**
 * For the site build (scripts/lib/prerender.mjs): checks the attributes and,
 * for a numeric exercise, that the core computes its answer, so a lesson with
 * a broken exercise fails to build. The question stays the author's text, so
 * nothing is added: returns ''.
 */
export function prerender(attributes, core) {
  const spec = parseExerciseAttributes(attributes);
  if (spec.kind === 'numeric') expectedAnswer(core, spec);
  return '';
}
