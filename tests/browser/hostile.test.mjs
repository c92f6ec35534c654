// Hostile attributes, all inside one page so it stays quick: a few hundred
// generated strings (markup with scripts and event handlers, javascript: URLs,
// template and prototype names, huge and non-finite numbers, 1 MB values,
// thousands of rows and of layers, unicode junk, null bytes, empty text) go into
// every observed attribute (each element class's observedAttributes) of one of
// every registered element, in batches inside page.evaluate. Then:
//   - nothing executes: no injected handler sets the page's flag, no dialog,
//     and no element of a widget's shadow root carries markup from an attribute;
//   - nothing throws out of an element: no window error, no unhandled rejection;
//   - a value that makes no sense sets `error` to a message (z and output null);
//   - putting the author's value back brings the results back;
//   - a neighbour (a plain nl-neuron) still computes the core's values.
// The page is served WITHOUT a Content-Security-Policy on purpose: under the
// site's CSP an injected inline handler would be blocked, and this test wants
// any injection to actually run and be caught (the CSP is tested elsewhere).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCore } from '../../web/src/core/core.js';
import { ROOT, openSite, watch } from './harness.mjs';

const PAGE = 'test/hostile.html';
const W = '0.2 0.8 -0.5 1; 0.5 -0.91 0.26 -0.5; -0.26 -0.27 0.17 0.87';

/** One of every registered element, each with the author's (valid) attributes. */
const TARGETS = {
  'nl-neuron': { inputs: '0.5 -0.3 0.7', weights: '0.5 -0.3 0.8', bias: '0.1', activation: 'relu' },
  'nl-layer': { inputs: '1 2 3 2.5', weights: W, biases: '2 3 0.5', activation: 'relu', layout: 'rows' },
  'nl-batch': { inputs: '1 2 3 2.5; 2 5 -1 2', weights: W, biases: '2 3 0.5', activation: 'relu', layout: 'rows' },
  'nl-network': {
    inputs: '0.6 0.1 0.9 0.4',
    sizes: '4 5 1',
    activations: 'relu sigmoid',
    seed: '0',
    scale: '0.5',
  },
  'nl-boundary': {
    inputs: '0.5 0.5',
    sizes: '2 1',
    activations: 'sigmoid',
    weights: '1 1',
    biases: '-1',
    resolution: '32',
    extent: '-1 2 -1 2',
  },
  'nl-xor': { weights: '1 1; 1 1 | 1 -2', biases: '-0.5 -1.5 | -0.5', layout: 'rows' },
  'nl-activation': { functions: 'step sigmoid relu', range: '-5 5' },
  'nl-exercise': {
    compute: 'neuron',
    inputs: '0.5 -0.3 0.7',
    weights: '0.5 -0.3 0.8',
    bias: '0.1',
    activation: 'relu',
    pick: 'z',
    digits: '3',
  },
};

/**
 * Known gaps: an attribute whose nonsense value sets no error (yet), per tag.
 * None at present; everything else is checked for these too.
 */
const KNOWN_GAPS = {};

/** Attributes of nl-exercise that are free text or references, where any string is acceptable. */
const EXERCISE_TEXT = new Set(['hint', 'label', 'for', 'goal', 'z']);

