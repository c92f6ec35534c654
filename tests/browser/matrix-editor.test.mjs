// MatrixEditor (web/src/widgets/matrix-editor.js) in headless Chromium, on a
// page that puts one into a shadow root, as widgets do: the modules are served
// straight from web/src, so this test needs neither the core nor a site build.
// Accessible names, typing, marks and Escape, arrow-key moves, pastes of NumPy
// literals and blocks, refusals from onChange, highlights.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { LAUNCH, ROOT, SHOTS, servePage, watch } from './harness.mjs';

const SCRIPT = `
import { MatrixEditor, MATRIX_CSS } from '/widgets/matrix-editor.js';
import { COMMON_CSS } from '/widgets/common.css.js';
const host = document.getElementById('host');
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(COMMON_CSS + MATRIX_CSS);
root.adoptedStyleSheets = [sheet];
const frame = document.createElement('div');
frame.className = 'nl';
root.append(frame);
window.changes = [];
window.refuse = null; // a message onChange answers with, or null to accept
const editor = new MatrixEditor({
  name: 'weight',
  caption: 'Weights W, shape (3, 4), and biases b',
  rowLabels: (i) => 'neuron ' + (i + 1),
  colLabels: (j) => 'x' + (j + 1),
  extraColumns: [{ name: 'bias', label: 'b' }],
  onChange: (rows, cell) => {
    if (window.refuse) return window.refuse;
    window.changes.push({ rows, cell });
    return null;
  },
  onFocus: (cell) => { window.focused = cell; },
});
frame.append(editor.element);
editor.setValues([[0.2, 0.8, -0.5, 1, 2], [0.5, -0.91, 0.26, -0.5, 3], [-0.26, -0.27, 0.17, 0.87, 0.5]]);
window.editor = editor;
window.ready = true;
`;
const START = [
  [0.2, 0.8, -0.5, 1, 2],
  [0.5, -0.91, 0.26, -0.5, 3],
  [-0.26, -0.27, 0.17, 0.87, 0.5],
];

