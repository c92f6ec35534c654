// Lessons 2 and 3 in headless Chromium, served with the site's CSP: <nl-layer>
// and <nl-batch> must show exactly what the core computes (the expected values
// come from the same wasm core loaded in Node, never typed in here), follow
// typed edits and keyboard use, highlight what made an output, show which
// neurons the activation silences, keep the last result on a bad edit, and
// survive bad attributes. Copy as NumPy is run by real NumPy. Screenshots go to
// test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, SHOTS, openSite, servePage, startWidgets, watch as watchInto } from './harness.mjs';

const LAYER_LESSON = '02-layer.html';
const AXE = fileURLToPath(new URL('node_modules/axe-core/axe.min.js', ROOT));
const BATCH_LESSON = '03-batch.html';

/** Numbers of an attribute, as the embed contract defines them. */
const numbers = (text) =>
  text
    .trim()
    .split(/[\s,]+/)
    .map(Number);
const matrix = (text) => text.split(';').map(numbers);

let core;
let site;
let server;
let browser;
const problems = []; // console errors and uncaught page errors, from every page opened
const watch = (p) => watchInto(p, problems);

/** The layer's parameters from an element's attributes (as the embed contract reads them). */
function paramsOf(attrs, batch) {
  return {
    inputs: batch ? matrix(attrs.inputs) : [numbers(attrs.inputs)],
    weights: matrix(attrs.weights),
    biases: attrs.biases ? numbers(attrs.biases) : null,
    activation: attrs.activation || 'relu',
    layout: attrs.layout || 'rows',
  };
}

/** What the core says: float64 Z and A (rows per sample) and their 3-decimal texts. */
function expected(p) {
  const nOut = p.layout === 'cols' ? p.weights[0].length : p.weights.length;
  const r = core.layer({ ...p, biases: p.biases ?? new Array(nOut).fill(0) });
  const rows = (m) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols)));
  const text = (m) => rows(m).map((row) => row.map((v) => core.formatFixed(v, 3)));
  return { z: rows(r.z), a: rows(r.a), zText: text(r.z), aText: text(r.a) };
}

/** Everything a layer or batch widget shows and exposes (by the accessible names of its result cells). */
function read(locator) {
  return locator.evaluate((el) => {
    const root = el.shadowRoot;
    const batch = el.localName === 'nl-batch';
    const texts = (prefix) => {
      const cells = [...root.querySelectorAll(`output[aria-label^="${prefix}"]`)];
      if (!batch) return [cells.map((c) => c.querySelector('.v').textContent)];
      const out = [];
      for (const c of cells) {
        const [, i, j] = c
          .getAttribute('aria-label')
          .match(/sample (\d+), neuron (\d+)/)
          .map(Number);
        (out[i - 1] ??= [])[j - 1] = c.querySelector('.v').textContent;
      }
      return out;
    };
    const error = root.querySelector('[part="error"]');
    const attrs = {};
    for (const name of ['inputs', 'weights', 'biases', 'activation', 'layout']) attrs[name] = el.getAttribute(name);
    return {
      attrs,
      z: el.z,
      output: el.output,
      error: el.error,
      errorText: error.hidden ? null : error.textContent,
      zText: texts(batch ? 'Z, sample' : 'Z of neuron'),
      aText: texts(batch ? 'A, sample' : 'A of neuron'),
      shape: root.querySelector('[part="shape"]')?.textContent,
      note: root.querySelector('.note')?.textContent,
      diagramInputs: [...root.querySelectorAll('.diagram .in .num')].map((t) => t.textContent),
      diagramOutputs: [...root.querySelectorAll('.diagram .neuron-group text:last-child')].map((t) => t.textContent),
      silentNeurons: [...root.querySelectorAll('.diagram .neuron-group')].map((g) => g.classList.contains('silent')),
      silentCells: [...root.querySelectorAll('td.silent output')].map((o) => o.getAttribute('aria-label')),
    };
  });
}

function assertShows(shown, want, batch) {
  assert.equal(shown.error, null);
  assert.deepEqual(shown.zText, want.zText);
  assert.deepEqual(shown.aText, want.aText);
  assert.deepEqual(shown.z, batch ? want.z : want.z[0], 'z property equals the core float64 result');
  assert.deepEqual(shown.output, batch ? want.a : want.a[0], 'output property equals the core float64 result');
}