const FLAG = 'window.__pwned=1';
/** Strings that can never be a valid value of any numeric, name or shape attribute. */
function invalidStrings() {
  const big = [
    '1 '.repeat(1 << 19), // 1 MB of numbers: far over every size limit
    'x'.repeat(1 << 20),
    '9'.repeat(1 << 20), // one number that overflows to Infinity
  ];
  const payloads = [
    `<script>${FLAG}</script>`,
    `<img src=x onerror="${FLAG}">`,
    `"><img src=x onerror=${FLAG}>`,
    `'><svg onload=${FLAG}>`,
    `<svg><script>${FLAG}</script></svg>`,
    `<iframe src="javascript:parent.__pwned=1"></iframe>`,
    `<a href="javascript:${FLAG}">1</a>`,
    `javascript:${FLAG}`,
    `<details open ontoggle=${FLAG}>`,
    `<style>@import 'javascript:${FLAG}'</style>`,
    `</textarea><script>${FLAG}</script>`,
    `<b>1</b>`,
    `\${${FLAG}}`,
    `{{constructor.constructor('${FLAG}')()}}`,
    `onerror=${FLAG}`,
    '1e309',
    '-1e999',
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    'inf',
    '1e',
    '--1',
    '1..2',
    '.',
    '+',
    'true',
    'null',
    'undefined',
    '[object Object]',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '__defineGetter__',
    '１ ２ ３', // fullwidth digits
    '\u202e1 2 3',
    '1\u200b2',
    '💥',
    '\ud800',
    '\uffff',
    'e\u0301\u0301\u0301',
    '1\u00002',
    '\u0000',
    `1;${'1;'.repeat(5000)}1`, // thousands of rows
    '|'.repeat(5000), // thousands of empty layers
    `${'1 '.repeat(3)}|`.repeat(3000), // thousands of layers
    'np.array([[1, 2], [3, NaN]])',
    `1 2 3 ${'<'.repeat(100)}`,
  ];
  const variants = payloads.flatMap((p) =>
    p.length > 1000 ? [p] : [p, `1 ${p}`, `${p} 1`, `0.5, ${p}`, `1; ${p}`, `1 1 | ${p}`],
  );
  return [...new Set([...variants, ...big])];
}

/** Strings that may be valid (an attribute left empty takes its default): no error required. */
const MAYBE_VALID = ['', ' ', '\t\n ', '\u00a0', '  1  '];

let site;
let page;
let core;
const problems = [];
const dialogs = [];

