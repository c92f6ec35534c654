// loadCore(): the forward-pass core (C++ compiled to wasm) as a plain
// JavaScript API. This is the only module that touches the Embind module or
// the wasm heap: the rest of the web code sees numbers, typed arrays, matrices
// ({ rows, cols, data: Float64Array }) and Error objects carrying the core's
// messages. Heap views are taken afresh on every call, because memory growth
// replaces the heap's ArrayBuffer.

import { MAX_ELEMENTS, toVector } from './arrays.js';

let instance = null;

/**
 * Loads the core once per page (or Node process) and returns the same promise
 * on every call. `moduleUrl` locates nl_core.mjs (its .wasm beside it); the
 * default is the copy beside this script in dist/.
 */
export function loadCore({ moduleUrl } = {}) {
  instance ??= start(moduleUrl ?? new URL('./nl_core.mjs', import.meta.url)).catch((e) => {
    instance = null; // a later call may try again (say, after a network error)
    throw new Error(`NeuronLab could not load its computing core: ${e.message}`);
  });
  return instance;
}

async function start(moduleUrl) {
  const url = new URL(moduleUrl);
  const { default: createModule } = await import(url.href);
  const options = {};
  if (typeof process === 'object' && process.versions?.node && url.protocol === 'file:') {
    // Node's fetch cannot read file: URLs, and Emscripten 3.1.6 would try it:
    // read the .wasm here and hand Emscripten the bytes.
    const { readFile } = await import('node:fs/promises');
    options.wasmBinary = await readFile(new URL('nl_core.wasm', url));
  }
  return new Core(await createModule(options));
}

const ACTIVATIONS = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity', 'softmax'];
const F64 = 8;
const SPEC_FIELDS = 6; // per layer: rows, cols, layout, kind, slope, bias count
const MAX_LAYERS = 64; // nl::limits::max_layers

/** The core's API: every method throws an Error with the core's message on bad input. */
class Core {
  #m;
  #scratch = new Map(); // name -> { address, bytes }: heap buffers reused between calls
  #activations = new Map(); // name -> { kind, slope, name }

  constructor(module) {
    this.#m = module;
  }

  /** The activation names the core knows. */
  get activationNames() {
    return ACTIVATIONS;
  }

  /** The canonical name of an activation ("leaky_relu(0.2)"); throws on an unknown name. */
  parseActivation(name) {
    return this.#activation(name).name;
  }