/** The accessible name of the focused element inside a widget's shadow root. */
const focusedName = (locator) =>
  locator.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('aria-label') ?? null);

/** Runs a Copy-as-NumPy program with real NumPy and returns its lines. */
function runNumpy(program) {
  const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n');
}

before(async () => {
  for (const lesson of [LAYER_LESSON, BATCH_LESSON]) {
    if (!existsSync(new URL(`dist/${lesson}`, ROOT))) throw new Error(`dist/${lesson} is missing: run npm run build`);
  }
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
  ({ server, browser } = site);
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await site?.close();
  assert.deepEqual(problems, [], 'no console errors and no uncaught page errors');
});

describe('lesson 2 and <nl-layer>', () => {
  let context;
  let page;
  const layer = (id) => page.locator(`nl-layer#${id}`);

  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    page = watch(await context.newPage());
    await page.goto(server.url + LAYER_LESSON);
    await startWidgets(page, 'nl-layer');
  });

  after(async () => {
    await context?.close();
  });

  test("the static page holds the core's Z and A, prerendered at build time", async () => {
    const html = await (await page.request.get(server.url + LAYER_LESSON)).text();
    const want = expected(
      paramsOf({
        inputs: '1 2 3 2.5',
        weights: '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87',
        biases: '2 3 0.5',
      }),
    );
    const block = html.slice(html.indexOf('data-nl-prerender="nl-layer"'));
    assert.match(block, /\(1,4\) @ \(3,4\)ᵀ \+ \(3,\) → \(1,3\)/);
    want.aText[0].forEach((a, j) =>
      assert.ok(block.includes(`data-nl-value="output[${j}]">${a}<`), `A[${j}] = ${a} in the static HTML`),
    );
  });

  test('every layer shows what the core computes for its attributes, with its shapes', async () => {
    const count = await page.locator('nl-layer').count();
    assert.ok(count >= 3, `lesson 2 has at least three layers (found ${count})`);
    for (let i = 0; i < count; i++) {
      const shown = await read(page.locator('nl-layer').nth(i));
      const p = paramsOf(shown.attrs, false);
      assertShows(shown, expected(p), false);
      const nIn = p.inputs[0].length;
      const nOut = p.layout === 'cols' ? p.weights[0].length : p.weights.length;
      const w = p.layout === 'cols' ? `(${nIn},${nOut})` : `(${nOut},${nIn})ᵀ`;
      assert.equal(shown.shape, `(1,${nIn}) @ ${w} + (${nOut},) → (1,${nOut})`);
      assert.deepEqual(
        shown.diagramInputs,
        p.inputs[0].map((v) => core.formatFixed(v, 3)),
        'the diagram shows the inputs',
      );
      assert.deepEqual(shown.diagramOutputs, expected(p).aText[0], 'and the outputs');
    }
  });

  test('layout="cols" shows W as (n_in, n_out), says so, and gives the same numbers', async () => {
    const cols = await read(layer('layer-cols'));
    const rows = await read(layer('layer-worked'));
    assert.equal(cols.shape, '(1,4) @ (4,3) + (3,) → (1,3)');
    assert.equal(rows.shape, '(1,4) @ (3,4)ᵀ + (3,) → (1,3)');
    assert.match(cols.note, /shape \(4,3\): one column per neuron/);
    assert.match(rows.note, /shape \(3,4\): one row per neuron/);
    assert.deepEqual(cols.aText, rows.aText);
    // Row 2 of the cols grid holds input 2's weights to each neuron.
    const names = await layer('layer-cols').evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('.grid .matrix:nth-child(2) tbody tr:nth-child(2) input')].map((i) =>
        i.getAttribute('aria-label'),
      ),
    );
    assert.deepEqual(
      names,
      [1, 2, 3].map((j) => `w${'₀₁₂₃'[j]}₂, weight from input 2 to neuron ${j}`),
    );
  });

  test('the four-neuron layer shows which neurons ReLU silences, in the table and the diagram', async () => {
    const shown = await read(layer('layer-four'));
    const want = expected(paramsOf(shown.attrs, false));
    const silent = want.a[0].map((a) => a === 0);
    assert.ok(silent.includes(true) && silent.includes(false), 'some neurons are silenced, some are not');
    assert.deepEqual(shown.silentNeurons, silent);
    assert.deepEqual(
      shown.silentCells,
      silent.flatMap((s, j) => (s ? [`A of neuron ${j + 1}, after the activation`] : [])),
    );
    assert.ok(
      want.zText[0].some((z, j) => silent[j] && z.startsWith('-')),
      'Z before the activation is negative there',
    );
  });

  test("keyboard: Tab into the grid, arrows move, typing and Enter change the results to the core's", async () => {
    const w = layer('layer-worked');
    const before = await read(w);
    const p = paramsOf(before.attrs, false);
    await w.getByRole('combobox', { name: 'activation' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(w), 'x₁, input 1', 'Tab enters the grid at the first input');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedName(w), 'x₂, input 2');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    p.inputs[0][1] = 5;
    assertShows(await read(w), expected(p), false);
    assert.deepEqual(
      (await read(w)).diagramInputs,
      p.inputs[0].map((v) => core.formatFixed(v, 3)),
      'the diagram follows',
    );

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(w), 'w₁₁, weight from input 1 to neuron 1', 'Tab goes on into the weights');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedName(w), 'w₂₂, weight from input 2 to neuron 2');
    await page.keyboard.type('-1.5');
    await page.keyboard.press('Enter');
    p.weights[1][1] = -1.5;
    const want = expected(p);
    assertShows(await read(w), want, false);
    assert.equal(
      await page.evaluate(() => document.querySelector('#layer-worked').shadowRoot.activeElement.value),
      '-1.5',
      'Enter keeps the cell',
    );
    // The result cells are reachable too, and the announcement says the new results.
    await page.waitForFunction(
      (text) => document.querySelector('#layer-worked').shadowRoot.querySelector('[aria-live]').textContent === text,
      `Z = ${want.zText[0].join(', ')}; A = relu(Z) = ${want.aText[0].join(', ')}`,
    );
  });

  test('a bad cell edit marks the cell and keeps the last good result; Escape puts it back', async () => {
    const w = layer('layer-worked');
    const good = await read(w);
    const cell = w.getByRole('textbox', { name: 'b₃, bias of neuron 3' });
    await cell.focus();
    await page.keyboard.type('0.5x');
    await page.keyboard.press('Enter');
    assert.equal(await cell.getAttribute('aria-invalid'), 'true');
    assert.ok(await w.locator('.matrix .field-note').filter({ hasText: 'not a number' }).isVisible());
    const now = await read(w);
    assert.deepEqual(now.aText, good.aText);
    assert.deepEqual(now.output, good.output);
    assert.equal(now.error, null, 'a reader typo is not an attribute error');
    await page.keyboard.press('Escape');
    assert.equal(await cell.getAttribute('aria-invalid'), null);
    assert.equal(await cell.inputValue(), '0.5');
  });

  test('hovering or focusing an output highlights its weights and the inputs, in the grid and the diagram', async () => {
    const w = layer('layer-worked');
    const highlighted = () =>
      w.evaluate((el) => {
        const root = el.shadowRoot;
        return {
          cells: [...root.querySelectorAll('.grid td.hl input, .grid td.hl output')].map((n) =>
            n.getAttribute('aria-label'),
          ),
          edges: [...root.querySelectorAll('.diagram .edge')].map((e) => e.classList.contains('hl')),
          neurons: [...root.querySelectorAll('.diagram .neuron-group')].map((g) => g.classList.contains('hl')),
          inputs: [...root.querySelectorAll('.diagram .in')].every((g) => g.classList.contains('hl')),
          dimmed: root.querySelector('.diagram').classList.contains('focus'),
        };
      });
    const neuronCells = (j) => [
      ...[1, 2, 3, 4].map((k) => `w${'₀₁₂₃'[j]}${'₀₁₂₃₄'[k]}, weight from input ${k} to neuron ${j}`),
      `b${'₀₁₂₃'[j]}, bias of neuron ${j}`,
    ];
    const inputs = [1, 2, 3, 4].map((k) => `x${'₀₁₂₃₄'[k]}, input ${k}`);
    await w.evaluate((el) => el.shadowRoot.activeElement?.blur());
    await w.locator('output[aria-label^="A of neuron 2"]').hover();
    let h = await highlighted();
    assert.deepEqual(
      h.cells.filter((n) => n.startsWith('x')),
      inputs,
    );
    assert.deepEqual(
      h.cells.filter((n) => /^[wb]/.test(n)),
      neuronCells(2),
    );
    assert.deepEqual(
      h.cells.filter((n) => /^[ZA] /.test(n)),
      ['Z of neuron 2, before the activation', 'A of neuron 2, after the activation'],
    );
    assert.deepEqual(
      h.edges,
      [0, 1, 2].flatMap((j) => [1, 2, 3, 4].map(() => j === 1)),
      "neuron 2's four edges",
    );
    assert.deepEqual(h.neurons, [false, true, false]);
    assert.ok(h.inputs && h.dimmed);
    await page.mouse.move(2, 2);
    assert.equal((await highlighted()).dimmed, false, 'leaving clears it');
    await w.locator('output[aria-label^="Z of neuron 3"]').focus();
    h = await highlighted();
    assert.deepEqual(
      h.cells.filter((n) => /^[wb]/.test(n)),
      neuronCells(3),
    );
    assert.deepEqual(h.neurons, [false, false, true]);
    await w.locator('output[aria-label^="Z of neuron 3"]').screenshot({ path: `${SHOTS}layer-cell-focused.png` });
    await w.screenshot({ path: `${SHOTS}layer-widget-highlight-1280.png` });
    // The cols layout highlights a column of W.
    const c = layer('layer-cols');
    await c.locator('output[aria-label^="A of neuron 1"]').hover();
    const names = await c.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('.grid td.hl input')].map((n) => n.getAttribute('aria-label')),
    );
    assert.deepEqual(
      names.filter((n) => n.startsWith('w')),
      [1, 2, 3, 4].map((k) => `w₁${'₀₁₂₃₄'[k]}, weight from input ${k} to neuron 1`),
    );
    assert.ok(names.includes('b₁, bias of neuron 1'));
    await page.mouse.move(2, 2);
  });

  test('pasting a NumPy literal into a cell fills the matrix', async () => {
    const w = layer('layer-worked');
    await w.getByRole('button', { name: 'Reset' }).click();
    const pasted = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, -1, 0],
    ];
    await w.getByRole('textbox', { name: 'w₂₂, weight from input 2 to neuron 2' }).evaluate((input, rows) => {
      const data = new DataTransfer();
      data.setData('text/plain', `np.array(${JSON.stringify(rows)})`);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    const p = paramsOf(
      await w.evaluate((el) => ({
        inputs: el.getAttribute('inputs'),
        weights: el.getAttribute('weights'),
        biases: el.getAttribute('biases'),
      })),
      false,
    );
    p.weights = pasted;
    assertShows(await read(w), expected(p), false);
    assert.equal(await w.getByRole('textbox', { name: 'w₃₃, weight from input 3 to neuron 3' }).inputValue(), '-1');
  });

  test('Copy as NumPy: real NumPy prints the Z and A the widget shows', async () => {
    for (const id of ['layer-cols', 'layer-four']) {
      const w = layer(id);
      await w.getByRole('combobox', { name: 'activation' }).selectOption(id === 'layer-four' ? 'sigmoid' : 'relu');
      await w.getByRole('button', { name: 'Share' }).click();
      await w.getByRole('button', { name: 'Copy as NumPy' }).click();
      await page.waitForFunction(
        (i) => document.getElementById(i).shadowRoot.querySelector('.status').textContent === 'NumPy code copied',
        id,
      );
      const program = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(program, /^import numpy as np\n/);
      assert.match(program, id === 'layer-cols' ? /Z = x @ W \+ b/ : /Z = x @ W\.T \+ b/);
      const shown = await read(w);
      assert.deepEqual(runNumpy(program), [`Z = ${shown.zText[0].join(' ')}`, `A = ${shown.aText[0].join(' ')}`]);
    }
  });

  test('screenshots at 1280 px, and in dark mode', async () => {
    for (const id of ['layer-worked', 'layer-cols', 'layer-four'])
      await layer(id).getByRole('button', { name: 'Reset' }).click();
    await layer('layer-worked').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}layer-1280.png` });
    for (const id of ['layer-worked', 'layer-cols', 'layer-four'])
      await layer(id).screenshot({ path: `${SHOTS}layer-widget-${id}-1280.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await layer('layer-four').screenshot({ path: `${SHOTS}layer-widget-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('lesson 3 and <nl-batch>', () => {
  let context;
  let page;
  const batch = () => page.locator('nl-batch#batch-worked');

  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    page = watch(await context.newPage());
    await page.goto(server.url + BATCH_LESSON);
    await startWidgets(page, 'nl-batch');
  });

  after(async () => {
    await context?.close();
  });

  test('the batch shows what the core computes, with its shape, and sample 1 in the diagram', async () => {
    const shown = await read(batch());
    const p = paramsOf(shown.attrs, true);
    const want = expected(p);
    assertShows(shown, want, true);
    assert.equal(shown.shape, '(3,4) @ (3,4)ᵀ + (3,) → (3,3)');
    assert.ok(await batch().getByText('Output A = relu(Z), shape (3,3)').isVisible());
    assert.deepEqual(
      shown.diagramInputs,
      p.inputs[0].map((v) => core.formatFixed(v, 3)),
    );
    assert.deepEqual(shown.diagramOutputs, want.aText[0]);
    const html = await (await page.request.get(server.url + BATCH_LESSON)).text();
    assert.ok(
      html.includes(`data-nl-value="output[2][1]">${want.aText[2][1]}<`),
      'the static page holds the output matrix',
    );
  });

  test("typing into a batch cell changes that sample's row to the core's values", async () => {
    const b = batch();
    const p = paramsOf((await read(b)).attrs, true);
    const cell = b.getByRole('textbox', { name: 'sample 2, x₄' });
    await cell.focus();
    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    p.inputs[1][3] = -3;
    const want = expected(p);
    const shown = await read(b);
    assertShows(shown, want, true);
    assert.deepEqual(
      shown.diagramInputs,
      p.inputs[1].map((v) => core.formatFixed(v, 3)),
      'focusing a cell of sample 2 sent it through the diagram',
    );
    assert.deepEqual(shown.diagramOutputs, want.aText[1]);
  });

  test('choosing a row by keyboard and by click sends that sample through the diagram', async () => {
    const b = batch();
    const p = paramsOf((await read(b)).attrs, true);
    p.inputs[1][3] = -3;
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedName(b), 'sample 3, x₄');
    assert.deepEqual(
      (await read(b)).diagramInputs,
      p.inputs[2].map((v) => core.formatFixed(v, 3)),
    );
    await b.getByRole('textbox', { name: 'sample 1, x₂' }).click();
    assert.deepEqual(
      (await read(b)).diagramInputs,
      p.inputs[0].map((v) => core.formatFixed(v, 3)),
    );
    await b.getByRole('combobox', { name: 'Diagram shows' }).selectOption('1');
    assert.deepEqual(
      (await read(b)).diagramInputs,
      p.inputs[1].map((v) => core.formatFixed(v, 3)),
    );
    // An output cell, focused, highlights its sample's row and chooses it.
    await b.locator('output[aria-label="A, sample 3, neuron 2"]').focus();
    const rows = await b.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('.batch td.hl input')].map((i) => i.getAttribute('aria-label')),
    );
    assert.deepEqual(
      rows,
      [1, 2, 3, 4].map((k) => `sample 3, x${'₀₁₂₃₄'[k]}`),
    );
    assert.deepEqual(
      (await read(b)).diagramInputs,
      p.inputs[2].map((v) => core.formatFixed(v, 3)),
    );
  });

  test('adding and removing samples, within limits', async () => {
    const b = batch();
    const p = paramsOf((await read(b)).attrs, true);
    p.inputs[1][3] = -3;
    await b.getByRole('button', { name: 'Add sample' }).click();
    p.inputs.push([...p.inputs[2]]);
    let shown = await read(b);
    assert.equal(shown.shape, '(4,4) @ (3,4)ᵀ + (3,) → (4,3)');
    assertShows(shown, expected(p), true);
    await b.getByRole('textbox', { name: 'sample 1, x₁' }).click();
    await b.getByRole('button', { name: 'Remove sample 1' }).click();
    p.inputs.shift();
    shown = await read(b);
    assert.equal(shown.shape, '(3,4) @ (3,4)ᵀ + (3,) → (3,3)');
    assertShows(shown, expected(p), true);
    const add = b.getByRole('button', { name: 'Add sample' });
    await add.evaluate((button) => {
      for (let i = 0; i < 20 && !button.disabled; i++) button.click();
    });
    assert.ok(await add.isDisabled());
    assert.equal((await read(b)).output.length, 16, 'at most 16 samples');
    assert.ok(await b.getByText('At most 16 samples.').isVisible());
    await b.getByRole('button', { name: 'Reset' }).click();
    assertShows(await read(b), expected(paramsOf((await read(b)).attrs, true)), true);
  });

  test("Copy as NumPy: real NumPy prints the batch's Z and A", async () => {
    const b = batch();
    await b.getByRole('button', { name: 'Share' }).click();
    await b.getByRole('button', { name: 'Copy as NumPy' }).click();
    await page.waitForFunction(
      () =>
        document.getElementById('batch-worked').shadowRoot.querySelector('.status').textContent === 'NumPy code copied',
    );
    const program = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(program, /Z = X @ W\.T \+ b\nA = np\.maximum\(0\.0, Z\)/);
    const shown = await read(b);
    assert.deepEqual(runNumpy(program), [
      'Z =',
      ...shown.zText.map((r) => r.join(' ')),
      'A =',
      ...shown.aText.map((r) => r.join(' ')),
    ]);
  });

  test('screenshots at 1280 px', async () => {
    await batch().screenshot({ path: `${SHOTS}batch-widget-1280.png` });
    await page.screenshot({ path: `${SHOTS}batch-1280.png` });
  });
});

// A page of our own with both widgets, for bad attributes and the cols batch.
const FIXTURE = 'test/layers.html';
const W = '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87';
const WT = '0.2 0.5 -0.26; 0.8 -0.91 -0.27; -0.5 0.26 0.17; 1 -0.5 0.87';
const FIXTURE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Layer widgets test page</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="../embed.js"></script></head>
<body style="margin: 0 auto; max-width: 760px; padding: 8px 16px; font-family: sans-serif">
<nl-layer id="l1" inputs="1 2 3 2.5" weights="${W}" biases="2 3 0.5"></nl-layer>
<nl-batch id="b1" layout="cols" inputs="1 2 3 2.5; -0.8 0.4 0.1 1.2; 0.2 0.9 -0.5 0.3" weights="${WT}" biases="2 3 0.5" activation="tanh"></nl-batch>
</body></html>`;

describe('both widgets on one page: bad attributes, the cols batch, 375 px', () => {
  let context;
  let page;

  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await servePage(context, server.url + FIXTURE, FIXTURE_HTML);
    page = watch(await context.newPage());
    await page.goto(server.url + FIXTURE);
    await startWidgets(page, 'nl-layer, nl-batch');
  });

  after(async () => {
    await context?.close();
  });

  test("a batch in the cols layout shows (3,4) @ (4,3) and the core's numbers", async () => {
    const shown = await read(page.locator('#b1'));
    assert.equal(shown.shape, '(3,4) @ (4,3) + (3,) → (3,3)');
    assert.match(shown.note, /shape \(4,3\): one column per neuron/);
    assertShows(shown, expected(paramsOf(shown.attrs, true)), true);
  });

  test('bad attributes show a message, null results, and never throw', async () => {
    const cases = [
      { id: 'l1', attr: 'inputs', value: '1 2 3', message: /3 numbers, but the layer takes 4 inputs/ },
      { id: 'l1', attr: 'biases', value: '1 2', message: /make 3 neurons .* biases has 2 numbers/ },
      { id: 'l1', attr: 'layout', value: 'diagonal', message: /rows or cols/ },
      { id: 'l1', attr: 'activation', value: 'banana', message: /banana/ },
      { id: 'l1', attr: 'weights', value: '1 <img src=x onerror=alert(1)> 2', message: /<img/ },
      {
        id: 'l1',
        attr: 'weights',
        value: Array.from({ length: 13 }, () => '1 2 3 4').join(';'),
        message: /13 rows; at most 12/,
      },
      { id: 'b1', attr: 'inputs', value: '1 2 3 4; 5 6 7', message: /sample 2|row 2/ },
      { id: 'b1', attr: 'inputs', value: Array.from({ length: 17 }, () => '1 2 3 4').join(';'), message: /at most 16/ },
      { id: 'b1', attr: 'inputs', value: '1 2 NaN 4', message: /NaN/ },
    ];
    for (const c of cases) {
      const w = page.locator(`#${c.id}`);
      const original = await w.getAttribute(c.attr);
      await w.evaluate((el, { attr, value }) => el.setAttribute(attr, value), c);
      await page.waitForFunction((id) => document.getElementById(id).error !== null, c.id);
      const shown = await read(w);
      assert.match(shown.errorText, c.message, `${c.attr}="${c.value.slice(0, 30)}"`);
      assert.equal(shown.error, shown.errorText);
      assert.equal(shown.z, null);
      assert.equal(shown.output, null);
      assert.equal(await w.locator('img').count(), 0, 'attribute text never becomes HTML');
      await w.evaluate(
        (el, { attr, value }) => (value === null ? el.removeAttribute(attr) : el.setAttribute(attr, value)),
        { attr: c.attr, value: original },
      );
      await page.waitForFunction((id) => document.getElementById(id).error === null, c.id);
    }
    assertShows(
      await read(page.locator('#l1')),
      expected(paramsOf((await read(page.locator('#l1'))).attrs, false)),
      false,
    );
    assertShows(
      await read(page.locator('#b1')),
      expected(paramsOf((await read(page.locator('#b1'))).attrs, true)),
      true,
    );
  });

  test('axe-core finds no violations in either widget, light or dark', async () => {
    await context.route(`${server.url}test/axe.min.js`, (route) =>
      route.fulfill({ path: AXE, contentType: 'text/javascript' }),
    );
    await page.addScriptTag({ url: `${server.url}test/axe.min.js` });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => {
        const found = [];
        for (const el of document.querySelectorAll('nl-layer, nl-batch')) {
          const result = await window.axe.run(el);
          found.push(
            ...result.violations.map((v) => `${el.id}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          );
        }
        return found;
      });
      assert.deepEqual(violations, [], scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('Copy link saves an edited layer in the hash; a reload restores it', async () => {
    const w = page.locator('#l1');
    await w.getByRole('textbox', { name: 'w₁₂, weight from input 2 to neuron 1' }).fill('-2');
    await w.getByRole('button', { name: 'Share' }).click();
    await w.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(
      () => document.getElementById('l1').shadowRoot.querySelector('.status').textContent === 'Link copied',
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(new URL(link).hash, /l1\.weights=0\.2\+-2\+-0\.5\+1;\+0\.5/);
    await page.goto(link);
    await page.reload();
    await startWidgets(page, 'nl-layer, nl-batch');
    const p = paramsOf({ inputs: '1 2 3 2.5', weights: W, biases: '2 3 0.5' }, false);
    p.weights[0][1] = -2;
    assertShows(await read(w), expected(p), false);
    await w.getByRole('button', { name: 'Reset' }).click();
    assertShows(
      await read(w),
      expected(paramsOf({ inputs: '1 2 3 2.5', weights: W, biases: '2 3 0.5' }, false)),
      false,
    );
  });

  test('at 375 px the page does not scroll sideways; screenshots', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (page is ${overflow}px too wide)`);
    await page.locator('#l1').screenshot({ path: `${SHOTS}layer-widget-375.png` });
    await page.locator('#b1').screenshot({ path: `${SHOTS}batch-widget-cols-375.png` });
    for (const [lesson, name] of [
      [LAYER_LESSON, 'layer'],
      [BATCH_LESSON, 'batch'],
    ]) {
      const narrow = watch(await context.newPage());
      await narrow.setViewportSize({ width: 375, height: 812 });
      await narrow.goto(server.url + lesson);
      await startWidgets(narrow, 'nl-layer, nl-batch');
      const widgets = narrow.locator('nl-layer, nl-batch');
      for (let i = 0; i < (await widgets.count()); i++) {
        const box = await widgets.nth(i).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 375, `${lesson} widget ${i + 1} fits the screen`);
      }
      await widgets.first().screenshot({ path: `${SHOTS}${name}-widget-first-375.png` });
      await widgets.first().scrollIntoViewIfNeeded();
      await narrow.screenshot({ path: `${SHOTS}${name}-375.png` });
      await narrow.close();
    }
  });
});