describe('MatrixEditor', () => {
  let server;
  let browser;
  let context;
  let page;
  const problems = [];
  const cell = (name) => page.locator('#host').getByRole('textbox', { name, exact: true });
  const values = () => page.evaluate(() => window.editor.values);
  const note = () => page.locator('#host .field-note');
  const focused = () =>
    page.evaluate(() => document.getElementById('host').shadowRoot.activeElement?.getAttribute('aria-label'));

  async function paste(name, text) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await cell(name).focus();
    await page.keyboard.press('Control+V');
  }

  before(async () => {
    server = await startServer({ port: 0, root: fileURLToPath(new URL('web/src/', ROOT)) });
    browser = await chromium.launch(LAUNCH);
    context = await browser.newContext({ viewport: { width: 900, height: 500 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await servePage(
      context,
      `${server.url}test/editor.html`,
      '<!doctype html><html lang="en"><title>MatrixEditor</title><body><div id="host"></div><script type="module" src="/test/editor.js"></script></body></html>',
    );
    await context.route(`${server.url}test/editor.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: SCRIPT }),
    );
    page = watch(await context.newPage(), problems);
    await page.goto(`${server.url}test/editor.html`);
    await page.waitForFunction(() => window.ready);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // Each test starts from the same values, with no marks.
  const reset = () =>
    page.evaluate((rows) => {
      window.editor.setValues(rows);
      window.changes = [];
      window.refuse = null;
    }, START);

  test('every cell has a name; headers and caption describe the grid', async () => {
    await reset();
    assert.equal(await page.locator('#host input').count(), 15);
    assert.equal(await cell('weight row 2, column 3').inputValue(), '0.26');
    assert.equal(await cell('bias row 3').inputValue(), '0.5');
    const heads = await page.locator('#host th').allTextContents();
    assert.deepEqual(heads, ['x1', 'x2', 'x3', 'x4', 'b', 'neuron 1', 'neuron 2', 'neuron 3']);
    assert.equal(await page.locator('#host caption').textContent(), 'Weights W, shape (3, 4), and biases b');
  });

  test('typing a number uses it at once; text on its way waits; other text is marked and Escape reverts', async () => {
    await reset();
    const c = cell('weight row 2, column 3');
    await c.focus();
    await page.keyboard.type('-0.75');
    assert.deepEqual((await values())[1], [0.5, -0.91, -0.75, -0.5, 3]);
    const last = await page.evaluate(() => window.changes.at(-1));
    assert.deepEqual(last.cell, { row: 1, col: 2 });
    assert.equal(await c.getAttribute('aria-invalid'), null, 'no mark while typing "-"');
    await page.keyboard.type('x');
    assert.equal(await c.getAttribute('aria-invalid'), 'true');
    assert.equal(await note().textContent(), '"-0.75x" is not a number. The results show the last good values.');
    assert.equal(await c.getAttribute('aria-describedby'), await note().getAttribute('id'));
    assert.deepEqual((await values())[1][2], -0.75, 'the last good value stays');
    await page.keyboard.press('Escape');
    assert.equal(await c.inputValue(), '0.26', 'the value from before this cell was focused');
    assert.equal(await c.getAttribute('aria-invalid'), null);
    assert.ok(await note().isHidden());
    assert.equal((await values())[1][2], 0.26);
  });

  test('Enter on an unfinished number marks it; so does leaving the cell', async () => {
    await reset();
    const c = cell('bias row 1');
    await c.focus();
    await page.keyboard.type('-');
    assert.equal(await c.getAttribute('aria-invalid'), null);
    await page.keyboard.press('Enter');
    assert.equal(await c.getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('Escape');
    await page.keyboard.type('1e');
    await page.keyboard.press('Tab');
    assert.equal(await c.getAttribute('aria-invalid'), 'true');
    assert.equal((await values())[0][4], 1, '"1" was used on the way to "1e"');
  });

  test('arrow keys move between cells; within a number the caret moves first', async () => {
    await reset();
    await cell('weight row 1, column 1').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'weight row 1, column 2');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'weight row 2, column 2');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'weight row 2, column 1');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'weight row 2, column 1', 'no cell to the left');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'weight row 1, column 1');
    assert.deepEqual(await page.evaluate(() => window.focused), { row: 0, col: 0 });
    await page.keyboard.press('ArrowRight'); // text selected: moves
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // caret inside the text: stays
    assert.equal(await focused(), 'weight row 1, column 2');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'weight row 1, column 3', 'Tab works too');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'weight row 3, column 3');
  });

  test('a refusal from onChange marks the cell with its message and keeps the values', async () => {
    await reset();
    await page.evaluate(() => {
      window.refuse = 'weights row 1: too large for this lesson.';
    });
    const c = cell('weight row 1, column 1');
    await c.focus();
    await page.keyboard.type('5');
    assert.equal(await c.getAttribute('aria-invalid'), 'true');
    assert.equal(await note().textContent(), 'weights row 1: too large for this lesson.');
    assert.deepEqual(await values(), START);
  });

  test('pasting a NumPy literal or a block fills the grid when the shape fits', async () => {
    await reset();
    await paste('weight row 1, column 1', 'np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])');
    assert.deepEqual(
      await values(),
      [
        [1, 2, 3, 4, 2],
        [5, 6, 7, 8, 3],
        [9, 10, 11, 12, 0.5],
      ],
      'the weights; biases kept',
    );
    assert.equal(await cell('weight row 3, column 4').inputValue(), '12');
    assert.equal(await page.evaluate(() => window.changes.at(-1).cell), null);
    await paste('bias row 2', '1\t2\t3\t4\t5\n6\t7\t8\t9\t10\n11\t12\t13\t14\t15\n');
    assert.deepEqual(
      await values(),
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
        [11, 12, 13, 14, 15],
      ],
      'a block with the bias column',
    );
    await paste('weight row 1, column 1', '7');
    assert.equal((await values())[0][0], 7, 'one number is pasted into the cell');
  });

  test('a paste that does not fit says why and changes nothing', async () => {
    await reset();
    await paste('weight row 1, column 1', '[[1, 2], [3, 4]]');
    assert.equal(
      await note().textContent(),
      'The pasted numbers are 2×2, but this grid is (3×4, or 3×5 with the bias). Nothing was changed.',
    );
    await paste('weight row 1, column 1', 'np.array([1, nan])');
    assert.match(await note().textContent(), /^In the pasted text, at character 14: expected a finite number/);
    await paste('weight row 1, column 1', '<img src=x onerror=alert(1)>');
    assert.match(await note().textContent(), /is not a number/);
    assert.equal(await page.locator('img').count(), 0);
    await page.evaluate(() => {
      window.refuse = 'The core refuses.';
    });
    await paste('weight row 1, column 1', '1 2 3 4; 5 6 7 8; 9 10 11 12');
    assert.equal(await note().textContent(), 'The core refuses. Nothing was changed.');
    assert.deepEqual(await values(), START);
  });

  test('highlight marks rows and columns, headers included; no argument clears', async () => {
    await reset();
    await page.evaluate(() => window.editor.highlight({ rows: [1], cols: [4] }));
    assert.equal(await page.locator('#host td.hl').count(), 7);
    assert.deepEqual(await page.locator('#host th.hl').allTextContents(), ['b', 'neuron 2']);
    await mkdir(SHOTS, { recursive: true });
    await page.locator('#host').screenshot({ path: `${SHOTS}matrix-editor-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await cell('weight row 1, column 2').focus();
    await page.keyboard.type('x');
    await page.locator('#host').screenshot({ path: `${SHOTS}matrix-editor-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => window.editor.highlight());
    assert.equal(await page.locator('#host .hl').count(), 0);
  });

  test('no console errors and no uncaught page errors', () => {
    assert.deepEqual(problems, []);
  });
});
