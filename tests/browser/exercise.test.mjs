// <nl-exercise> in headless Chromium on the built lessons, under the site's CSP:
// numeric answers checked against the core (expected values computed here in
// Node by the same core, never typed), by keyboard, with feedback in a live
// region; challenges that watch an <nl-neuron> and say "Solved!"; and every
// lesson page loads with its exercises in working order and no console error.
// Screenshots go to test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { loadCore } from '../../web/src/core/core.js';

const ROOT = new URL('../../', import.meta.url);
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

const numbers = (text) =>
  text
    .trim()
    .split(/[\s,]+/)
    .map(Number);

let core;
let server;
let browser;
let page;
const problems = [];

function watch(p) {
  p.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  p.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return p;
}

/** What the i-th exercise of the page shows and exposes. */
function readExercise(i) {
  return page.evaluate((index) => {
    const el = document.querySelectorAll('nl-exercise')[index];
    const root = el.shadowRoot;
    const feedback = root.querySelector('.feedback, .status');
    return {
      kind: el.kind,
      status: el.status,
      solved: el.solved,
      error: el.error,
      expected: el.expected,
      feedback: feedback?.textContent ?? null,
      live: feedback?.getAttribute('aria-live') ?? null,
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    };
  }, i);
}

const exercise = (i) => page.locator('nl-exercise').nth(i);

