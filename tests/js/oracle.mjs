// Reads tests/oracle/expected.txt (written by make_expected.py with real NumPy)
// for the Node tests: numbers as Float64Array, display text as strings.
import { readFileSync } from 'node:fs';

const file = new URL('../oracle/expected.txt', import.meta.url);
const entries = new Map(
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), line.slice(tab + 1)];
    }),
);

/** The raw text of a key. */
export function text(key) {
  if (!entries.has(key)) throw new Error(`expected.txt has no key ${key}`);
  return entries.get(key);
}

/** The numbers of a key (Python repr strings round-trip exactly through Number). */
export function numbers(key) {
  return Float64Array.from(text(key).split(' '), Number);
}

/** A matrix key as nested arrays, using its .shape entry. */
export function matrix(key) {
  const [rows, cols] = numbers(`${key}.shape`);
  const data = numbers(key);
  return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(r * cols, (r + 1) * cols)));
}

/** Keys starting with a prefix. */
export function keys(prefix) {
  return [...entries.keys()].filter((k) => k.startsWith(prefix));
}

const bits = new DataView(new ArrayBuffer(8));
function ordered(x) {
  bits.setFloat64(0, x);
  const i = bits.getBigInt64(0);
  return i < 0n ? -(i & 0x7fffffffffffffffn) : i; // monotonic in x; -0 and +0 meet at 0
}

/** Distance in units in the last place between two doubles (Infinity if either is NaN). */
export function ulps(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}
