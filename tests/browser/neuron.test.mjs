// Lesson 1 in headless Chromium, served with the site's CSP: the <nl-neuron>
// widgets must show exactly what the core computes (the expected values come
// from the same wasm core loaded in Node, never typed in here), follow slider
// and typed edits, keep the last result on a bad edit, and survive bad attributes.
// Screenshots go to test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { loadCore } from '../../web/src/core/core.js';

const ROOT = new URL('../../', import.meta.url);
const LESSON = '01-neuron.html';
const SHOTS = fileURLToPath(new URL('test-results/', ROOT));
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Numbers of an attribute, as the embed contract defines them. */
const numbers = (text) => text.trim().split(/[\s,]+/).map(Number);

let core;
let server;
let browser;
let page;
const problems = []; // console errors and uncaught page errors, from every page opened

function watch(p) {
  p.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  p.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return p;
}

/** What the core says a neuron shows: float64 results and their 3-decimal text. */
function expected(params) {
  const r = core.neuron(params);
  const f = (v) => core.formatFixed(v, 3);
  const term = (s) => (s.startsWith('-') ? `(${s})` : s);
  const n = params.inputs.length;
  const xs = params.inputs.map(f);
  const ws = params.weights.map(f);
  const ps = Array.from(r.products, f);
  const b = f(params.bias);
  const name = core.parseActivation(params.activation);
  return {
    z: r.z,
    y: r.y,
    zText: f(r.z),
    yText: f(r.y),
    lines: [
      `z = ${xs.map((x, i) => `(${x} × ${ws[i]})`).join(' + ')} + ${term(b)}`,
      `= ${[ps[0], ...ps.slice(1, n).map(term), term(b)].join(' + ')}`,
      `= ${f(r.z)}`,
      `y = ${name}(${f(r.z)}) = ${f(r.y)}`,
    ],
  };
}

/** Everything the i-th widget shows and exposes. */
function readWidget(i) {
  return page.evaluate((index) => {
    const el = document.querySelectorAll('nl-neuron')[index];
    const root = el.shadowRoot;
    return {
      z: el.z,
      output: el.output,
      error: el.error,
      attrs: {
        inputs: el.getAttribute('inputs'),
        weights: el.getAttribute('weights'),
        bias: el.getAttribute('bias'),
        activation: el.getAttribute('activation'),
      },
      zText: root.querySelector('[part="z"]').textContent,
      yText: root.querySelector('[part="y"]').textContent,
      lines: [...root.querySelectorAll('[part="steps"] .line')].map((l) => l.textContent),
      errorText: root.querySelector('[part="error"]').hidden ? null : root.querySelector('[part="error"]').textContent,
    };
  }, i);
}

function assertShows(shown, want) {
  assert.equal(shown.error, null);
  assert.equal(shown.zText, want.zText);
  assert.equal(shown.yText, want.yText);
  assert.equal(shown.z, want.z, 'z property equals the core float64 result');
  assert.equal(shown.output, want.y, 'output property equals the core float64 result');
  assert.deepEqual(shown.lines, want.lines);
}

const widget = () => page.locator('nl-neuron').first();