before(async () => {
  core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
  site = await openSite();
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const attrs = (a) =>
    Object.entries(a)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
  const body = Object.entries(TARGETS)
    .map(([tag, a]) => `<${tag} class="target"${attrs(a)}>${tag === 'nl-exercise' ? '<p>What is z?</p>' : ''}</${tag}>`)
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<script type="module" src="${site.server.url}embed.js"></script></head><body>
<nl-neuron id="control" inputs="1 2" weights="0.5 0.25" bias="0" activation="identity"></nl-neuron>
${body}
</body></html>`;
  await context.route(site.server.url + PAGE, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await context.addInitScript(() => {
    window.__errors = [];
    window.addEventListener('error', (e) => window.__errors.push(`error: ${e.message}`));
    window.addEventListener('unhandledrejection', (e) => window.__errors.push(`rejection: ${e.reason}`));
  });
  page = watch(await context.newPage(), problems);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(site.server.url + PAGE);
  // Start every widget: all of them fit near the viewport once scrolled through.
  for (const sel of ['#control', ...Object.keys(TARGETS).map((t) => `${t}.target`)]) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (s) => {
        const el = document.querySelector(s);
        const phase = el.shadowRoot?.querySelector('[part="base"]')?.dataset.phase;
        return phase === undefined ? el.kind !== null || el.error !== null : /ready|error/.test(phase);
      },
      sel,
      { timeout: 20000 },
    );
  }
});

after(async () => {
  await site?.close();
});

test('every element starts with the author’s values and no error', async () => {
  const errors = await page.evaluate(() => [...document.querySelectorAll('.target, #control')].map((e) => e.error));
  assert.deepEqual(
    errors,
    errors.map(() => null),
  );
});

for (const tag of Object.keys(TARGETS)) {
  test(`${tag}: hostile text in every attribute`, async () => {
    const observed = await page.evaluate((t) => customElements.get(t).observedAttributes, tag);
    assert.ok(observed.length > 0, `${tag} observes attributes`);
    const report = await page.evaluate(
      async ({ t, invalid, maybe, baseline, textual, gaps }) => {
        const el = document.querySelector(`${t}.target`);
        const settle = async () => {
          for (let i = 0; i < 3; i++) await Promise.resolve();
        };
        const snapshot = () => JSON.stringify({ z: el.z, output: el.output, error: el.error, status: el.status });
        // Markup from an attribute would show as elements or attributes carrying the payloads.
        const injected = () =>
          [...el.shadowRoot.querySelectorAll('*')].filter(
            (n) =>
              ['script', 'iframe', 'object', 'embed', 'frame'].includes(n.localName) ||
              [...n.attributes].some(
                (a) => /__pwned|javascript:/i.test(a.value) || (a.name === 'src' && a.value === 'x'),
              ),
          ).length;
        await settle();
        const before = snapshot();
        const failures = [];
        let sets = 0;
        for (const name of el.constructor.observedAttributes) {
          const isText = (t === 'nl-exercise' && textual.includes(name)) || gaps.includes(name);
          for (const [values, mustFail] of [
            [invalid, !isText],
            [maybe, false],
          ]) {
            for (const value of values) {
              try {
                el.setAttribute(name, value);
              } catch (e) {
                failures.push(`${name}: setAttribute threw ${e}`);
                continue;
              }
              sets++;
              await settle();
              const shown = JSON.stringify(
                value.length > 60 ? `${value.slice(0, 60)}… (${value.length} chars)` : value,
              );
              if (mustFail) {
                if (typeof el.error !== 'string' || el.error.trim() === '') {
                  failures.push(`${name}=${shown}: error is ${JSON.stringify(el.error)}, not a message`);
                } else if (
                  'z' in el &&
                  'output' in el &&
                  t !== 'nl-exercise' &&
                  (el.z !== null || el.output !== null)
                ) {
                  failures.push(`${name}=${shown}: error set but z/output not null`);
                }
              } else if (el.error !== null && (typeof el.error !== 'string' || el.error.trim() === '')) {
                failures.push(`${name}=${shown}: error is ${JSON.stringify(el.error)}`);
              }
            }
            if (injected()) failures.push(`${name}: markup from an attribute appeared in the shadow root`);
          }
          // The author's value back (or no attribute, when the author gave none).
          if (name in baseline) el.setAttribute(name, baseline[name]);
          else el.removeAttribute(name);
          await settle();
          if (el.error !== null) failures.push(`${name}: after restoring, error ${JSON.stringify(el.error)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
        const after = snapshot();
        if (after !== before) failures.push(`results after restoring all: ${after}, before: ${before}`);
        return { failures, sets, pwned: window.__pwned ?? null };
      },
      {
        t: tag,
        invalid: invalidStrings(),
        maybe: MAYBE_VALID,
        baseline: TARGETS[tag],
        textual: [...EXERCISE_TEXT],
        gaps: KNOWN_GAPS[tag] ?? [],
      },
    );
    assert.ok(report.sets > 100, `${report.sets} values set`);
    assert.equal(report.pwned, null, 'no injected script or handler ran');
    assert.deepEqual(report.failures, []);
  });
}

test('nothing ran, nothing threw, and the neighbour still computes the core’s values', async () => {
  await page.waitForTimeout(200); // let any late handler (img onerror) fire
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no injected script or handler ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(await page.evaluate(() => window.__errors), [], 'no error escaped an element');
  const control = () =>
    page.evaluate(() => {
      const el = document.getElementById('control');
      return { z: el.z, output: el.output, error: el.error };
    });
  const r1 = core.neuron({ inputs: [1, 2], weights: [0.5, 0.25], bias: 0, activation: 'identity' });
  assert.deepEqual(await control(), { z: r1.z, output: r1.y, error: null });
  await page.evaluate(() => document.getElementById('control').setAttribute('bias', '-0.75'));
  await page.waitForFunction(() => document.getElementById('control').z !== 1);
  const r2 = core.neuron({ inputs: [1, 2], weights: [0.5, 0.25], bias: -0.75, activation: 'identity' });
  assert.deepEqual(await control(), { z: r2.z, output: r2.y, error: null });
  assert.deepEqual(problems, [], 'no console error, no uncaught page error');
});
