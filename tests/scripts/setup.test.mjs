// Tests of scripts/setup.sh, run for real as a non-root user: when this test runs
// as root, the script runs under `setpriv --reuid=65534 --regid=65534
// --clear-groups` (nobody), otherwise directly. Nothing is installed: the
// missing-package case hides emcc and chromium from PATH, and the npm cases use a
// stub npm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const setupScript = join(repoRoot, 'scripts', 'setup.sh');
const isRoot = process.getuid() === 0;
const NOBODY = 65534;

// The exact command line setup.sh prints (on stderr, after one line saying what
// is missing) when emcc and chromium are missing and it is not root; the format
// is documented in scripts/setup.sh.
const EXPECTED_LINE = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends emscripten chromium';

// The file probes of setup.sh: they must hold on this machine (scripts/setup.sh
// installs the packages) for the missing-package line to name only what we hide.
const FILE_PROBES = [
  '/usr/include/xtensor/xarray.hpp',
  '/usr/include/xtl/xtl_config.hpp',
  '/usr/include/xsimd/xsimd.hpp',
  '/usr/include/catch2/catch.hpp',
  '/usr/lib/python3/dist-packages/numpy/__init__.py',
];

// Commands that go on the hidden PATH. setup.sh itself uses only bash builtins
// until `npm ci` (then npm and touch); cmake and g++ are probed by `command -v`;
// node runs npm; the rest are the utilities a bash script most often reaches
// for, so that a later edit of setup.sh that uses one does not make this test
// fail for the wrong reason. emcc and chromium are deliberately left out.
const HIDDEN_PATH_COMMANDS = [
  'bash',
  'sh',
  'env',
  'node',
  'npm',
  'cmake',
  'g++',
  'cat',
  'dirname',
  'basename',
  'readlink',
  'realpath',
  'id',
  'touch',
  'stat',
  'date',
  'mkdir',
  'rm',
  'ls',
  'grep',
  'sed',
  'head',
  'tr',
  'uname',
  'sort',
];
const REQUIRED_COMMANDS = new Set(['bash', 'node', 'npm', 'cmake', 'g++', 'touch']);

function which(cmd, pathList = process.env.PATH ?? '') {
  for (const dir of pathList.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, cmd);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const SETPRIV = isRoot ? which('setpriv', `${process.env.PATH}:/usr/bin:/bin`) : null;

function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // readable and traversable by the non-root user
  return dir;
}

// Runs `bash <script>` as a non-root user with exactly the given environment.
function runAsNonRoot(bash, script, env, cwd) {
  const argv = [bash, script];
  let file = argv[0];
  let args = argv.slice(1);
  if (isRoot) {
    assert.ok(SETPRIV, 'the test runs as root and needs setpriv (util-linux) to drop to uid 65534');
    file = SETPRIV;
    args = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv];
  }
  const start = performance.now();
  const r = spawnSync(file, args, { env, cwd, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms };
}

function describe(r) {
  return (
    `exit ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}\n` +
    `--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}`
  );
}

// A directory with an `npm` that only reports how it was called.
function makeNpmStub(dir) {
  const stub = join(dir, 'npm');
  writeFileSync(stub, '#!/bin/sh\necho "npm-stub: $*"\nexit 0\n');
  chmodSync(stub, 0o755);
}

test('setup.sh, not root, emcc and chromium missing: prints the one apt-get line and exits 2', (t) => {
  for (const f of FILE_PROBES) {
    assert.ok(existsSync(f), `precondition: ${f} is missing (run scripts/setup.sh first)`);
  }
  const binDir = makeTempDir('nl-setup-path-');
  t.after(() => rmSync(binDir, { recursive: true, force: true }));
  for (const cmd of HIDDEN_PATH_COMMANDS) {
    const target = which(cmd);
    if (!target) {
      assert.ok(!REQUIRED_COMMANDS.has(cmd), `precondition: ${cmd} is not on PATH`);
      continue;
    }
    symlinkSync(target, join(binDir, cmd));
  }
  const hidden = readdirSync(binDir);
  assert.ok(!hidden.includes('emcc') && !hidden.includes('chromium'));

  const r = runAsNonRoot(
    join(binDir, 'bash'),
    setupScript,
    { PATH: binDir, HOME: '/nonexistent', LC_ALL: 'C' },
    binDir,
  );

  assert.notEqual(r.status, 0, describe(r));
  assert.equal(r.status, 2, describe(r));
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.ok(lines.includes(EXPECTED_LINE), `stderr lacks the expected line\n${describe(r)}`);
  assert.equal(lines.length, 2, `stderr must be the explanation and the command\n${describe(r)}`);
  assert.match(lines[0], /needs these Debian packages: emscripten chromium\b/, describe(r));
  assert.equal(r.stdout, '', describe(r));
});

