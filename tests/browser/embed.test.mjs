// Embedding from another origin, as an author does: the site (dist/) on one
// localhost port, served by scripts/serve.mjs (with its CORS headers); a plain
// HTML page on a second port that loads dist/embed.js from the first with one
// <script> tag and holds every element of the widget registry (web/src/embed.js),
// under a strict Content-Security-Policy and with hostile page CSS. Each widget
// must show what the core computes (the core loaded here in Node from
// build/wasm), with no console error and no CSP violation.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, SHOTS, openSite, watch } from './harness.mjs';

/**
 * The smallest policy the embed needs, with FIRST the site's origin: the module
 * script and its dynamic import of nl_core.mjs (script-src), the wasm fetch
 * (connect-src) and its compilation ('wasm-unsafe-eval'). The page itself runs
 * no script at all, so script-src has no 'self'; style-src 'unsafe-inline' is
 * for the host page's own <style> block (and any style attribute a widget sets);
 * img-src data: for the diagrams' exported images.
 */
const policy = (first) =>
  `default-src 'self'; script-src ${first} 'wasm-unsafe-eval'; connect-src ${first}; ` +
  `style-src 'self' 'unsafe-inline'; img-src 'self' data:`;

/** CSS an unfriendly blog theme might carry. */
const HOSTILE_CSS = `
* { all: unset; font-size: 40px !important; color: red !important; line-height: 3 !important; }
svg { display: none !important; }
input, select, button, textarea { width: 1px !important; height: 1px !important; opacity: 0 !important; }
table, div, span { display: inline !important; }
nl-neuron, nl-layer, nl-batch, nl-network, nl-boundary, nl-xor, nl-activation, nl-exercise { transform: rotate(1deg); }
`;

const NEURON = { inputs: [0.5, -0.3, 0.7], weights: [0.5, -0.3, 0.8], bias: 0.1, activation: 'relu' };
const LAYER_W = '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87';
const LAYER_WM = [
  [0.2, 0.8, -0.5, 1],
  [0.5, -0.91, 0.26, -0.5],
  [-0.26, -0.27, 0.17, 0.87],
];
const BATCH_X = [
  [1, 2, 3, 2.5],
  [2, 5, -1, 2],
  [-1.5, 2.7, 3.3, -0.8],
];

/** The host page: one script tag, then one of every registered element. */
function hostPage(first) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A blog post with NeuronLab widgets</title>
<style>${HOSTILE_CSS}</style>
<script type="module" src="${first}/embed.js"></script>
</head>
<body>
<main>
<h1>My post</h1>
<nl-neuron id="n" inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8" bias="0.1" activation="relu"></nl-neuron>
<nl-layer id="l" inputs="1 2 3 2.5" weights="${LAYER_W}" biases="2 3 0.5" activation="relu"></nl-layer>
<nl-batch id="b" inputs="1 2 3 2.5; 2 5 -1 2; -1.5 2.7 3.3 -0.8" weights="${LAYER_W}" biases="2 3 0.5" activation="relu"></nl-batch>
<nl-network id="net" inputs="0.6 0.1 0.9 0.4" sizes="4 5 1" activations="relu sigmoid" seed="0" scale="0.5"></nl-network>
<nl-boundary id="bd" inputs="0.25 0.5" sizes="2 1" activations="sigmoid" weights="1 1" biases="-1" resolution="64"></nl-boundary>
<nl-xor id="x" weights="1 1; 1 1 | 1 -2" biases="-0.5 -1.5 | -0.5"></nl-xor>
<nl-activation id="a" functions="step sigmoid tanh relu leaky_relu identity" range="-5 5"></nl-activation>
<nl-exercise id="e" compute="neuron" inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8" bias="0.1" activation="relu" pick="z" digits="3"><p>What is z?</p></nl-exercise>
</main>
</body>
</html>
`;
}

/** The element names web/src/embed.js registers (one import per widget file). */
async function registry() {
  const source = await readFile(new URL('web/src/embed.js', ROOT), 'utf8');
  return [...source.matchAll(/^import '\.\/(?:widgets|exercises)\/(nl-[a-z-]+)\.js';/gm)].map((m) => m[1]);
}

const rows = (m) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));

let core;
let site;
let host;
let dir;
let page;
const problems = [];

before(async () => {
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
  const first = `http://127.0.0.1:${site.server.port}`;
  dir = await mkdtemp(join(tmpdir(), 'nl-embed-'));
  await writeFile(join(dir, 'post.html'), hostPage(first));
  const html = await readFile(join(dir, 'post.html'));
  host = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it on its own
      return;
    }
    if (path !== '/post.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy(first) });
    res.end(html);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
  // Init scripts run outside the page's CSP: count every violation report.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page = watch(await context.newPage(), problems);
  await page.goto(`http://127.0.0.1:${host.address().port}/post.html`);
  // Start every widget (they start when near the viewport).
  for (const id of ['n', 'l', 'b', 'net', 'bd', 'x', 'a']) {
    await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
    await page.waitForFunction(
      (i) => /ready|error/.test(document.getElementById(i).shadowRoot?.querySelector('[part="base"]')?.dataset.phase),
      id,
      { timeout: 20000 },
    );
  }
});

