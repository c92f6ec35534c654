// The interpreter conformance corpus (tests/py, described in tests/py/COVERAGE.md):
//   (a) the coverage matrix is true (tests/py/check_coverage.py);
//   (b) the committed .out/.err are what CPython + NumPy print today
//       (tests/py/make_expected.py --check; skipped without /usr/bin/python3 + NumPy);
//   (c) every program, run by the native interpreter (build/native/nlpy) and by the
//       wasm one (`npx nlpy`: package.json "bin".nlpy run with node), prints exactly
//       its .out and ends with its .err. A missing interpreter is a failure, not a skip.
// Programs run two at a time (CI machines have two cores).
//
// For work on the interpreter: NLPY_NATIVE=/path/to/nlpy or NLPY_WASM=/path/to/cli.mjs
// runs another build, and NLPY_CORPUS_FILTER=regex runs only the matching programs
// (e.g. NLPY_CORPUS_FILTER='^numpy_print/').
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..'); // this file lives in tests/py or tests/js
const corpus = join(root, 'tests/py');
const python = '/usr/bin/python3';
const hasNumpy = existsSync(python) && spawnSync(python, ['-c', 'import numpy']).status === 0;
const handWritten = new Set(['limits', 'unsupported']);
const concurrency = 2;
const normalTimeoutMs = 60_000; // generous: a wasm start under a loaded CI machine
const limitTimeoutMs = 60_000; // runaway programs must stop; how fast is not asserted
const outputCapBytes = 1024 * 1024 + 1024; // issue 5: output <= 1 MB or 10,000 lines
const outputCapLines = 10_001;

// Every program: { name: 'area/stem', path, area, out, err }.
function programs() {
  const list = [];
  for (const area of readdirSync(corpus, { withFileTypes: true })) {
    if (!area.isDirectory() || area.name.startsWith('.') || area.name.startsWith('_')) continue;
    const folder = join(corpus, area.name);
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.py')) continue;
      const stem = file.slice(0, -3);
      const read = (ext) =>
        existsSync(join(folder, stem + ext)) ? readFileSync(join(folder, stem + ext), 'utf8') : null;
      list.push({
        name: `${area.name}/${stem}`,
        path: join(folder, file),
        area: area.name,
        out: read('.out'),
        err: read('.err'),
      });
    }
  }
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// The two interpreters: { label, command, args, missing: why it cannot run, or null }.
function interpreters() {
  const native = process.env.NLPY_NATIVE || join(root, 'build/native/nlpy');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bin = process.env.NLPY_WASM || (typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.nlpy);
  const wasm = bin ? resolve(root, bin) : null;
  return [
    {
      label: 'native (build/native/nlpy)',
      command: native,
      args: [],
      missing: existsSync(native)
        ? null
        : `${relative(root, native)} does not exist: build the interpreter (npm run build)`,
    },
    {
      label: 'wasm (npx nlpy)',
      command: process.execPath,
      args: wasm ? [wasm] : [],
      missing: !bin
        ? 'package.json has no "bin" entry "nlpy" (npx nlpy FILE.py, the wasm interpreter)'
        : existsSync(wasm)
          ? null
          : `package.json "bin".nlpy is ${bin}, which does not exist`,
    },
  ];
}

// Runs one program; resolves { status, signal, stdout, stderr, timedOut, overflow }.
// stdout is cut off (and the process killed) past maxStdout bytes. The program runs in
// its own process group, killed as a whole, so a wrapper's children cannot keep the
// pipes open.
function run(command, args, timeoutMs, maxStdout) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const out = [];
    const err = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let overflow = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        overflow = true;
        kill();
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk) => {
      errBytes += chunk.length;
      if (errBytes < 1 << 20) err.push(chunk);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        overflow,
      });
    });
  });
}

const lastLine = (text) => text.replace(/\n+$/, '').split('\n').pop();

// The line a Python-style traceback names for the program itself: the last "line N"
// on a stderr line (before the final one) that names the program's file, as in
// `File ".../prog.py", line N, in f`; when no line names the file, the last "line N"
// anywhere. (CPython adds NumPy's own frames after the program's; nlpy has none.)
function reportedLine(stderr, file) {
  const lines = stderr.replace(/\n+$/, '').split('\n').slice(0, -1);
  let named = null;
  let any = null;
  for (const line of lines) {
    for (const m of line.matchAll(/\bline (\d+)/g)) {
      any = Number(m[1]);
      if (line.includes(file)) named = any;
    }
  }
  return named ?? any;
}

function showStderr(stderr) {
  const tail = stderr.length > 2000 ? '...' + stderr.slice(-2000) : stderr;
  return tail ? `\n--- stderr ---\n${tail}` : '\n(stderr is empty)';
}

