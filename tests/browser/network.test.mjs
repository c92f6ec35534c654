// <nl-network> on lesson 4 and <nl-boundary> on lesson 7, in headless Chromium
// under the site's CSP. Expected numbers come from the same wasm core loaded in
// Node, and lesson 4's seeded network is also checked against real NumPy. Then
// edits (typed, pasted, arrow keys, re-seed, slider drags, the map's keys and
// pointer), bad attributes, Copy as NumPy run by /usr/bin/python3, and
// screenshots at 1280 and 375 px into test-results/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, SHOTS, openSite, servePage, watch as watchInto } from './harness.mjs';

let core;
let site;
const problems = [];
const watch = (p) => watchInto(p, problems);

const SEEDED = { sizes: [4, 5, 1], activations: ['relu', 'sigmoid'], scale: 0.5 };
const X = [0.6, 0.1, 0.9, 0.4];

/** Nested arrays of a core matrix's rows, or one row for one sample. */
const rows = (m) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

/** What the core says every layer of a network is: [{ z, a }] as the widget's property holds them. */
function expectedLayers(inputs, layers, batch = false) {
  return core
    .network({ inputs, layers })
    .map((r) => ({ z: batch ? rows(r.z) : Array.from(r.z.data), a: batch ? rows(r.a) : Array.from(r.a.data) }));
}

/** The Z and A tables of an nl-network: [[label, ...cells]] per layer. */
function readTables(locator) {
  return locator.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table.values')].map((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    ),
  );
}

/** The tables the widget must show for these layers (3 decimals by the core). */
function expectedTables(layers, batch) {
  const f = (v) => core.formatFixed(v, 3);
  return layers.map((l, k) => {
    const zs = batch ? l.z : [l.z];
    const as = batch ? l.a : [l.a];
    const out = [];
    zs.forEach((z, s) => {
      const tag = `${layers.length > 1 ? k + 1 : ''}${batch ? ` [${s + 1}]` : ''}`;
      out.push([`Z${tag}`, ...z.map(f)], [`A${tag}`, ...as[s].map(f)]);
    });
    return out;
  });
}

/** Scrolls one widget into view (it starts lazily) and waits for its result or error. */
async function startOne(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (el) =>
      new Promise((resolve) => {
        const done = () => el.error !== null || el.output !== null;
        if (done()) return resolve();
        el.addEventListener('nl-change', () => done() && resolve());
      }),
  );
}

before(async () => {
  for (const page of ['04-network.html', '07-decision-boundaries.html']) {
    if (!existsSync(new URL(`dist/${page}`, ROOT))) throw new Error(`dist/${page} is missing: run npm run build`);
  }
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
});

after(async () => {
  await site?.close();
});

