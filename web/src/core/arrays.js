// Turns the shapes JavaScript callers use (numbers, arrays, typed arrays,
// nested arrays, { rows, cols, data }) into the float64 vectors and row-major
// matrices the core reads. Values are not checked here: the core reports NaN,
// infinities, empty input and shape mismatches with its own messages.

// As nl::limits::max_elements: refuse before copying anything larger.
export const MAX_ELEMENTS = 1 << 22;

function tooLarge(name, count) {
  return new Error(`${name} has ${count} numbers: at most ${MAX_ELEMENTS}`);
}

/** A Float64Array from a number, an array or a typed array. */
export function toVector(value, name = 'value') {
  if (typeof value === 'number') return Float64Array.of(value);
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    if (value.length > MAX_ELEMENTS) throw tooLarge(name, value.length);
    return Float64Array.from(value, (v) => (typeof v === 'number' ? v : Number.NaN));
  }
  throw new Error(`${name} must be a number or an array of numbers`);
}

/** A { rows, cols, data } matrix; a flat vector becomes one row. */
export function toMatrix(value, name = 'value') {
  if (value && typeof value === 'object' && 'rows' in value && 'data' in value) {
    const data = toVector(value.data, name);
    if (data.length !== value.rows * value.cols) {
      throw new Error(`${name} has ${data.length} numbers, not ${value.rows}x${value.cols}`);
    }
    return { rows: value.rows, cols: value.cols, data };
  }
  if (Array.isArray(value) && value.length > 0 && value.every(Array.isArray)) {
    const cols = value[0].length;
    value.forEach((row, i) => {
      if (row.length !== cols) {
        throw new Error(`${name}: row ${i + 1} has ${row.length} numbers but row 1 has ${cols}`);
      }
    });
    if (value.length * cols > MAX_ELEMENTS) throw tooLarge(name, value.length * cols);
    const data = new Float64Array(value.length * cols);
    value.forEach((row, i) => data.set(toVector(row, name), i * cols));
    return { rows: value.length, cols, data };
  }
  const data = toVector(value, name);
  return { rows: data.length ? 1 : 0, cols: data.length, data };
}

/** Row i of a matrix as a Float64Array view. */
export function rowOf(matrix, i) {
  return matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols);
}
