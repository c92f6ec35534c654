// The text a widget shares or exports, built without the DOM: its state in the
// page URL's hash, the embed snippet, NumPy source, JSON. Every value that goes
// into HTML or a URL is escaped here, because attribute values are untrusted.

/** Longest hash read at all: a hostile link costs nothing beyond this. */
const MAX_HASH = 65536;

// Hash values stay readable: spaces become "+", and , ; | ( ) stay as they are
// (all legal in a fragment); everything else is percent-encoded.
function encodePart(text) {
  return encodeURIComponent(text).replace(/%20/g, '+').replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%7C/g, '|');
}

function decodePart(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null; // malformed percent-escapes: the entry is ignored
  }
}

// "#a.x=1&b" -> [['a.x', '1'], ['b', null]]; a bare name (an anchor) has no value.
function entries(hash) {
  const h = String(hash ?? '').replace(/^#/, '');
  if (h === '' || h.length > MAX_HASH) return [];
  return h.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part, null] : [part.slice(0, eq), part.slice(eq + 1)];
  });
}

/**
 * The attributes saved in a URL hash for the widget with this id: the hash
 * holds one "id.attribute=value" entry per attribute ("#n1.bias=0.2&n1.activation=tanh"),
 * so several widgets share one hash. Only names in `allowed` are returned.
 * Returns null when the hash holds nothing for this id.
 */
export function readHashState(hash, id, allowed) {
  if (!id) return null;
  const prefix = `${encodePart(id)}.`;
  let found = null;
  for (const [key, value] of entries(hash)) {
    if (value === null || !key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const text = decodePart(value);
    if (!allowed.includes(name) || text === null) continue;
    found ??= {};
    found[name] = text;
  }
  return found;
}

/**
 * The hash with this widget's entries replaced by `attrs` (or removed when attrs
 * is null), every other entry kept in place. Returns "" or "#…".
 */
export function writeHashState(hash, id, attrs) {
  const prefix = `${encodePart(id)}.`;
  const kept = entries(hash).filter(([key]) => !key.startsWith(prefix));
  const mine = Object.entries(attrs ?? {}).map(([name, text]) => [prefix + name, encodePart(text)]);
  const all = [...kept, ...mine].map(([key, value]) => (value === null ? key : `${key}=${value}`));
  return all.length ? `#${all.join('&')}` : '';
}

/** Text safe inside a double-quoted HTML attribute, or between tags. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The snippet that reproduces a widget in another page: the embed script, then
 * the element with its current state as attributes (each value escaped).
 */
export function embedSnippet(src, tag, attrs) {
  const list = Object.entries(attrs)
    .filter(([, value]) => value != null)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<script type="module" src="${escapeHtml(src)}"></script>\n<${tag}${list}></${tag}>`;
}

/**
 * A float64 as Python's repr() writes it (float('0.1') -> "0.1", 1 -> "1.0",
 * 1e16 -> "1e+16", 1e-5 -> "1e-05"), so NumPy reads back the same number.
 */
export function pyFloat(value) {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  if (Object.is(value, -0)) return '-0.0'; // toExponential() drops the sign of zero
  // toExponential() with no argument gives the shortest digits that round-trip,
  // the same digits Python's repr chooses; only the layout differs.
  const [mantissa, exp] = value.toExponential().split('e');
  const e = Number(exp);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${whole}.${frac || '0'}`;
}

/** A vector or matrix as a NumPy expression: "np.array([0.5, -0.3])", "np.array([[1.0, 2.0], [3.0, 4.0]])". */
export function pyArray(values) {
  const list = (v) => `[${Array.from(v, (x) => (typeof x === 'number' ? pyFloat(x) : list(x))).join(', ')}]`;
  return `np.array(${list(values)})`;
}

/**
 * An activation applied to a NumPy variable, as an expression:
 * ('relu', 'z') -> "np.maximum(0.0, z)". `canonical` is the core's name
 * ("leaky_relu(0.2)"). Throws for a name it does not know.
 */
export function pyActivation(canonical, z) {
  const m = /^leaky_relu\((.+)\)$/.exec(canonical);
  if (m) return `np.where(${z} > 0, ${z}, ${m[1]} * ${z})`;
  switch (canonical) {
    case 'step':
      return `np.where(${z} > 0, 1.0, 0.0)`;
    case 'sigmoid':
      return `1 / (1 + np.exp(-${z}))`;
    case 'tanh':
      return `np.tanh(${z})`;
    case 'relu':
      return `np.maximum(0.0, ${z})`;
    case 'leaky_relu':
      return `np.where(${z} > 0, ${z}, 0.01 * ${z})`;
    case 'identity':
      return z;
    case 'softmax':
      return `np.exp(${z} - ${z}.max(axis=-1, keepdims=True)) / np.exp(${z} - ${z}.max(axis=-1, keepdims=True)).sum(axis=-1, keepdims=True)`;
    default:
      throw new Error(`no NumPy form for the activation ${canonical}`);
  }
}

/**
 * JSON text of a widget's values: typed arrays become arrays, and arrays of
 * numbers stay on one line so a matrix reads as one.
 */
export function jsonText(value) {
  const text = JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v), 2);
  return text.replace(/\[\s+([-+0-9.eE,\s]*?)\s+\]/g, (_, inner) => `[${inner.replace(/,\s+/g, ', ')}]`);
}