describe('lesson 1 and <nl-neuron>', () => {
  before(async () => {
    if (!existsSync(new URL(`dist/${LESSON}`, ROOT))) throw new Error(`dist/${LESSON} is missing: run npm run build`);
    core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
    server = await startServer({ port: 0, root: fileURLToPath(new URL('dist/', ROOT)) });
    browser = await chromium.launch(LAUNCH);
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(server.url + LESSON);
    await page.waitForFunction(() => [...document.querySelectorAll('nl-neuron')].every((el) => typeof el.z === 'number'));
    // Count nl-change events on the first widget from here on.
    await page.evaluate(() => {
      window.nlChanges = 0;
      document.addEventListener('nl-change', () => window.nlChanges++);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the page is served with the strict CSP', async () => {
    const res = await page.request.get(server.url + LESSON);
    assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    const wasm = await page.request.get(`${server.url}nl_core.wasm`);
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
  });

  test('every widget shows what the core computes for its attributes', async () => {
    const count = await page.locator('nl-neuron').count();
    assert.ok(count >= 2, `lesson 1 has at least two neurons (found ${count})`);
    for (let i = 0; i < count; i++) {
      const shown = await readWidget(i);
      const params = {
        inputs: numbers(shown.attrs.inputs),
        weights: numbers(shown.attrs.weights),
        bias: Number(shown.attrs.bias),
        activation: shown.attrs.activation,
      };
      assertShows(shown, expected(params));
    }
  });

  test('ArrowRight on the first weight slider moves it and updates z and y', async () => {
    const before = await readWidget(0);
    const slider = widget().getByRole('slider', { name: 'w₁ (weight 1)' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const value = await slider.inputValue();
    assert.notEqual(Number(value), numbers(before.attrs.weights)[0], 'the slider moved');
    assert.equal(await widget().getByRole('textbox', { name: 'w₁ (weight 1), exact value' }).inputValue(), value);
    const weights = numbers(before.attrs.weights);
    weights[0] = Number(value);
    const params = { inputs: numbers(before.attrs.inputs), weights, bias: Number(before.attrs.bias), activation: before.attrs.activation };
    const want = expected(params);
    assertShows(await readWidget(0), want);
    assert.ok((await page.evaluate(() => window.nlChanges)) >= 1, 'nl-change fired');
    // Screen readers hear the new result once the reader pauses.
    const live = widget().locator('[aria-live="polite"]');
    await page.waitForFunction(
      (text) => document.querySelector('nl-neuron').shadowRoot.querySelector('[aria-live]').textContent === text,
      `z = ${want.zText}, y = ${want.yText}`,
    );
    assert.equal(await live.count(), 1);
  });

  test('typing into a number field updates the result and moves the slider', async () => {
    const field = widget().getByRole('textbox', { name: 'x₂ (input 2), exact value' });
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.25');
    assert.equal(await widget().getByRole('slider', { name: 'x₂ (input 2)' }).inputValue(), '1.25');
    const attrs = (await readWidget(0)).attrs;
    const inputs = numbers(attrs.inputs);
    inputs[1] = 1.25;
    const weights = numbers(attrs.weights);
    weights[0] = Number(await widget().getByRole('slider', { name: 'w₁ (weight 1)' }).inputValue());
    const params = { inputs, weights, bias: Number(attrs.bias), activation: attrs.activation };
    assertShows(await readWidget(0), expected(params));
  });

  test('a bad typed value marks the field and keeps the last good result', async () => {
    const good = await readWidget(0);
    const field = widget().getByRole('textbox', { name: 'b (bias), exact value' });
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.1x');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.ok(await widget().locator('.field-note').isVisible(), 'the field note explains the problem');
    const now = await readWidget(0);
    assert.equal(now.zText, good.zText);
    assert.equal(now.yText, good.yText);
    assert.equal(now.z, good.z);
    assert.equal(now.output, good.output);
    assert.equal(now.error, null, 'a reader typo is not an attribute error');
    await page.keyboard.press('Escape');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    assert.equal(await field.inputValue(), good.attrs.bias);
  });

  test('the activation menu switches to sigmoid', async () => {
    const before = await readWidget(0);
    await widget().getByRole('combobox', { name: 'activation' }).selectOption('sigmoid');
    const inputs = numbers(before.attrs.inputs);
    inputs[1] = 1.25;
    const weights = numbers(before.attrs.weights);
    weights[0] = Number(await widget().getByRole('slider', { name: 'w₁ (weight 1)' }).inputValue());
    const params = { inputs, weights, bias: Number(before.attrs.bias), activation: 'sigmoid' };
    const want = expected(params);
    assertShows(await readWidget(0), want);
    assert.equal(before.zText, want.zText, 'z does not depend on the activation');
  });

  test('screenshots at 1280 px, and the widget in dark mode', async () => {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}neuron-1280.png`, fullPage: true });
    await widget().screenshot({ path: `${SHOTS}neuron-widget-1280.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await widget().screenshot({ path: `${SHOTS}neuron-widget-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('bad attributes show a message, null results, and never throw', async () => {
    const cases = [
      { attr: 'weights', value: '1 2', message: /3 inputs but 2 weights/ },
      { attr: 'inputs', value: '0.5 <img src=x onerror=alert(1)> 0.7', message: /<img/ },
      { attr: 'bias', value: 'NaN', message: /bias/ },
      { attr: 'activation', value: 'banana', message: /banana/ },
    ];
    for (const c of cases) {
      const original = await widget().getAttribute(c.attr);
      const changes = await page.evaluate(() => window.nlChanges);
      await widget().evaluate((el, { attr, value }) => el.setAttribute(attr, value), c);
      await page.waitForFunction(() => document.querySelector('nl-neuron').error !== null);
      const shown = await readWidget(0);
      assert.match(shown.errorText, c.message);
      assert.equal(shown.error, shown.errorText);
      assert.equal(shown.z, null);
      assert.equal(shown.output, null);
      assert.equal(await widget().locator('img').count(), 0, 'attribute text never becomes HTML');
      assert.ok((await page.evaluate(() => window.nlChanges)) > changes, 'nl-change fired');
      await widget().evaluate((el, { attr, value }) => el.setAttribute(attr, value), { attr: c.attr, value: original });
      await page.waitForFunction(() => document.querySelector('nl-neuron').error === null);
    }
    // Restored attributes show the attribute values again; the other widgets never noticed.
    const shown = await readWidget(0);
    const { attrs } = shown;
    const params = { inputs: numbers(attrs.inputs), weights: numbers(attrs.weights), bias: Number(attrs.bias), activation: attrs.activation };
    assertShows(shown, expected(params));
    assert.equal((await readWidget(1)).error, null);
  });

  test('at 375 px the page fits the screen', async () => {
    const narrow = watch(await browser.newPage({ viewport: { width: 375, height: 812 } }));
    await narrow.goto(server.url + LESSON);
    await narrow.waitForFunction(() => typeof document.querySelector('nl-neuron').z === 'number');
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (page is ${overflow}px too wide)`);
    await narrow.screenshot({ path: `${SHOTS}neuron-375.png`, fullPage: true });
    await narrow.locator('nl-neuron').first().screenshot({ path: `${SHOTS}neuron-widget-375.png` });
    await narrow.close();
  });

  test('without JavaScript the lesson still reads: formulas typeset, widget fallback text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const plain = watch(await context.newPage());
    await plain.goto(server.url + LESSON);
    assert.ok((await plain.locator('.katex').count()) > 5, 'formulas are typeset at build time');
    assert.ok(await plain.getByText('Interactive neuron: inputs 0.5, -0.3, 0.7').isVisible());
    await plain.screenshot({ path: `${SHOTS}neuron-nojs-1280.png` });
    await context.close();
  });

  test('no console errors and no uncaught page errors', () => {
    assert.deepEqual(problems, []);
  });
});