  /** One neuron: { products: Float64Array, sum, bias, z, y }. */
  neuron({ inputs, weights, bias, activation }) {
    // The hot path of every slider move: no temporary arrays on the way in.
    const n = lengthOf(inputs, 'inputs');
    if (lengthOf(weights, 'weights') !== n && n > 0) {
      throw new Error(
        `inputs (${n},) and weights (${weights.length},) not aligned: one weight per input, so ${n} != ${weights.length}`,
      );
    }
    const act = this.#activation(activation);
    const b = typeof bias === 'number' ? bias : Number.NaN;
    const px = this.#buffer('neuron.x', n);
    const pw = this.#buffer('neuron.w', n);
    const pp = this.#buffer('neuron.p', n);
    const ps = this.#buffer('neuron.s', 3);
    put(this.#heap(), px, inputs);
    put(this.#heap(), pw, weights);
    this.#check(this.#m._nl_neuron(px, pw, n, b, act.kind, act.slope, pp, ps));
    const heap = this.#heap();
    const s = ps / F64;
    return { products: heap.slice(pp / F64, pp / F64 + n), sum: heap[s], bias: b, z: heap[s + 1], y: heap[s + 2] };
  }

  /** One layer over a batch (one sample per row): { z, a } as matrices. */
  layer({ inputs, weights, biases, activation, layout = 'rows' }) {
    return this.network({ inputs, layers: [{ weights, biases, activation, layout }] })[0];
  }

  /** Every layer in turn: [{ z, a }, ...] with one row per sample. */
  network({ inputs, layers }) {
    const x = shapeOf(inputs, 'inputs');
    const { spec, params, widths } = this.#describe(layers);
    // Refuse before allocating room for outputs the core would refuse anyway.
    let outSize = 0;
    for (const width of widths) {
      if (x.rows * width > MAX_ELEMENTS) {
        throw new Error(`outputs (${x.rows},${width}) would be too large: at most ${MAX_ELEMENTS} numbers`);
      }
      outSize += 2 * x.rows * width;
    }
    const px = this.#buffer('net.x', x.rows * x.cols);
    const pout = this.#buffer('net.out', outSize);
    putMatrix(this.#heap(), px, inputs);
    this.#check(this.#m._nl_network(px, x.rows, x.cols, spec, widths.length, params, pout));
    const out = this.#heap();
    let at = pout / F64;
    return widths.map((width) => {
      const size = x.rows * width;
      const z = { rows: x.rows, cols: width, data: out.slice(at, at + size) };
      const a = { rows: x.rows, cols: width, data: out.slice(at + size, at + 2 * size) };
      at += 2 * size;
      return { z, a };
    });
  }

  /**
   * Layers drawn as NumPy's np.random.seed(seed), then randn(n_in, n_out) * scale
   * per layer (cols layout), biases zero.
   */
  seededLayers({ sizes, activations, seed = 0, scale = 1 }) {
    const s = toVector(sizes, 'sizes');
    const acts = (activations ?? []).map((name) => this.#activation(name));
    if (acts.length !== s.length - 1) {
      throw new Error(`${s.length} layer sizes make ${s.length - 1} layers, but ${acts.length} activations were given`);
    }
    const seedValue = Number(seed);
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 2 ** 32 - 1) {
      throw new Error(`seed ${String(seed).slice(0, 40)} must be an integer between 0 and 2**32 - 1`);
    }
    const count = this.parameterCount(s); // checks the sizes before anything is allocated
    const kinds = new Float64Array(acts.flatMap((a) => [a.kind, a.slope]));
    const psizes = this.#buffer('seed.sizes', s.length);
    const pkinds = this.#buffer('seed.kinds', kinds.length);
    const pout = this.#buffer('seed.out', count);
    const heap = this.#heap();
    heap.set(s, psizes / F64);
    heap.set(kinds, pkinds / F64);
    this.#check(this.#m.seeded_network(psizes, acts.length, pkinds, seedValue, Number(scale), pout));
    const out = this.#heap();
    let at = pout / F64;
    return acts.map((act, i) => {
      const rows = s[i],
        cols = s[i + 1];
      const weights = { rows, cols, data: out.slice(at, at + rows * cols) };
      at += rows * cols;
      const biases = out.slice(at, at + cols);
      at += cols;
      return { weights, biases, activation: act.name, layout: 'cols' };
    });
  }

  /** Weights and biases of a network with these layer sizes ([4, 8, 8, 3] -> 139). */
  parameterCount(sizes) {
    const s = toVector(sizes, 'sizes');
    const p = this.#buffer('count.sizes', s.length);
    this.#heap().set(s, p / F64);
    const count = this.#m.parameter_count(p, s.length);
    if (count < 0) throw new Error(this.#m.error_message());
    return count;
  }

  /** np.random.seed(seed); np.random.randn(count). */
  randn(seed, count) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
      throw new Error('seed must be an integer in [0, 2**32)');
    if (!Number.isInteger(count) || count < 0 || count > 1 << 22)
      throw new Error('count must be an integer in [0, 4194304]');
    const p = this.#buffer('randn', count);
    this.#m.randn(seed, count, p);
    return this.#heap().slice(p / F64, p / F64 + count);
  }

  /** Python's f"{v:.{digits}f}" of one number, or of several joined by spaces. */
  formatFixed(values, digits = 3) {
    const v = typeof values === 'number' ? [values] : values;
    const p = this.#buffer('format', v.length);
    this.#heap().set(v, p / F64);
    return this.#m.format_fixed(p, v.length, digits);
  }

  /**
   * A decision-boundary map of a 2-input network: evaluate(extent, side, out)
   * fills out (a Float32Array of side*side) with the first output, row 0 at
   * ymax. Call delete() when done.
   */
  createGrid(layers) {
    const m = this.#m;
    const grid = new m.Grid();
    const core = this;
    let buffer = null; // float32 output on the heap, reused while the side is unchanged
    const handle = {
      setLayers(next) {
        const { spec, params, widths } = core.#describe(next);
        core.#check(grid.set_layers(spec, widths.length, params));
      },
      evaluate({ xmin, xmax, ymin, ymax }, side, out) {
        const cells = side * side;
        if (!(out instanceof Float32Array) || out.length < cells) {
          throw new Error(`the output must be a Float32Array of at least ${side}x${side} numbers`);
        }
        if (!buffer || buffer.count !== cells) {
          buffer?.free();
          buffer = core.float32Buffer(cells);
        }
        core.#check(grid.evaluate(xmin, xmax, ymin, ymax, side, buffer.address));
        out.set(buffer.view());
      },
      delete() {
        buffer?.free();
        grid.delete();
      },
    };
    handle.setLayers(layers);
    return handle;
  }

  /** A float32 buffer on the wasm heap for the bulk kernels; view() is fresh each call. */
  float32Buffer(count) {
    if (!Number.isInteger(count) || count < 0 || count > 1 << 26)
      throw new Error('count must be an integer in [0, 67108864]');
    const m = this.#m;
    const address = m.allocate(Math.max(4, 4 * count));
    if (!address) throw new Error(`out of memory for ${count} float32 numbers`);
    return {
      address,
      count,
      view: () => new Float32Array(m.HEAPF32.buffer, address, count),
      free: () => m.release(address),
    };
  }

  /** out = act(x w + b) in float32: x rows x nIn, w nIn x nOut (cols layout), buffers from float32Buffer. */
  denseF32(x, rows, nIn, w, b, nOut, out, activation = 'identity') {
    const act = this.#activation(activation);
    this.#m.dense_f32(x.address, rows, nIn, w.address, b ? b.address : 0, nOut, out.address, act.kind, act.slope);
  }

  // Writes a network into the heap as the bindings read it (cpp/wasm/bindings.cpp):
  // spec, SPEC_FIELDS numbers per layer; params, each layer's weights then
  // biases. Returns both addresses and each layer's output width.
  #describe(layers) {
    if (!Array.isArray(layers)) throw new Error('layers must be an array');
    if (layers.length > MAX_LAYERS)
      throw new Error(`a network of ${layers.length} layers is too deep: at most ${MAX_LAYERS}`);
    let total = 0;
    const shapes = layers.map((layer) => {
      const w = shapeOf(layer.weights, 'weights');
      const biases = lengthOf(layer.biases, 'biases');
      total += w.rows * w.cols + biases;
      return { w, biases, act: this.#activation(layer.activation), cols: layout(layer.layout ?? 'rows') };
    });
    const spec = this.#buffer('net.spec', SPEC_FIELDS * layers.length);
    const params = this.#buffer('net.params', total);
    const heap = this.#heap();
    let at = params;
    const widths = shapes.map(({ w, biases, act, cols }, i) => {
      heap.set([w.rows, w.cols, cols, act.kind, act.slope, biases], spec / F64 + SPEC_FIELDS * i);
      putMatrix(heap, at, layers[i].weights);
      at += F64 * w.rows * w.cols;
      put(heap, at, layers[i].biases);
      at += F64 * biases;
      // The core checks that the biases fit; this only sizes the output.
      return cols ? w.cols : w.rows;
    });
    return { spec, params, widths };
  }

  #activation(name) {
    const key = String(name ?? '');
    let act = this.#activations.get(key);
    if (!act) {
      const kind = this.#m.parse_activation(key);
      if (kind < 0) throw new Error(this.#m.error_message());
      const slope = this.#m.parsed_slope();
      act = { kind, slope, name: this.#m.activation_name(kind, slope) };
      if (this.#activations.size < 64) this.#activations.set(key, act);
    }
    return act;
  }

  // A float64 buffer on the heap by name, grown when too small, kept otherwise.
  #buffer(name, count) {
    const bytes = Math.max(F64, count * F64);
    let buffer = this.#scratch.get(name);
    if (!buffer || buffer.bytes < bytes) {
      if (buffer) this.#m.release(buffer.address);
      const address = this.#m.allocate(bytes);
      if (!address) throw new Error(`out of memory for ${count} numbers`);
      buffer = { address, bytes };
      this.#scratch.set(name, buffer);
    }
    return buffer.address;
  }

  #heap() {
    return this.#m.HEAPF64;
  }

  #check(failed) {
    if (failed) throw new Error(this.#m.error_message());
  }
}

function lengthOf(values, name) {
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    if (values.length > MAX_ELEMENTS) throw new Error(`${name} has ${values.length} numbers: at most ${MAX_ELEMENTS}`);
    return values.length;
  }
  throw new Error(`${name} must be an array of numbers`);
}

// Copies numbers into the heap at a byte address; anything else becomes NaN,
// which the core reports with its position.
function put(heap, address, values) {
  const at = address / F64;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    heap[at + i] = typeof v === 'number' ? v : Number.NaN;
  }
}

// The shape of a matrix given as { rows, cols, data }, nested arrays, or one flat row.
function shapeOf(value, name) {
  if (value && typeof value === 'object' && 'rows' in value && 'data' in value) {
    if (lengthOf(value.data, name) !== value.rows * value.cols) {
      throw new Error(`${name} has ${value.data.length} numbers, not ${value.rows}x${value.cols}`);
    }
    return { rows: value.rows, cols: value.cols };
  }
  const rows = lengthOf(value, name);
  if (rows === 0 || (!Array.isArray(value[0]) && !ArrayBuffer.isView(value[0])))
    return { rows: rows ? 1 : 0, cols: rows };
  const cols = lengthOf(value[0], name);
  for (let i = 1; i < rows; i++) {
    if (lengthOf(value[i], name) !== cols) {
      throw new Error(`${name}: row ${i + 1} has ${value[i].length} numbers but row 1 has ${cols}`);
    }
  }
  if (rows * cols > MAX_ELEMENTS) throw new Error(`${name} has ${rows * cols} numbers: at most ${MAX_ELEMENTS}`);
  return { rows, cols };
}

// Copies a matrix of a shape shapeOf accepted into the heap, row after row.
function putMatrix(heap, address, value) {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return put(heap, address, value.data);
  if (value.length === 0 || (!Array.isArray(value[0]) && !ArrayBuffer.isView(value[0])))
    return put(heap, address, value);
  let at = address;
  for (const row of value) {
    put(heap, at, row);
    at += F64 * row.length;
  }
}

function layout(name) {
  if (name === 'rows') return 0;
  if (name === 'cols') return 1;
  throw new Error(`unknown layout '${String(name).slice(0, 40)}': expected rows or cols`);
}