describe('<nl-exercise>', () => {
  before(async () => {
    if (!existsSync(new URL('dist/01-neuron.html', ROOT))) throw new Error('dist/ is missing: run npm run build');
    core = await loadCore({ moduleUrl: new URL('build/wasm/nl_core.mjs', ROOT) });
    server = await startServer({ port: 0, root: fileURLToPath(new URL('dist/', ROOT)) });
    browser = await chromium.launch(LAUNCH);
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(`${server.url}01-neuron.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('nl-exercise')].every((e) => e.kind !== null));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a numeric exercise checks a typed answer with the core, by keyboard', async () => {
    const first = await readExercise(0);
    assert.equal(first.kind, 'numeric');
    assert.equal(first.status, 'unanswered');
    const a = first.attrs;
    const z = core.neuron({
      inputs: numbers(a.inputs),
      weights: numbers(a.weights),
      bias: Number(a.bias),
      activation: a.activation,
    }).z;
    const right = core.formatFixed(z, Number(a.digits));
    const wrong = core.formatFixed(z + 0.25, Number(a.digits));

    const input = exercise(0).getByRole('textbox', { name: /Your answer/ });
    await input.fill(wrong);
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('nl-exercise').status === 'incorrect');
    let shown = await readExercise(0);
    assert.match(shown.feedback, /Not yet/);
    assert.ok(shown.feedback.includes(a.hint), 'the hint follows a wrong answer');
    assert.equal(shown.live, 'polite', 'feedback is announced');
    assert.equal(shown.solved, false);
    assert.equal(shown.expected, z, 'the expected answer is the core’s float64');

    // Tab from the field reaches Check; Space on it checks again.
    await input.fill(right);
    await input.focus();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.querySelector('nl-exercise').shadowRoot.activeElement?.textContent),
      'Check',
    );
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('nl-exercise').status === 'correct');
    shown = await readExercise(0);
    assert.equal(shown.feedback, `✓ Correct: ${right}.`);
    assert.equal(shown.solved, true);
  });

  test('a text that is not a number is refused, and the answer can be shown', async () => {
    const input = exercise(1).getByRole('textbox', { name: /Your answer/ });
    await input.fill('one');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('nl-exercise')[1].status === 'invalid');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match((await readExercise(1)).feedback, /"one" is not a number/);

    await input.fill('12345');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('nl-exercise')[1].status === 'incorrect');
    await exercise(1).getByRole('button', { name: 'Show the answer' }).click();
    const a = (await readExercise(1)).attrs;
    const y = core.neuron({
      inputs: numbers(a.inputs),
      weights: numbers(a.weights),
      bias: Number(a.bias),
      activation: a.activation,
    }).y;
    assert.equal(
      (await readExercise(1)).feedback,
      `The answer is ${core.formatFixed(y, Number(a.digits)).replace(/^-(?=0\.?0*$)/, '')}.`,
    );
  });

  test('a challenge watches its widget and says Solved! when the goal holds', async () => {
    const [high, low] = [2, 3];
    assert.equal((await readExercise(high)).kind, 'challenge');
    const widget = page.locator('#neuron-exercise');
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => typeof document.getElementById('neuron-exercise').output === 'number');
    await page.waitForFunction((i) => document.querySelectorAll('nl-exercise')[i].status === 'unsolved', high);
    assert.match((await readExercise(high)).feedback, /Not solved yet/);
    assert.match(await exercise(high).locator('.goal').textContent(), /Goal: output > 0\.95/);
    const now = await exercise(high).locator('.now').textContent();
    const start = await page.evaluate(() => document.getElementById('neuron-exercise').output);
    assert.equal(now, `Now: output = ${core.formatFixed(start, 3)}`, 'the current value, formatted by the core');

    await widget.evaluate((el) => el.setAttribute('bias', '5'));
    await page.waitForFunction((i) => document.querySelectorAll('nl-exercise')[i].status === 'solved', high);
    let shown = await readExercise(high);
    assert.equal(shown.feedback, '✓ Solved!');
    assert.equal(shown.live, 'polite');
    assert.equal(shown.solved, true);
    assert.equal((await readExercise(low)).status, 'unsolved');

    await widget.evaluate((el) => el.setAttribute('bias', '-5'));
    await page.waitForFunction((i) => document.querySelectorAll('nl-exercise')[i].status === 'solved', low);
    shown = await readExercise(high);
    assert.equal(shown.status, 'unsolved');
    assert.equal(shown.solved, true, 'solved stays true');
    assert.match(shown.feedback, /Solved earlier/);
  });

  test('screenshots of exercises at 1280 and 375 px', async () => {
    await mkdir(SHOTS, { recursive: true });
    await exercise(0).screenshot({ path: `${SHOTS}exercise-numeric-1280.png` });
    await exercise(2).screenshot({ path: `${SHOTS}exercise-challenge-1280.png` });
    const narrow = watch(await browser.newPage({ viewport: { width: 375, height: 812 } }));
    await narrow.goto(`${server.url}01-neuron.html`);
    await narrow.waitForFunction(() => document.querySelector('nl-exercise').kind === 'numeric');
    await narrow
      .locator('nl-exercise')
      .first()
      .screenshot({ path: `${SHOTS}exercise-numeric-375.png` });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (page is ${overflow}px too wide)`);
    await narrow.close();
  });

  test('every lesson page loads; its exercises parse and its challenges wait or work', async () => {
    const names = (await readdir(new URL('dist/', ROOT))).filter((f) => /^\d\d-.*\.html$/.test(f)).sort();
    assert.ok(names.length >= 7);
    for (const name of names) {
      const p = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
      await p.goto(server.url + name);
      await p.waitForFunction(() => customElements.get('nl-exercise') !== undefined);
      const states = await p.evaluate(() =>
        [...document.querySelectorAll('nl-exercise')].map((e) => ({ kind: e.kind, error: e.error, status: e.status })),
      );
      assert.ok(states.length >= 3, `${name} has exercises`);
      for (const s of states) {
        assert.equal(s.error, null, `${name}: an exercise shows an error`);
        assert.ok(['numeric', 'challenge'].includes(s.kind));
        assert.notEqual(s.status, 'solved', `${name}: no challenge is solved before the reader acts`);
      }
      await p.close();
    }
  });

  test('no console errors and no uncaught page errors', () => {
    assert.deepEqual(problems, []);
  });
});
