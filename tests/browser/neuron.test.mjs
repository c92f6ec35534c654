// Lesson 1 in headless Chromium, served with the site's CSP: the <nl-neuron>
// widgets must show exactly what the core computes (the expected values come
// from the same wasm core loaded in Node, never typed in here), follow slider
// and typed edits, keep the last result on a bad edit, and survive bad attributes.
// Then what every widget gets from NlWidget (base.js), tried on <nl-neuron> in
// pages built for the purpose: Reset, Copy link and its restore after a reload,
// Copy embed code, Copy as NumPy (run by real NumPy), Copy as JSON, the SVG and
// PNG downloads, the Share menu by keyboard, the lazy start, a core that fails
// to load. Screenshots go to test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, SHOTS, openSite, phaseOf, servePage, startWidgets, watch as watchInto } from './harness.mjs';

const LESSON = '01-neuron.html';

/** Numbers of an attribute, as the embed contract defines them. */
const numbers = (text) =>
  text
    .trim()
    .split(/[\s,]+/)
    .map(Number);

let core;
let site;
let server;
let browser;
let page;
const problems = []; // console errors and uncaught page errors, from every page opened
const watch = (p) => watchInto(p, problems);

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

before(async () => {
  if (!existsSync(new URL(`dist/${LESSON}`, ROOT))) throw new Error(`dist/${LESSON} is missing: run npm run build`);
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
  ({ server, browser } = site);
});

after(async () => {
  await site?.close();
});

