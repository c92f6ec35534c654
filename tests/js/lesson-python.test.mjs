// Every ```python block of every lesson is a complete program: it runs with
// Debian's Python and NumPy (/usr/bin/python3), exits with status 0, and prints
// no "nan". A long number a lesson quotes as program output in its prose (an
// inline code span such as `0.9999999999999999`) must be something the
// lesson's own programs really print. (Comparing every printed line with the
// code panels' interpreter is the code-panel work's test.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const PYTHON = '/usr/bin/python3';
const LESSONS = fileURLToPath(new URL('../../lessons/', import.meta.url));

// A quoted number "looks printed" when it has six or more decimals: short ones
// such as `0.5` in prose are inputs, not results.
const PRINTED_NUMBER = /-?\d+\.\d{6,}(?:e[+-]?\d+)?/g;

const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
const md = new MarkdownIt();

/** The lesson's python fences and inline code spans, in order. */
function pieces(source) {
  const tokens = md.parse(source, {});
  const programs = tokens
    .filter((t) => t.type === 'fence' && /^py(?:thon)?\b/.test(t.info.trim()))
    .map((t) => t.content);
  const spans = tokens.flatMap((t) =>
    t.type === 'inline' ? t.children.filter((c) => c.type === 'code_inline').map((c) => c.content) : [],
  );
  return { programs, spans };
}

function run(code) {
  return spawnSync(PYTHON, ['-'], {
    input: code,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' },
  });
}

const files = (await readdir(LESSONS)).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();

describe('the lessons’ Python programs', { skip: havePython ? false : `${PYTHON} with NumPy is not installed` }, () => {
  for (const file of files) {
    test(file, async () => {
      const { programs, spans } = pieces(await readFile(join(LESSONS, file), 'utf8'));
      assert.ok(programs.length >= 1, `${file} has a python block`);
      let printed = '';
      programs.forEach((code, i) => {
        const r = run(code);
        const where = `${file}, python block ${i + 1}`;
        assert.equal(r.error, undefined, `${where}: ${r.error?.message}`);
        assert.equal(r.status, 0, `${where} exits 0; stderr:\n${r.stderr}`);
        assert.doesNotMatch(r.stdout, /\bnan\b/i, `${where} prints no nan:\n${r.stdout}`);
        printed += r.stdout;
      });
      for (const span of spans) {
        for (const number of span.match(PRINTED_NUMBER) ?? []) {
          assert.ok(
            printed.includes(number),
            `${file} quotes \`${span}\`, but its programs never print ${number}:\n${printed}`,
          );
        }
      }
    });
  }
});