async function checkGenerated(p, interp) {
  const maxStdout = Buffer.byteLength(p.out ?? '') + 65536;
  const r = await run(interp.command, [...interp.args, p.path], normalTimeoutMs, maxStdout);
  assert.ok(!r.timedOut, `${p.name}: did not finish within ${normalTimeoutMs / 1000} s`);
  assert.ok(!r.overflow, `${p.name}: printed more than ${maxStdout} bytes`);
  assert.equal(r.stdout, p.out, `${p.name}: stdout differs from ${p.name}.out${showStderr(r.stderr)}`);
  if (p.err === null) {
    assert.equal(r.stderr, '', `${p.name}: wrote to stderr but CPython writes nothing`);
    assert.equal(r.status, 0, `${p.name}: exit status ${r.status} (signal ${r.signal}), CPython exits 0`);
    return;
  }
  const [message, lineSpec] = p.err.replace(/\n+$/, '').split('\n');
  assert.equal(
    r.status,
    1,
    `${p.name}: exit status ${r.status} (signal ${r.signal}), expected 1${showStderr(r.stderr)}`,
  );
  assert.equal(lastLine(r.stderr), message, `${p.name}: last line of stderr${showStderr(r.stderr)}`);
  if (lineSpec) {
    const want = Number(lineSpec.replace(/^line /, ''));
    assert.equal(
      reportedLine(r.stderr, basename(p.path)),
      want,
      `${p.name}: the traceback should name line ${want}${showStderr(r.stderr)}`,
    );
  }
}

async function checkHandWritten(p, interp) {
  assert.ok(p.err, `${p.name}: ${p.name}.err is missing`);
  const spec = p.err.trim();
  const space = spec.indexOf(' ');
  const classes = spec.slice(0, space).split('|');
  const keyword = spec.slice(space + 1);
  const limits = p.area === 'limits';
  const r = await run(interp.command, [...interp.args, p.path], limitTimeoutMs, limits ? outputCapBytes : 1 << 22);
  assert.ok(!r.timedOut, `${p.name}: did not stop within ${limitTimeoutMs / 1000} s`);
  assert.ok(
    !r.overflow,
    `${p.name}: printed more than ${limits ? outputCapBytes : 1 << 22} bytes: the output cap did not stop it`,
  );
  if (limits) {
    const lines = r.stdout.split('\n').length - 1;
    assert.ok(lines <= outputCapLines, `${p.name}: printed ${lines} lines, the cap is 10,000`);
  }
  assert.equal(
    r.status,
    1,
    `${p.name}: exit status ${r.status} (signal ${r.signal}), expected 1${showStderr(r.stderr)}`,
  );
  const last = lastLine(r.stderr);
  const classPattern = new RegExp(`^(?:[A-Za-z_][A-Za-z0-9_]*\\.)*(?:${classes.join('|')}): `);
  assert.match(
    last,
    classPattern,
    `${p.name}: the last line of stderr should be a ${classes.join(' or ')}${showStderr(r.stderr)}`,
  );
  assert.ok(
    last.toLowerCase().includes(keyword.toLowerCase()),
    `${p.name}: the error should name "${keyword}": ${JSON.stringify(last)}`,
  );
}

const filter = process.env.NLPY_CORPUS_FILTER ? new RegExp(process.env.NLPY_CORPUS_FILTER) : null;
const all = programs().filter((p) => !filter || filter.test(p.name));

test('tests/py/COVERAGE.md is true (check_coverage.py)', () => {
  const pythonAny = existsSync(python) ? python : 'python3';
  const r = spawnSync(pythonAny, [join(corpus, 'check_coverage.py')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `check_coverage.py failed:\n${r.stdout}${r.stderr}`);
});

test(
  'tests/py expected outputs match CPython + NumPy (make_expected.py --check)',
  { skip: !hasNumpy && `${python} with NumPy is not installed` },
  () => {
    const r = spawnSync(python, [join(corpus, 'make_expected.py'), '--check'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(
      r.status,
      0,
      `expected outputs are stale (run ${python} tests/py/make_expected.py):\n${r.stdout}${r.stderr}`,
    );
  },
);

for (const interp of interpreters()) {
  test(`corpus: ${all.length} programs under the ${interp.label} interpreter`, { concurrency }, async (t) => {
    if (interp.missing) assert.fail(`cannot run the corpus: ${interp.missing}`);
    await Promise.all(
      all.map((p) =>
        t.test(p.name, () => (handWritten.has(p.area) ? checkHandWritten(p, interp) : checkGenerated(p, interp))),
      ),
    );
  });
}
