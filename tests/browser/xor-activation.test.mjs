// Lessons 5 and 6 in headless Chromium, served with the site's CSP: <nl-xor>
// and <nl-activation> must show exactly what the core computes (expected
// values come from the same wasm core loaded in Node), follow edits and the
// keyboard, detect the XOR solution (and the lesson's challenge must see it),
// print the same numbers from their Copy as NumPy program (run by real NumPy),
// and survive bad attributes. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, SHOTS, openSite, startWidgets, watch as watchInto } from './harness.mjs';

const INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const TARGETS = [0, 1, 1, 0];

let core;
let site;
let browser;
let server;
const problems = [];
const watch = (p) => watchInto(p, problems);

/** "1 1; 0 0 | 1 0" -> [[[1, 1], [0, 0]], [[1, 0]]]. */
const matrices = (t) =>
  t.split('|').map((m) =>
    m.split(';').map((r) =>
      r
        .trim()
        .split(/[\s,]+/)
        .map(Number),
    ),
  );

/** The core's forward pass of the four corners for weight and bias attribute text. */
function expectedXor(weights, biases) {
  const w = matrices(weights);
  const b = biases.split('|').map((v) => v.trim().split(/\s+/).map(Number));
  const layers = w.map((m, i) => ({ weights: m, biases: b[i], activation: 'step', layout: 'rows' }));
  const [h, o] = core.network({ inputs: INPUTS, layers });
  const f0 = (v) => core.formatFixed(Array.from(v), 0).split(' ');
  const hText = f0(h.a.data);
  const yText = f0(o.a.data);
  const zText = core.formatFixed(Array.from(o.z.data), 3).split(' ');
  const output = Array.from(o.a.data);
  return {
    output,
    z: Array.from(o.z.data),
    rows: INPUTS.map((x, i) => [
      ...f0(x),
      hText[2 * i],
      hText[2 * i + 1],
      zText[i],
      yText[i],
      f0([TARGETS[i]])[0],
      output[i] === TARGETS[i] ? '✓ pass' : '✗ fail',
    ]),
  };
}

