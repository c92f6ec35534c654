// expected.txt must be what real NumPy computes today: regenerate it in memory
// with the committed script and fail on any difference.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../oracle/make_expected.py', import.meta.url));
const python = '/usr/bin/python3';
const hasNumpy = existsSync(python) && spawnSync(python, ['-c', 'import numpy']).status === 0;

test('tests/oracle/expected.txt matches NumPy', { skip: !hasNumpy && `${python} with NumPy is not installed` }, () => {
  const r = spawnSync(python, [script, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `expected.txt is stale (run ${python} ${script}):\n${r.stdout}${r.stderr}`);
});