describe('lesson 1 and <nl-neuron>', () => {
  before(async () => {
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(server.url + LESSON);
    await startWidgets(page, 'nl-neuron');
    // Count nl-change events on the first widget from here on.
    await page.evaluate(() => {
      window.nlChanges = 0;
      document.addEventListener('nl-change', () => window.nlChanges++);
    });
  });

  after(async () => {
    await page?.close();
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
    const params = {
      inputs: numbers(before.attrs.inputs),
      weights,
      bias: Number(before.attrs.bias),
      activation: before.attrs.activation,
    };
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
    const params = {
      inputs: numbers(attrs.inputs),
      weights: numbers(attrs.weights),
      bias: Number(attrs.bias),
      activation: attrs.activation,
    };
    assertShows(shown, expected(params));
    assert.equal((await readWidget(1)).error, null);
  });

  test('at 375 px the page fits the screen', async () => {
    const narrow = watch(await browser.newPage({ viewport: { width: 375, height: 812 } }));
    await narrow.goto(server.url + LESSON);
    await startWidgets(narrow, 'nl-neuron');
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (page is ${overflow}px too wide)`);
    await narrow.screenshot({ path: `${SHOTS}neuron-375.png`, fullPage: true });
    await narrow
      .locator('nl-neuron')
      .first()
      .screenshot({ path: `${SHOTS}neuron-widget-375.png` });
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
});

// A page of our own: two neurons with ids, one without, one far below the fold.
const FIXTURE = 'test/widgets.html';
const N1 = { inputs: '0.5 -0.3 0.7', weights: '0.5 -0.3 0.8', bias: '0.1', activation: 'relu' };
const fixtureHtml = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>NlWidget test page</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="../embed.js"></script></head>
<body style="margin: 0 auto; max-width: 760px; padding: 8px 16px; font-family: sans-serif">
${body}
</body></html>`;
const FIXTURE_BODY = `
<nl-neuron id="n1" inputs="${N1.inputs}" weights="${N1.weights}" bias="${N1.bias}" activation="${N1.activation}"></nl-neuron>
<nl-neuron id="n2" inputs="1 2" weights="0.5 0.25" bias="0" activation="identity"></nl-neuron>
<nl-neuron class="anonymous" inputs="1" weights="1"></nl-neuron>
<div style="height: 6000px"></div>
<nl-neuron id="far" inputs="1 2" weights="3 4" bias="0.5" activation="identity"><p class="fallback-text">A neuron: 1×3 + 2×4 + 0.5.</p></nl-neuron>`;

describe('NlWidget features, on <nl-neuron>', () => {
  let context;
  let fx; // the fixture page
  const byId = (id) => fx.locator(`nl-neuron#${id}`);
  const params = (a) => ({
    inputs: numbers(a.inputs),
    weights: numbers(a.weights),
    bias: Number(a.bias),
    activation: a.activation,
  });

  /** Opens the Share menu of a widget and picks an item. */
  async function share(widget, item) {
    await widget.getByRole('button', { name: 'Share' }).click();
    await widget.getByRole('button', { name: item }).click();
  }

  async function clipboard() {
    return fx.evaluate(() => navigator.clipboard.readText());
  }

  async function typeInto(widget, label, text) {
    const field = widget.getByRole('textbox', { name: label });
    await field.fill(text);
  }

  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await servePage(context, server.url + FIXTURE, fixtureHtml(FIXTURE_BODY));
    fx = watch(await context.newPage());
    await fx.goto(server.url + FIXTURE);
    await fx.waitForFunction(() => ['n1', 'n2'].every((id) => typeof document.getElementById(id).z === 'number'));
  });

  after(async () => {
    await context?.close();
  });

  test('lazy start: a widget far below the fold does nothing until it comes near', async () => {
    const far = byId('far');
    assert.equal(await phaseOf(far), 'idle');
    await fx.waitForTimeout(400);
    assert.equal(await phaseOf(far), 'idle', 'still idle while out of view');
    assert.equal(await far.evaluate((el) => el.z), null);
    assert.equal(
      await far.evaluate((el) => el.shadowRoot.querySelector('[part="body"]').childElementCount),
      0,
      'nothing built yet',
    );
    assert.ok(await fx.getByText('A neuron: 1×3 + 2×4 + 0.5.').isVisible(), 'its own content shows until it starts');
    await far.scrollIntoViewIfNeeded();
    await fx.waitForFunction(() => typeof document.getElementById('far').z === 'number');
    assert.equal(await phaseOf(far), 'ready');
    assert.equal(
      await far.evaluate((el) => el.z),
      core.neuron(params({ inputs: '1 2', weights: '3 4', bias: '0.5', activation: 'identity' })).z,
    );
    assert.ok(!(await fx.getByText('A neuron: 1×3 + 2×4 + 0.5.').isVisible()), 'the live widget replaces it');
    await fx.evaluate(() => window.scrollTo(0, 0));
  });

  test("Reset puts back the page's values after edits", async () => {
    const w = byId('n1');
    await typeInto(w, 'b (bias), exact value', '0.9');
    await w.getByRole('combobox', { name: 'activation' }).selectOption('tanh');
    const edited = { ...params(N1), bias: 0.9, activation: 'tanh' };
    assert.equal(await w.evaluate((el) => el.output), core.neuron(edited).y);
    await w.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await w.getByRole('textbox', { name: 'b (bias), exact value' }).inputValue(), '0.1');
    assert.equal(await w.getByRole('combobox', { name: 'activation' }).inputValue(), 'relu');
    assert.equal(await w.evaluate((el) => el.z), core.neuron(params(N1)).z);
    assert.equal(await w.evaluate((el) => el.output), core.neuron(params(N1)).y);
    assert.match(await w.locator('.status').textContent(), /original values/);
  });

  test("Copy link puts each widget's state in the hash; a reload restores both; Reset clears its own", async () => {
    const w1 = byId('n1');
    await typeInto(w1, 'w₂ (weight 2), exact value', '-1.25');
    await w1.getByRole('combobox', { name: 'activation' }).selectOption('sigmoid');
    await share(w1, 'Copy link');
    await fx.waitForFunction(
      () => document.getElementById('n1').shadowRoot.querySelector('.status').textContent === 'Link copied',
    );
    const link = await clipboard();
    assert.equal(link, fx.url());
    assert.match(
      new URL(link).hash,
      /^#n1\.inputs=0\.5\+-0\.3\+0\.7&n1\.weights=0\.5\+-1\.25\+0\.8&n1\.bias=0\.1&n1\.activation=sigmoid$/,
    );

    const w2 = byId('n2');
    await typeInto(w2, 'x₁ (input 1), exact value', '3');
    await share(w2, 'Copy link');
    await fx.waitForFunction(
      () => document.getElementById('n2').shadowRoot.querySelector('.status').textContent === 'Link copied',
    );
    const both = await clipboard();
    assert.match(new URL(both).hash, /n1\.activation=sigmoid&n2\.inputs=3\+2&/, 'the second widget adds its entries');

    await fx.goto(both);
    await fx.reload();
    await fx.waitForFunction(() => ['n1', 'n2'].every((id) => typeof document.getElementById(id).z === 'number'));
    const want1 = core.neuron({ ...params(N1), weights: [0.5, -1.25, 0.8], activation: 'sigmoid' });
    assert.equal(await w1.evaluate((el) => el.output), want1.y, 'n1 restored from the link');
    assert.equal(await w1.getByRole('textbox', { name: 'w₂ (weight 2), exact value' }).inputValue(), '-1.25');
    assert.equal(await w1.getAttribute('weights'), N1.weights, "the attributes stay the author's");
    assert.equal(
      await w2.evaluate((el) => el.z),
      core.neuron({ inputs: [3, 2], weights: [0.5, 0.25], bias: 0, activation: 'identity' }).z,
    );

    await w1.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await w1.evaluate((el) => el.output), core.neuron(params(N1)).y);
    assert.doesNotMatch(new URL(fx.url()).hash, /n1\./, 'Reset removes its entries from the hash');
    assert.match(new URL(fx.url()).hash, /n2\.inputs=3\+2/, "and keeps the other widget's");
    await w2.getByRole('button', { name: 'Reset' }).click();
    assert.equal(new URL(fx.url()).hash, '');

    // The same link opened in the same tab changes only the hash.
    await fx.evaluate(() => {
      location.hash = '#n2.bias=2';
    });
    await fx.waitForFunction(() => document.getElementById('n2').z === 3);
    await fx.evaluate(() => {
      location.hash = '#intro';
    });
    await fx.waitForTimeout(100);
    assert.equal(await w2.evaluate((el) => el.z), 3, 'an anchor link leaves the widget alone');
    await w2.getByRole('button', { name: 'Reset' }).click();
  });

  test('theme: dark and light override the system; reduced motion stops the spinner', async () => {
    const w = byId('n2');
    const background = () =>
      w.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part="base"]')).backgroundColor);
    const light = await background();
    await w.evaluate((el) => el.setAttribute('theme', 'dark'));
    const dark = await background();
    assert.notEqual(dark, light);
    await fx.emulateMedia({ colorScheme: 'dark' });
    await w.evaluate((el) => el.setAttribute('theme', 'light'));
    assert.equal(await background(), light, 'theme="light" wins over a dark system');
    await w.evaluate((el) => el.removeAttribute('theme'));
    assert.equal(await background(), dark, 'auto follows the system');
    await fx.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const spin = () =>
      w.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.loading'), '::before').animationName);
    assert.equal(await spin(), 'none');
    await fx.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await spin(), 'nl-spin');
  });

  test("a bad link state is refused with a note, and the page's values show", async () => {
    await fx.goto(`${server.url}${FIXTURE}#n1.weights=1+%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+2&n2.bias=0.5`);
    await fx.reload();
    await fx.waitForFunction(() => ['n1', 'n2'].every((id) => typeof document.getElementById(id).z === 'number'));
    assert.equal(await byId('n1').evaluate((el) => el.z), core.neuron(params(N1)).z);
    assert.equal(await byId('n1').evaluate((el) => el.error), null);
    assert.match(
      await byId('n1').locator('.status').textContent(),
      /link's values could not be used .*"<img".*page's own/,
    );
    assert.equal(await fx.locator('img').count(), 0);
    assert.equal(await byId('n1').locator('img').count(), 0);
    assert.equal(
      await byId('n2').evaluate((el) => el.z),
      core.neuron({ inputs: [1, 2], weights: [0.5, 0.25], bias: 0.5, activation: 'identity' }).z,
    );
    await fx.goto(server.url + FIXTURE);
    await fx.reload();
    await fx.waitForFunction(() => ['n1', 'n2'].every((id) => typeof document.getElementById(id).z === 'number'));
  });

  test('without an id, Copy link is disabled and says why', async () => {
    const anon = fx.locator('nl-neuron.anonymous');
    await anon.getByRole('button', { name: 'Share' }).click();
    const item = anon.getByRole('button', { name: 'Copy link' });
    assert.equal(await item.getAttribute('aria-disabled'), 'true');
    assert.match(await item.getAttribute('title'), /no id attribute/);
    await item.click({ force: true }); // aria-disabled: still focusable, and it explains itself
    assert.match(await anon.locator('.status').textContent(), /no id attribute/);
    await fx.keyboard.press('Escape');
  });

  test('Copy embed code gives the script tag and the current state; the snippet works in another page', async () => {
    const w = byId('n1');
    await typeInto(w, 'x₃ (input 3), exact value', '-2');
    await share(w, 'Copy embed code');
    await fx.waitForFunction(
      () => document.getElementById('n1').shadowRoot.querySelector('.status').textContent === 'Embed code copied',
    );
    const snippet = await clipboard();
    assert.equal(
      snippet,
      `<script type="module" src="${server.url}embed.js"></script>\n` +
        '<nl-neuron inputs="0.5 -0.3 -2" weights="0.5 -0.3 0.8" bias="0.1" activation="relu"></nl-neuron>',
    );
    await servePage(context, `${server.url}test/embedded.html`, fixtureHtml(snippet));
    const other = watch(await context.newPage());
    await other.goto(`${server.url}test/embedded.html`);
    await other.waitForFunction(() => typeof document.querySelector('nl-neuron').z === 'number');
    assert.equal(await other.evaluate(() => document.querySelector('nl-neuron').z), await w.evaluate((el) => el.z));
    await other.close();
  });

  test('Copy as NumPy: real NumPy prints the same z and y', async () => {
    const w = byId('n1');
    await share(w, 'Copy as NumPy');
    await fx.waitForFunction(
      () => document.getElementById('n1').shadowRoot.querySelector('.status').textContent === 'NumPy code copied',
    );
    const program = await clipboard();
    assert.match(
      program,
      /^import numpy as np\n\nx = np\.array\(\[0\.5, -0\.3, -2\.0\]\) {2}# inputs\nw = np\.array\(\[0\.5, -0\.3, 0\.8\]\) {2}# weights\nb = 0\.1 {2}# bias\n\nz = x @ w \+ b\ny = np\.maximum\(0\.0, z\) {2}# relu\nprint\(z, y\)\n$/,
    );
    const run = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [z, y] = run.stdout.trim().split(' ').map(Number);
    assert.equal(z, await w.evaluate((el) => el.z));
    assert.equal(y, await w.evaluate((el) => el.output));
  });

  test('Copy as JSON: the values and results', async () => {
    const w = byId('n1');
    await share(w, 'Copy as JSON');
    await fx.waitForFunction(
      () => document.getElementById('n1').shadowRoot.querySelector('.status').textContent === 'JSON copied',
    );
    const json = JSON.parse(await clipboard());
    assert.deepEqual(json, {
      inputs: [0.5, -0.3, -2],
      weights: [0.5, -0.3, 0.8],
      bias: 0.1,
      activation: 'relu',
      z: await w.evaluate((el) => el.z),
      output: await w.evaluate((el) => el.output),
    });
  });

  test('Download SVG gives a standalone SVG of the diagram; Download PNG a PNG of it', async () => {
    const w = byId('n1');
    const [svgFile] = await Promise.all([fx.waitForEvent('download'), share(w, 'Download SVG')]);
    assert.equal(svgFile.suggestedFilename(), 'n1.svg');
    const svg = await readFile(await svgFile.path(), 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /var\(--|class="/, 'styles are resolved, not references to the shadow sheet');
    const parsed = await fx.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        dashed: [...doc.querySelectorAll('polyline')].map((p) =>
          p
            .getAttribute('style')
            .match(/stroke-dasharray:([^;]*)/)[1]
            .trim(),
        ),
        viewBox: doc.documentElement.getAttribute('viewBox'),
      };
    }, svg);
    assert.equal(parsed.error, null, 'well-formed SVG');
    assert.ok(parsed.texts.includes('w₁ = 0.500') && parsed.texts.includes('w₂ = -0.300'), 'weight labels');
    assert.deepEqual(
      parsed.dashed.map((d) => d !== 'none'),
      [false, true, false],
      'the negative weight is dashed',
    );
    const width = Number(parsed.viewBox.split(' ')[2]);

    const [pngFile] = await Promise.all([fx.waitForEvent('download'), share(w, 'Download PNG')]);
    assert.equal(pngFile.suggestedFilename(), 'n1.png');
    const png = await readFile(await pngFile.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.readUInt32BE(16), 2 * width, 'drawn at twice the diagram size');
    assert.ok(png.length > 5000, `a real picture (${png.length} bytes)`);
    await mkdir(SHOTS, { recursive: true });
    await pngFile.saveAs(`${SHOTS}neuron-diagram-download.png`);
  });

  test('the Share menu works from the keyboard', async () => {
    const w = byId('n2');
    const button = w.getByRole('button', { name: 'Share' });
    await button.focus();
    await fx.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const focused = () => w.evaluate((el) => el.shadowRoot.activeElement?.textContent);
    assert.equal(await focused(), 'Copy link');
    await fx.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Copy embed code');
    await fx.keyboard.press('End');
    assert.equal(await focused(), 'Download PNG');
    await fx.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Copy link', 'wraps around');
    await fx.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'Download PNG');
    await fx.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(), 'Share', 'focus returns to the button');
    await fx.keyboard.press('Space');
    await fx.keyboard.press('ArrowDown');
    await fx.keyboard.press('Enter'); // Copy embed code
    await fx.waitForFunction(
      () => document.getElementById('n2').shadowRoot.querySelector('.status').textContent === 'Embed code copied',
    );
    assert.match(
      await clipboard(),
      /<nl-neuron inputs="1 2" weights="0.5 0.25" bias="0" activation="identity"><\/nl-neuron>$/,
    );
    await w.getByRole('button', { name: 'Share' }).click();
    await fx.mouse.click(5, 5);
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'a click elsewhere closes it');
  });

  test('screenshots of the toolbar and its menu: light and dark, 1280 and 375 px', async () => {
    await mkdir(SHOTS, { recursive: true });
    for (const width of [1280, 375]) {
      await fx.setViewportSize({ width, height: 900 });
      for (const scheme of ['light', 'dark']) {
        await fx.emulateMedia({ colorScheme: scheme });
        const w = byId('n1');
        await w.scrollIntoViewIfNeeded();
        await w.screenshot({ path: `${SHOTS}toolbar-${scheme}-${width}.png` });
        await w.getByRole('button', { name: 'Share' }).click();
        await fx.screenshot({ path: `${SHOTS}toolbar-menu-${scheme}-${width}.png` });
        await fx.keyboard.press('Escape');
      }
      const overflow = await fx.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow}px too wide)`);
    }
    await fx.emulateMedia({ colorScheme: 'light' });
    await fx.setViewportSize({ width: 1280, height: 900 });
  });

  test('where the clipboard is refused, the text is shown selected for copying by hand', async () => {
    const p = watch(await context.newPage());
    await p.goto(server.url + FIXTURE);
    await p.waitForFunction(() => typeof document.getElementById('n1').z === 'number');
    await p.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const w = p.locator('nl-neuron#n1');
    await w.getByRole('button', { name: 'Share' }).click();
    await w.getByRole('button', { name: 'Copy as JSON' }).click();
    await p.waitForFunction(() => !document.getElementById('n1').shadowRoot.querySelector('.manual').hidden);
    assert.match(await w.locator('.status').textContent(), /did not allow copying here/);
    const box = w.getByRole('textbox', { name: 'Text to copy' });
    assert.equal(JSON.parse(await box.inputValue()).bias, 0.1);
    const selected = await p.evaluate(() => {
      const area = document.getElementById('n1').shadowRoot.activeElement;
      return area.selectionEnd - area.selectionStart === area.value.length;
    });
    assert.ok(selected, 'focused, all selected');
    await w.getByRole('button', { name: 'Close' }).click();
    assert.ok(await box.isHidden());
    await p.close();
  });

  test('a core that cannot load: the widget says so inside itself', async () => {
    const broken = await browser.newContext();
    await servePage(broken, server.url + FIXTURE, fixtureHtml(FIXTURE_BODY));
    await broken.route(`${server.url}nl_core.wasm`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    const p = await broken.newPage(); // not watched: the failed fetch is logged as a console error on purpose
    await p.goto(server.url + FIXTURE);
    await p.waitForFunction(() => document.getElementById('n1').error !== null);
    const shown = await p.evaluate(() => {
      const el = document.getElementById('n1');
      return { error: el.error, z: el.z, text: el.shadowRoot.querySelector('[part="error"]').textContent };
    });
    assert.match(shown.error, /^NeuronLab could not load its computing core/);
    assert.equal(shown.text, shown.error);
    assert.equal(shown.z, null);
    await broken.close();
  });
});

test('no console errors and no uncaught page errors', () => {
  assert.deepEqual(problems, []);
});