describe('lesson 4: <nl-network>', () => {
  let page;
  const w = () => page.locator('nl-network#network-seeded');

  before(async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.url.replace(/\/$/, ''),
    });
    page = watch(await context.newPage());
    await page.goto(`${site.server.url}04-network.html`);
    await startOne(w());
  });

  after(async () => {
    await page?.context().close();
  });

  test("initial values are the core's, and lesson 4's NumPy numbers", async () => {
    const layers = core.seededLayers({ ...SEEDED, seed: 0 });
    const want = expectedLayers(X, layers);
    const shown = await w().evaluate((el) => ({ layers: el.layers, z: el.z, output: el.output, error: el.error }));
    assert.equal(shown.error, null);
    assert.deepEqual(shown.layers, want);
    assert.deepEqual(shown.output, want[1].a);
    assert.deepEqual(shown.z, want[1].z);
    assert.deepEqual(await readTables(w()), expectedTables(want, false));
    assert.equal(core.formatFixed(shown.layers[0].a, 2), '0.61 1.12 0.59 0.78 0.61');
    assert.equal(core.formatFixed(shown.output, 2), '0.56');
    // The same network in real NumPy, as the lesson's program writes it.
    const program = `import numpy as np
np.random.seed(0)
x = np.array([0.6, 0.1, 0.9, 0.4])
W1 = np.random.randn(4, 5) * 0.5; b1 = np.zeros(5)
h = np.maximum(0, x @ W1 + b1)
W2 = np.random.randn(5, 1) * 0.5; b2 = np.zeros(1)
out = 1 / (1 + np.exp(-(h @ W2 + b2)))
print(h.round(2), out.round(2))
print(" ".join(repr(float(v)) for v in list(h) + list(out)))`;
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [printed, exact] = run.stdout.trim().split('\n');
    assert.equal(printed, '[0.61 1.12 0.59 0.78 0.61] [0.56]');
    const numpy = exact.split(' ').map(Number);
    [...shown.layers[0].a, ...shown.output].forEach((v, i) =>
      assert.ok(Math.abs(v - numpy[i]) <= 1e-15 * Math.max(1, Math.abs(v)), `value ${i}: ${v} vs NumPy ${numpy[i]}`),
    );
    const count = await w().locator('[part="count"]').textContent();
    assert.equal(count, core.formatFixed(core.parameterCount([4, 5, 1]), 0));
    assert.equal(await w().locator('.formula').textContent(), '4×5 + 5 + 5×1 + 1 = 31');
  });

  test("typing a weight changes every downstream Z and A to the core's values", async () => {
    await w().getByRole('combobox', { name: 'Layer' }).selectOption('0');
    const cell = w().getByRole('textbox', { name: 'weight from x₁ to h₂' });
    await cell.fill('-1.5');
    const layers = core.seededLayers({ ...SEEDED, seed: 0 });
    layers[0].weights.data[1] = -1.5; // row x₁, column h₂ (cols layout)
    const want = expectedLayers(X, layers);
    assert.deepEqual(await w().evaluate((el) => el.layers), want);
    assert.deepEqual(await readTables(w()), expectedTables(want, false));
    // An input edit goes through as well.
    await w().getByRole('textbox', { name: 'input x₃' }).fill('0.25');
    const want2 = expectedLayers([0.6, 0.1, 0.25, 0.4], layers);
    assert.deepEqual(await w().evaluate((el) => el.layers), want2);
  });

  test('keyboard: typing in a focused cell, arrow keys between cells, Escape undoes a bad value', async () => {
    const cell = w().getByRole('textbox', { name: 'input x₁' });
    await cell.focus();
    await page.keyboard.type('0.7'); // the cell's text is selected on focus
    const layers = core.seededLayers({ ...SEEDED, seed: 0 });
    layers[0].weights.data[1] = -1.5;
    assert.deepEqual(await w().evaluate((el) => el.layers), expectedLayers([0.7, 0.1, 0.25, 0.4], layers));
    await page.keyboard.press('ArrowRight');
    const focused = () =>
      page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.getAttribute('aria-label'));
    assert.equal(await focused(), 'input x₂');
    const good = await w().evaluate((el) => el.output);
    await page.keyboard.type('x');
    assert.equal(await w().getByRole('textbox', { name: 'input x₂' }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await w().evaluate((el) => el.output), good, 'the last good result stays');
    await page.keyboard.press('Escape');
    assert.equal(await w().getByRole('textbox', { name: 'input x₂' }).getAttribute('aria-invalid'), null);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input x₃');
  });

  test('pasting a NumPy literal into a cell fills the grid; Re-seed draws the next seed', async () => {
    await w()
      .getByRole('textbox', { name: 'input x₁' })
      .evaluate((field) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'np.array([1., 0., 0., 1.])');
        field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
    const inputs = [1, 0, 0, 1];
    assert.deepEqual(await w().evaluate((el) => el.state.inputs), [inputs]);
    await w().getByRole('button', { name: 'Re-seed' }).click();
    const layers = core.seededLayers({ ...SEEDED, seed: 1 });
    const want = expectedLayers(inputs, layers);
    assert.deepEqual(await w().evaluate((el) => el.layers), want);
    assert.deepEqual(await readTables(w()), expectedTables(want, false));
    assert.equal(await w().evaluate((el) => el.stateAttributes(el.state).seed), '1');
  });

  test('a batch of inputs: one Z and A row per sample, as the core computes them', async () => {
    await w().evaluate((el) => el.setAttribute('inputs', '0.6 0.1 0.9 0.4; 1 2 3 4'));
    await page.waitForFunction(() => Array.isArray(document.getElementById('network-seeded').output[0]));
    const want = expectedLayers([X, [1, 2, 3, 4]], core.seededLayers({ ...SEEDED, seed: 0 }), true);
    assert.deepEqual(await w().evaluate((el) => el.layers), want);
    assert.deepEqual(await readTables(w()), expectedTables(want, true));
    await w().evaluate((el) => el.setAttribute('inputs', '0.6 0.1 0.9 0.4'));
    await page.waitForFunction(() => !Array.isArray(document.getElementById('network-seeded').output[0]));
  });

  test('Copy as NumPy is a program that prints what the widget shows', async () => {
    await w().getByRole('button', { name: 'Share' }).click();
    await w().getByRole('button', { name: 'Copy as NumPy' }).click();
    const program = await page.evaluate(() => navigator.clipboard.readText());
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const tables = await readTables(w());
    const shown = [];
    tables.forEach((t, k) =>
      t.forEach(([label, ...cells]) => shown.push(`layer ${k + 1} ${label[0]} ${cells.join(' ')}`)),
    );
    const printed = run.stdout.trim().split('\n');
    // Printed per layer: every Z row, then every A row; the widget interleaves them per sample.
    assert.deepEqual([...printed.slice(0, -1)].sort(), shown.sort());
    assert.equal(printed.at(-1), 'parameters 31');
  });

  test("Reset brings back the page's values", async () => {
    await w().getByRole('button', { name: 'Reset' }).click();
    assert.deepEqual(
      await w().evaluate((el) => el.layers),
      expectedLayers(X, core.seededLayers({ ...SEEDED, seed: 0 })),
    );
  });

  test('bad attributes: a message inside, error set, results null; restored afterwards', async () => {
    for (const [attr, value, message] of [
      ['activations', 'relu banana', /banana/],
      ['sizes', '4 5 <b>1</b>', /sizes/],
      ['inputs', '1 2 3', /3 numbers per sample/],
      ['seed', '-1', /seed/],
    ]) {
      const original = await w().getAttribute(attr);
      await w().evaluate((el, [a, v]) => el.setAttribute(a, v), [attr, value]);
      await page.waitForFunction(() => document.getElementById('network-seeded').error !== null);
      const shown = await w().evaluate((el) => ({
        error: el.error,
        z: el.z,
        output: el.output,
        layers: el.layers,
        text: el.shadowRoot.querySelector('[part="error"]').textContent,
      }));
      assert.match(shown.error, message);
      assert.equal(shown.text, shown.error);
      assert.equal(shown.z, null);
      assert.equal(shown.output, null);
      assert.equal(shown.layers, null);
      assert.equal(await w().locator('b').count(), 0);
      await w().evaluate((el, [a, v]) => el.setAttribute(a, v), [attr, original]);
      await page.waitForFunction(() => document.getElementById('network-seeded').error === null);
    }
  });

  test('screenshots at 1280 and 375 px; the widget fits at 375 px', async () => {
    await mkdir(SHOTS, { recursive: true });
    await w().screenshot({ path: `${SHOTS}network-widget-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await w().scrollIntoViewIfNeeded();
    await w().screenshot({ path: `${SHOTS}network-widget-375.png` });
    // The widget fits the screen and nothing inside it pushes out sideways.
    const fit = await w().evaluate((el) => {
      const body = el.shadowRoot.querySelector('[part="base"]');
      return { right: el.getBoundingClientRect().right, inner: innerWidth, spill: body.scrollWidth - body.clientWidth };
    });
    assert.ok(fit.right <= fit.inner, `the widget ends at ${fit.right}px of ${fit.inner}`);
    assert.ok(fit.spill <= 0, `its content is ${fit.spill}px too wide`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await w().screenshot({ path: `${SHOTS}network-widget-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('lesson 7: <nl-boundary>', () => {
  let page;
  const w = () => page.locator('nl-boundary#boundary-xor');
  const XOR = () => [
    {
      weights: [
        [10, 10],
        [10, 10],
      ],
      biases: [-5, -15],
      activation: 'sigmoid',
      layout: 'rows',
    },
    { weights: [[10, -20]], biases: [-5], activation: 'sigmoid', layout: 'rows' },
  ];
  const pixels = () =>
    w().evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) >>> 0;
      return { h, w: c.width };
    });

  before(async () => {
    page = watch(await site.browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(`${site.server.url}07-decision-boundaries.html`);
    await startOne(w());
  });

  after(async () => {
    await page?.close();
  });

  test("initial values are the core's; the map is drawn at 200×200", async () => {
    const want = expectedLayers([1, 0], XOR());
    const shown = await w().evaluate((el) => ({ layers: el.layers, output: el.output, error: el.error }));
    assert.equal(shown.error, null);
    assert.deepEqual(shown.layers, want);
    assert.deepEqual(shown.output, want[1].a);
    assert.equal((await pixels()).w, 200);
    const readout = await w().locator('[part="readout"]').textContent();
    assert.equal(readout, `Marked point (1.000, 0.000): output ${core.formatFixed(want[1].a[0], 3)}`);
    // The table alternative holds the core's values.
    const cell = await w().locator('table.values tbody tr').first().locator('td').first().textContent();
    assert.equal(cell, core.formatFixed(core.network({ inputs: [-0.5, 1.5], layers: XOR() })[1].a.data[0], 3));
  });

  test("dragging a slider redraws the map; the hover readout is the core's float64 value", async () => {
    const before = await pixels();
    const slider = w().getByRole('slider', { name: /layer 2 weight from input 2 to neuron 1/ });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('boundary-xor').layers[1].z[0] !== undefined);
    const layers = XOR();
    const value = Number(await slider.inputValue());
    assert.notEqual(value, -20);
    layers[1].weights[0][1] = value;
    await page.waitForFunction(
      (v) => document.getElementById('boundary-xor').state.layers[1].weights[0][1] === v,
      value,
    );
    assert.deepEqual(await w().evaluate((el) => el.layers), expectedLayers([1, 0], layers));
    assert.notEqual((await pixels()).h, before.h, 'the canvas changed');
    // Drag the slider with the mouse too.
    const box = await slider.boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(50);
    const dragged = await w().evaluate((el) => el.state.layers[1].weights[0][1]);
    assert.ok(dragged > value, `dragging right raised the weight (${dragged})`);
    // Hover.
    const map = await w().locator('canvas').boundingBox();
    await page.mouse.move(map.x + map.width * 0.3, map.y + map.height * 0.6);
    await page.waitForFunction(
      () => document.getElementById('boundary-xor').shadowRoot.querySelector('.hover').dataset.x !== undefined,
    );
    const hover = await w()
      .locator('.hover')
      .evaluate((p) => ({ text: p.textContent, x: Number(p.dataset.x), y: Number(p.dataset.y) }));
    const now = await w().evaluate((el) => el.state.layers);
    const out = core.network({ inputs: [hover.x, hover.y], layers: now })[1].a.data[0];
    assert.equal(
      hover.text,
      `Pointer (${core.formatFixed(hover.x, 3)}, ${core.formatFixed(hover.y, 3)}): output ${core.formatFixed(out, 3)}`,
    );
  });

  test('keyboard: arrow keys on the map move the marked point', async () => {
    await w().locator('[part="map"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    const state = await w().evaluate((el) => ({
      inputs: el.state.inputs[0],
      layers: el.state.layers,
      output: el.output,
    }));
    assert.deepEqual(state.inputs, [0.9, 0.1]);
    assert.deepEqual(state.output, expectedLayers([0.9, 0.1], state.layers)[1].a);
  });

  test('bad attributes: message and null results; an absurd resolution is clamped with a note', async () => {
    await w().evaluate((el) => el.setAttribute('resolution', '99999'));
    await page.waitForFunction(
      () => document.getElementById('boundary-xor').shadowRoot.querySelector('.notice').hidden === false,
    );
    assert.equal((await pixels()).w, 2048);
    assert.match(await w().locator('.notice').textContent(), /99999.*2048/);
    await w().evaluate((el) => el.setAttribute('resolution', '200'));
    for (const [attr, value, message] of [
      ['extent', '1 0 0 1', /xmin < xmax/],
      ['weights', '1 2 3', /weights|inputs|neurons/],
      ['inputs', '1 2 3', /3 numbers/],
    ]) {
      const original = await w().getAttribute(attr);
      await w().evaluate((el, [a, v]) => el.setAttribute(a, v), [attr, value]);
      await page.waitForFunction(() => document.getElementById('boundary-xor').error !== null);
      const shown = await w().evaluate((el) => ({ error: el.error, output: el.output, z: el.z }));
      assert.match(shown.error, message);
      assert.equal(shown.output, null);
      assert.equal(shown.z, null);
      await w().evaluate((el, [a, v]) => el.setAttribute(a, v), [attr, original]);
      await page.waitForFunction(() => document.getElementById('boundary-xor').error === null);
    }
  });

  test('screenshots at 1280 and 375 px; the widget fits at 375 px', async () => {
    await mkdir(SHOTS, { recursive: true });
    await w().screenshot({ path: `${SHOTS}boundary-widget-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await w().scrollIntoViewIfNeeded();
    await w().screenshot({ path: `${SHOTS}boundary-widget-375.png` });
    // The widget fits the screen and nothing inside it pushes out sideways.
    const fit = await w().evaluate((el) => {
      const body = el.shadowRoot.querySelector('[part="base"]');
      return { right: el.getBoundingClientRect().right, inner: innerWidth, spill: body.scrollWidth - body.clientWidth };
    });
    assert.ok(fit.right <= fit.inner, `the widget ends at ${fit.right}px of ${fit.inner}`);
    assert.ok(fit.spill <= 0, `its content is ${fit.spill}px too wide`);
  });
});

describe('a test page: <nl-boundary> with sample points, Copy as NumPy, SVG download', () => {
  test('points drawn, NumPy program prints what the widget shows, SVG embeds the map', async () => {
    const context = await site.browser.newContext({ viewport: { width: 900, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.url.replace(/\/$/, ''),
    });
    const url = `${site.server.url}test/boundary.html`;
    await servePage(
      context,
      url,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>boundary</title>
<script type="module" src="../embed.js"></script></head><body>
<nl-boundary id="b" sizes="2 2 1" layout="cols" weights="1 1; 1 1 | 1; -2" biases="-0.5 -1.5 | -0.2" activations="relu sigmoid" inputs="0 1" extent="-0.5 1.5 -0.5 1.5" resolution="120" points="0 0 0; 0 1 1; 1 0 1; 1 1 0"></nl-boundary>
</body></html>`,
    );
    const p = watch(await context.newPage());
    await p.goto(url);
    await p.waitForFunction(() => Array.isArray(document.getElementById('b').output));
    const b = p.locator('#b');
    assert.equal(await b.locator('.pt.one').count(), 2);
    assert.equal(await b.locator('.pt.zero').count(), 2);
    await b.getByRole('button', { name: 'Share' }).click();
    await b.getByRole('button', { name: 'Copy as NumPy' }).click();
    const program = await p.evaluate(() => navigator.clipboard.readText());
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const readout = await b.locator('[part="readout"]').textContent();
    assert.equal(
      lines[0],
      `output at ${readout
        .match(/\(([^,]+), ([^)]+)\)/)
        .slice(1)
        .join(' ')} ${readout.split('output ')[1]}`,
    );
    const table = await b
      .locator('table.values tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent).join(' ')));
    assert.deepEqual(lines.slice(1), table);
    await b.getByRole('button', { name: 'Share' }).click();
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      b.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const svg = await readFile(await download.path(), 'utf8');
    assert.match(svg, /<image[^>]+href="data:image\/png;base64,/);
    assert.equal(
      await b.locator('image').evaluate((i) => i.getAttribute('href')),
      null,
      'the live overlay keeps no copy',
    );
    await context.close();
  });
});

test('no console errors and no uncaught page errors', () => {
  assert.deepEqual(problems, []);
});