test('setup.sh, everything present and node_modules current: exits 0 quickly, no npm ci', (t) => {
  const lock = join(repoRoot, 'package-lock.json');
  const hiddenLock = join(repoRoot, 'node_modules', '.package-lock.json');
  assert.ok(
    existsSync(hiddenLock) && statSync(hiddenLock).mtimeMs >= statSync(lock).mtimeMs,
    'precondition: node_modules is missing or older than package-lock.json (run npm ci)',
  );

  // A stub npm first on PATH catches any npm call; the rest is the real PATH.
  const stubDir = makeTempDir('nl-setup-npm-');
  t.after(() => rmSync(stubDir, { recursive: true, force: true }));
  makeNpmStub(stubDir);
  const bash = which('bash');
  const r = runAsNonRoot(
    bash,
    setupScript,
    { PATH: `${stubDir}${delimiter}${process.env.PATH}`, HOME: '/nonexistent', LC_ALL: 'C' },
    stubDir,
  );

  assert.equal(r.status, 0, describe(r));
  assert.doesNotMatch(r.stdout + r.stderr, /npm-stub/, describe(r));
  assert.equal(r.stderr, '', describe(r));
  assert.ok(r.stdout.split('\n').filter(Boolean).length <= 1, describe(r));
});

test('setup.sh runs npm ci only when node_modules is missing or older than package-lock.json', (t) => {
  // A copy of the script in a scratch "repository", so the lock files' times
  // can be set freely; a stub npm records the call.
  const root = makeTempDir('nl-setup-repo-');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(setupScript, join(root, 'scripts', 'setup.sh'));
  makeNpmStub(join(root, 'bin'));
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  const env = { PATH: `${join(root, 'bin')}${delimiter}${process.env.PATH}`, HOME: '/nonexistent', LC_ALL: 'C' };
  const bash = which('bash');
  const script = join(root, 'scripts', 'setup.sh');
  const run = () => runAsNonRoot(bash, script, env, root);
  const nm = join(root, 'node_modules');
  const hiddenLock = join(nm, '.package-lock.json');
  const giveToUser = () => {
    if (!isRoot) return;
    for (const p of [root, join(root, 'scripts'), join(root, 'bin'), join(root, 'package-lock.json'), nm, hiddenLock]) {
      if (existsSync(p)) chownSync(p, NOBODY, NOBODY);
    }
  };

  // No node_modules: npm ci.
  let r = run();
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /^npm-stub: ci\b/m, describe(r));

  // node_modules newer than the lock: nothing to do.
  mkdirSync(nm);
  writeFileSync(hiddenLock, '{}\n');
  const past = new Date(Date.now() - 3600_000);
  utimesSync(join(root, 'package-lock.json'), past, past);
  giveToUser();
  r = run();
  assert.equal(r.status, 0, describe(r));
  assert.doesNotMatch(r.stdout + r.stderr, /npm-stub/, describe(r));

  // The lock edited after the install: npm ci, after which it is current again.
  const older = new Date(Date.now() - 7200_000);
  utimesSync(hiddenLock, older, older);
  r = run();
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /^npm-stub: ci\b/m, describe(r));
  r = run();
  assert.equal(r.status, 0, describe(r));
  assert.doesNotMatch(r.stdout + r.stderr, /npm-stub/, describe(r));
});