function readXor(page) {
  return page
    .locator('nl-xor')
    .first()
    .evaluate((el) => {
      const root = el.shadowRoot;
      return {
        z: el.z,
        output: el.output,
        layers: el.layers,
        solved: el.solved,
        error: el.error,
        attrs: { weights: el.getAttribute('weights'), biases: el.getAttribute('biases') },
        rows: [...root.querySelectorAll('table.truth tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
        verdict: root.querySelector('[part="verdict"]').textContent,
      };
    });
}

/** Types into one parameter field of <nl-xor> (neuron n: 0 h1, 1 h2, 2 output; k: 0, 1 weights, 2 bias). */
async function setParam(page, n, k, value) {
  const field = page.locator('nl-xor').first().locator(`#p-${n}-${k}`);
  await field.fill(String(value));
}

before(async () => {
  for (const f of ['05-xor.html', '06-activations.html'])
    if (!existsSync(new URL(`dist/${f}`, ROOT))) throw new Error(`dist/${f} is missing: run npm run build`);
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
  ({ server, browser } = site);
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await site?.close();
});

describe('lesson 5 and <nl-xor>', () => {
  let page;
  before(async () => {
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(`${server.url}05-xor.html`);
    await startWidgets(page, 'nl-xor');
  });
  after(() => page?.close());

  test('the static page carries the core-computed truth table', async () => {
    const res = await page.request.get(`${server.url}05-xor.html`);
    const text = await res.text();
    assert.match(text, /data-nl-prerender="nl-xor"/);
    assert.match(text, /3 of 4 rows pass; the row \(1, 1\) fails\./);
  });

  test('initial values equal the core’s', async () => {
    const shown = await readXor(page);
    assert.equal(shown.error, null);
    const want = expectedXor(shown.attrs.weights, shown.attrs.biases);
    assert.deepEqual(shown.rows, want.rows);
    assert.deepEqual(shown.output, want.output);
    assert.deepEqual(shown.z, want.z);
    assert.equal(shown.layers.length, 2);
    assert.deepEqual(
      shown.layers[1].a.map((r) => r[0]),
      want.output,
    );
    assert.equal(shown.solved, false);
    assert.match(shown.verdict, /3 of 4 rows pass/);
  });

  test('the OR/AND solution passes every row, sets solved, and the challenge says solved', async () => {
    const challenge = page.locator('nl-exercise[for="xor"]');
    await challenge.scrollIntoViewIfNeeded();
    await setParam(page, 1, 0, 1);
    await setParam(page, 1, 1, 1);
    await setParam(page, 1, 2, -1.5);
    await setParam(page, 2, 1, -2);
    const shown = await readXor(page);
    const want = expectedXor('1 1; 1 1 | 1 -2', '-0.5 -1.5 | -0.5');
    assert.deepEqual(shown.rows, want.rows);
    assert.ok(shown.rows.every((r) => r[7] === '✓ pass'));
    assert.equal(shown.solved, true);
    assert.deepEqual(shown.output, [0, 1, 1, 0]);
    assert.match(shown.verdict, /All four rows pass: this network computes XOR/);
    await page.waitForFunction(() =>
      document
        .querySelector('nl-xor')
        .shadowRoot.querySelector('.sr-only[aria-live]')
        .textContent.includes('computes XOR'),
    );
    await page.waitForFunction(() => document.querySelector('nl-exercise[for="xor"]').solved === true);
    const status = await challenge.evaluate((el) => el.shadowRoot.textContent);
    assert.match(status, /Solved!/);
  });

  test('the slider is keyboard operable, and a wrong weight makes a row fail', async () => {
    const slider = page.locator('nl-xor').getByRole('slider', { name: 'Output neuron ŷ, bias b' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft'); // -0.5 -> -0.6: still XOR
    assert.equal(await page.locator('nl-xor #p-2-2').inputValue(), '-0.6');
    assert.equal((await readXor(page)).solved, true);
    await setParam(page, 2, 1, 0); // no AND veto: (1, 1) now says 1
    const shown = await readXor(page);
    assert.equal(shown.solved, false);
    assert.equal(shown.rows[3][7], '✗ fail');
    assert.deepEqual(shown.rows, expectedXor('1 1; 1 1 | 1 0', '-0.5 -1.5 | -0.6').rows);
    await setParam(page, 2, 1, 'abc');
    assert.equal(await page.locator('nl-xor #p-2-1').getAttribute('aria-invalid'), 'true');
    assert.equal((await readXor(page)).rows[3][7], '✗ fail', 'the last good result stays');
  });

  test('Copy as NumPy is a program that prints the same truth table', async () => {
    await setParam(page, 2, 1, -2);
    const program = await page.locator('nl-xor').evaluate((el) => el.numpy(el.state));
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const shown = await readXor(page);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines[0], 'x1 x2 h1 h2 z out target');
    shown.rows.forEach((r, i) => assert.equal(lines[i + 1], `${r.slice(0, 7).join(' ')} ${r[7].slice(2)}`));
    assert.equal(lines[5], `computes XOR: ${shown.solved ? 'True' : 'False'}`);
  });

  test('screenshots at 1280 and 375 px', async () => {
    const w = page.locator('nl-xor');
    await w.scrollIntoViewIfNeeded();
    await w.screenshot({ path: `${SHOTS}xor-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling at 375 px');
    await w.screenshot({ path: `${SHOTS}xor-375.png` });
  });
});

describe('lesson 6 and <nl-activation>', () => {
  let page;
  before(async () => {
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(`${server.url}06-activations.html`);
    await startWidgets(page, 'nl-activation');
  });
  after(() => page?.close());

  const readPlot = () =>
    page.locator('nl-activation').evaluate((el) => ({
      z: el.z,
      output: el.output,
      error: el.error,
      functions: el.getAttribute('functions').trim().split(/\s+/),
      caption: el.shadowRoot.querySelector('[part="readout"] caption').textContent,
      values: [...el.shadowRoot.querySelectorAll('[part="readout"] td')].map((td) => td.textContent),
      labels: [...el.shadowRoot.querySelectorAll('[part="readout"] th .name')].map((n) => n.textContent),
    }));

  function expectedAt(functions, z) {
    const ys = functions.map((name) => core.neuron({ inputs: [z], weights: [1], bias: 0, activation: name }).y);
    return { ys, text: core.formatFixed(ys, 3).split(' '), zText: core.formatFixed(z, 3) };
  }

  test('initial readout equals the core’s', async () => {
    const shown = await readPlot();
    assert.equal(shown.error, null);
    assert.equal(shown.z, 1);
    const want = expectedAt(shown.functions, shown.z);
    assert.deepEqual(shown.output, want.ys);
    assert.deepEqual(shown.values, want.text);
    assert.equal(shown.caption, `At z = ${want.zText}`);
    assert.ok(shown.labels.includes('leaky_relu (slope 0.01)'), 'the leaky slope is shown');
  });

  test('arrow keys move the probe and the readout follows the core', async () => {
    const plot = page.locator('nl-activation').getByRole('slider');
    await plot.focus();
    await page.keyboard.press('ArrowLeft');
    let shown = await readPlot();
    assert.equal(shown.z, 0.9);
    let want = expectedAt(shown.functions, shown.z);
    assert.deepEqual(shown.values, want.text);
    assert.deepEqual(shown.output, want.ys);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    shown = await readPlot();
    assert.equal(shown.z, -2.1);
    want = expectedAt(shown.functions, shown.z);
    assert.deepEqual(shown.values, want.text);
    assert.equal(shown.caption, 'At z = -2.100');
    await page.keyboard.press('Home');
    assert.equal((await readPlot()).z, -5);
    await page.keyboard.press('End');
    assert.equal((await readPlot()).z, 5);
  });

  test('the pointer moves the probe', async () => {
    const plot = page.locator('nl-activation').getByRole('slider');
    const box = await plot.boundingBox();
    // Half-way across the plotted area (left 42, right 14 of 480 units) is z = 0.
    await page.mouse.move(box.x + (box.width * (42 + (480 - 56) / 2)) / 480, box.y + box.height / 2);
    const shown = await readPlot();
    assert.equal(shown.z, 0);
    assert.deepEqual(shown.values, expectedAt(shown.functions, 0).text);
  });

  test('Copy as NumPy prints the readout', async () => {
    const program = await page.locator('nl-activation').evaluate((el) => el.numpy(el.state));
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const shown = await readPlot();
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines[0], `z ${shown.caption.replace('At z = ', '')}`);
    shown.functions.forEach((name, i) => assert.equal(lines[i + 1], `${name} ${shown.values[i]}`));
  });

  test('screenshots at 1280 and 375 px', async () => {
    await page.keyboard.press('Escape');
    const w = page.locator('nl-activation');
    await w.evaluate((el) => el.shadowRoot.querySelector('details').setAttribute('open', ''));
    await w.scrollIntoViewIfNeeded();
    await w.screenshot({ path: `${SHOTS}activation-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling at 375 px');
    await w.screenshot({ path: `${SHOTS}activation-375.png` });
  });
});

describe('bad attributes', () => {
  test('a message inside the widget, error set, z and output null; neighbours keep working', async () => {
    const page = watch(await browser.newPage({ viewport: { width: 900, height: 900 } }));
    await page.goto(`${server.url}05-xor.html`);
    const cases = [
      ['nl-xor', { weights: '1 1 | 1 -2', biases: '-0.5 -1.5 | -0.5' }, /hidden layer's weights must be 2×2/],
      ['nl-xor', { weights: '1 1; 1 1 | 1 -2', biases: '-0.5 | -0.5' }, /hidden layer needs 2 biases/],
      ['nl-xor', { weights: '<img src=x onerror=alert(1)>' }, /is not a number/],
      ['nl-activation', { functions: 'relu banana' }, /unknown activation/],
      ['nl-activation', { functions: 'softmax' }, /whole layer/],
      ['nl-activation', { range: '5 -5' }, /smaller first/],
    ];
    const results = await page.evaluate(
      async (list) => {
        const out = [];
        const good = document.createElement('nl-activation');
        document.body.prepend(good);
        for (const [tag, attrs] of list) {
          const el = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          document.body.prepend(el);
          await new Promise((resolve) => {
            const t = setInterval(() => {
              if (el.shadowRoot.querySelector('[part="base"]').dataset.phase === 'error') clearInterval(t) || resolve();
            }, 20);
          });
          out.push({
            error: el.error,
            z: el.z,
            output: el.output,
            solved: el.solved,
            shown: el.shadowRoot.querySelector('[part="error"]').textContent,
            img: el.shadowRoot.querySelector('img') !== null,
          });
          el.remove();
        }
        out.push({ neighbour: good.error, z: good.z });
        return out;
      },
      cases.map(([tag, attrs]) => [tag, attrs]),
    );
    cases.forEach(([tag, , message], i) => {
      const r = results[i];
      assert.match(r.error, message, tag);
      assert.equal(r.shown.includes(r.error), true);
      assert.equal(r.z, null);
      assert.equal(r.output, null);
      assert.equal(r.img, false);
      if (tag === 'nl-xor') assert.equal(r.solved, false);
    });
    assert.deepEqual(results.at(-1), { neighbour: null, z: 1 });
    await page.close();
  });

  test('no console errors on any page opened', () => {
    assert.deepEqual(problems, []);
  });
});