after(async () => {
  await site?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

const props = (id) =>
  page.evaluate((i) => {
    const el = document.getElementById(i);
    return { error: el.error, z: el.z, output: el.output, layers: el.layers };
  }, id);

test('the host page holds every element of the registry, each defined from the other origin', async () => {
  const names = await registry();
  assert.ok(names.length >= 8, `registry: ${names.join(' ')}`);
  const onPage = await page.evaluate(() => [
    ...new Set([...document.querySelectorAll('main *')].map((e) => e.localName)),
  ]);
  for (const name of names) {
    assert.ok(onPage.includes(name), `${name} is on the host page`);
    assert.ok(await page.evaluate((n) => customElements.get(n) !== undefined, name), `${name} is defined`);
  }
});

test('nl-neuron shows the core’s z and y', async () => {
  const r = core.neuron(NEURON);
  assert.deepEqual(await props('n'), { error: null, z: r.z, output: r.y, layers: null });
});

test('nl-layer and nl-batch show the core’s Z and A', async () => {
  const one = core.layer({ inputs: [BATCH_X[0]], weights: LAYER_WM, biases: [2, 3, 0.5], activation: 'relu' });
  const l = await props('l');
  assert.equal(l.error, null);
  assert.deepEqual(l.z, rows(one.z)[0]);
  assert.deepEqual(l.output, rows(one.a)[0]);
  const many = core.layer({ inputs: BATCH_X, weights: LAYER_WM, biases: [2, 3, 0.5], activation: 'relu' });
  const b = await props('b');
  assert.equal(b.error, null);
  assert.deepEqual(b.z, rows(many.z));
  assert.deepEqual(b.output, rows(many.a));
});

test('nl-network (seed 0, scale 0.5) shows the core’s layers', async () => {
  const layers = core.seededLayers({ sizes: [4, 5, 1], activations: ['relu', 'sigmoid'], seed: 0, scale: 0.5 });
  const out = core.network({ inputs: [[0.6, 0.1, 0.9, 0.4]], layers });
  const n = await props('net');
  assert.equal(n.error, null);
  assert.deepEqual(n.output, rows(out[1].a)[0]);
  assert.deepEqual(n.z, rows(out[1].z)[0]);
  assert.deepEqual(
    n.layers.map((l) => [l.z, l.a].flat(2)),
    out.map((l) => [...l.z.data, ...l.a.data]),
  );
});

test('nl-boundary shows the core’s value at its marked point', async () => {
  const out = core.network({
    inputs: [[0.25, 0.5]],
    layers: [{ weights: [[1, 1]], biases: [-1], activation: 'sigmoid', layout: 'rows' }],
  });
  const b = await props('bd');
  assert.equal(b.error, null);
  assert.deepEqual([b.output].flat(2), [...out[0].a.data]);
  assert.deepEqual([b.z].flat(2), [...out[0].z.data]);
});

test('nl-xor shows the core’s outputs for the four corners, and is solved', async () => {
  const out = core.network({
    inputs: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
    layers: [
      {
        weights: [
          [1, 1],
          [1, 1],
        ],
        biases: [-0.5, -1.5],
        activation: 'step',
        layout: 'rows',
      },
      { weights: [[1, -2]], biases: [-0.5], activation: 'step', layout: 'rows' },
    ],
  });
  const x = await props('x');
  assert.equal(x.error, null);
  assert.deepEqual(x.output, [...out[1].a.data]);
  assert.deepEqual(x.z, [...out[1].z.data]);
  assert.deepEqual(x.output, [0, 1, 1, 0]);
});

test('nl-activation shows each function’s value at the probe, as the core computes it', async () => {
  const a = await props('a');
  assert.equal(a.error, null);
  assert.equal(typeof a.z, 'number');
  const names = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity'];
  assert.deepEqual(
    a.output,
    names.map((name) => core.neuron({ inputs: [a.z], weights: [1], bias: 0, activation: name }).y),
  );
});

test('nl-exercise checks an answer against the core', async () => {
  const z = core.formatFixed(core.neuron(NEURON).z, 3);
  const result = await page.evaluate(async (answer) => {
    const el = document.getElementById('e');
    el.scrollIntoView();
    const root = el.shadowRoot;
    const input = root.querySelector('[part="input"]');
    input.value = answer;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector('[part="check"]').click();
    for (let i = 0; i < 200 && el.status !== 'correct' && el.status !== 'incorrect'; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    return { error: el.error, kind: el.kind, status: el.status };
  }, z);
  assert.deepEqual(result, { error: null, kind: 'numeric', status: 'correct' });
});

test('the host page’s text colour, font size and line height do not reach inside the widgets', async () => {
  // The host page has `* { all: unset; font-size: 40px !important; color: red !important;
  // line-height: 3 !important }`: it matches each element itself and beats :host, but the
  // widget's root ([part="base"]) sets its own text properties, so nothing inherits in.
  // nl-exercise sets them on everything it draws; its slotted question is the author's
  // light-DOM text and keeps the page's typography on purpose.
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('main > *')]
      .filter((e) => e.shadowRoot)
      .map((e) => {
        const part = e.localName === 'nl-exercise' ? '[part="form"], .error' : '[part="base"]';
        const s = getComputedStyle(e.shadowRoot.querySelector(part));
        return { name: e.localName, color: s.color, fontSize: s.fontSize, lineHeight: s.lineHeight };
      }),
  );
  assert.ok(styles.length >= 8);
  for (const s of styles) {
    assert.notEqual(s.color, 'rgb(255, 0, 0)', `${s.name}: the host's red does not reach it`);
    assert.ok(['15px', '16px'].includes(s.fontSize), `${s.name}: font-size ${s.fontSize}, not the host's 40px`);
    assert.ok(parseFloat(s.lineHeight) < 30, `${s.name}: line-height ${s.lineHeight}, not the host's 3`);
  }
});

test('a screenshot of the host page, for a look', async () => {
  await mkdir(`${SHOTS}pages/`, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}pages/embed-hostile-css.png`, fullPage: true });
});

test('no CSP violation, no console error, no uncaught page error', async () => {
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});
