// Every page of the built site (dist/index.html and every lesson it links to,
// discovered from its links, never a hand-kept list), served with the site's
// strict CSP in headless Chromium:
//   - it loads with no console error and no uncaught page error;
//   - once scrolled through (so every lazily started widget starts), every
//     nl-* widget has error === null and results (output not null), and every
//     exercise has no error and a known kind;
//   - axe-core (WCAG 2.0/2.1/2.2 A and AA rules) reports no violations, light
//     and dark at 1280 px and light at 375 px, the widgets' open shadow roots
//     included (axe is served from the site's origin, so the page's CSP allows it);
//   - the page never scrolls sideways at 375 or 360 px;
//   - screenshots at 1280 and 375 px go to test-results/pages/ for a person to
//     look at (full page, clipped when very tall).
// Then, on one lesson, the keyboard: Tab enters every widget and reaches each of
// its tabbable controls, in order, and a focused control looks different from
// an unfocused one (outline, box-shadow or border).
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ROOT, SHOTS, openSite, watch } from './harness.mjs';

const DIST = new URL('dist/', ROOT);
const AXE = fileURLToPath(new URL('node_modules/axe-core/axe.min.js', ROOT));
const PAGE_SHOTS = `${SHOTS}pages/`;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The lesson whose keyboard order is walked. */
const KEYBOARD_LESSON = '03-batch.html';
/** Full-page screenshots stop at this height (px). */
const MAX_SHOT_HEIGHT = { 1280: 9000, 375: 16000 };

/** index.html, then every local page it links to, in link order. */
async function sitePages() {
  const html = await readFile(new URL('index.html', DIST), 'utf8');
  const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"#?]+\.html)"/g)].map((m) => m[1]);
  const pages = ['index.html', ...links.filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('/'))];
  return [...new Set(pages)];
}

const pages = await sitePages();
let site;
let context;

before(async () => {
  await mkdir(PAGE_SHOTS, { recursive: true });
  site = await openSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // axe-core from the site's own origin, so the page's CSP (script-src 'self') allows it.
  await context.route(`${site.server.url}test/axe.min.js`, (route) =>
    route.fulfill({ path: AXE, contentType: 'text/javascript' }),
  );
});

after(async () => {
  await site?.close();
});

/**
 * Scrolls through the page so every widget starts, waiting for each to be
 * ready or failed. Widgets are the nl-* elements whose shadow root carries a
 * data-phase (NlWidget); exercises are waited for separately.
 */
async function startEverything(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = Math.max(300, (await page.evaluate(() => window.innerHeight)) - 100);
  for (let y = 0; y < height + step; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(15);
  }
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.localName.startsWith('nl-') && e.shadowRoot)
        .every((e) => {
          const phase = e.shadowRoot.querySelector('[part="base"]')?.dataset.phase;
          // an exercise has no phase: it is ready once it knows its kind (or its error)
          return phase === undefined ? e.kind !== null || e.error !== null : phase === 'ready' || phase === 'error';
        }),
    null,
    { timeout: 20000 },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** What every nl-* element on the page says about itself. */
function widgetReport(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('nl-'))
      .map((e, i) => ({
        name: `${e.localName}${e.id ? `#${e.id}` : `[${i}]`}`,
        defined: customElements.get(e.localName) !== undefined,
        widget: e.shadowRoot?.querySelector('[part="base"]')?.dataset.phase !== undefined,
        phase: e.shadowRoot?.querySelector('[part="base"]')?.dataset.phase ?? null,
        error: e.error,
        hasOutput: e.output !== null && e.output !== undefined,
        kind: e.kind ?? null,
      })),
  );
}

/** axe-core's WCAG A/AA violations of the whole document, shadow roots included. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ url: `${site.server.url}test/axe.min.js` });
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.length} node(s): ${v.nodes
          .slice(0, 4)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
    );
  }, AXE_TAGS);
}

/** How many px the page is wider than the viewport (0 when it fits). */
function overflowX(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The outermost elements that stick out of the viewport, for the message. */
function widestElements(page) {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const found = [];
    for (const e of document.body.querySelectorAll('*')) {
      if (e.getBoundingClientRect().right <= W + 0.5) continue;
      let p = e.parentElement;
      let inner = false;
      for (; p && p !== document.body; p = p.parentElement) {
        if (p.getBoundingClientRect().right > W + 0.5 || getComputedStyle(p).overflowX !== 'visible') inner = true;
      }
      if (!inner) found.push(`<${e.localName} class="${e.getAttribute('class') ?? ''}">`);
    }
    return found.slice(0, 5).join(', ');
  });
}

async function screenshot(page, name, width) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: `${PAGE_SHOTS}${name.replace(/\.html$/, '')}-${width}.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, MAX_SHOT_HEIGHT[width]) },
  });
}

test('the site has an index and the lessons it links to', () => {
  assert.ok(pages.length >= 8, `index.html and at least 7 lessons, found ${pages.join(', ')}`);
});

for (const name of pages) {
  describe(name, () => {
    let page;
    const problems = [];

    before(async () => {
      page = watch(await context.newPage(), problems);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(site.server.url + name);
    });

    after(async () => {
      await page?.close();
    });

    test('every widget starts without an error and has results', async () => {
      await startEverything(page);
      const report = await widgetReport(page);
      for (const w of report) {
        assert.ok(w.defined, `${w.name} is a defined element`);
        assert.equal(w.error, null, `${w.name}: no error`);
        if (w.widget) {
          assert.equal(w.phase, 'ready', `${w.name} is ready`);
          assert.ok(w.hasOutput, `${w.name} has an output`);
        } else {
          assert.ok(['numeric', 'challenge'].includes(w.kind), `${w.name} is an exercise of a known kind`);
        }
      }
    });

    test('axe-core: no WCAG A/AA violations, light and dark', async () => {
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await axeViolations(page), [], `${name}, ${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });

    test('axe-core at 375 px: what scrolls sideways on a phone can be scrolled by keyboard', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForTimeout(100);
      assert.deepEqual(await axeViolations(page), [], `${name}, 375 px`);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('screenshots at 1280 and 375 px; no sideways scrolling at 375 and 360 px', async () => {
      await screenshot(page, name, 1280);
      for (const width of [375, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await page.waitForTimeout(100); // widgets re-lay themselves out on resize
        if (width === 375) await screenshot(page, name, 375);
        const over = await overflowX(page);
        assert.equal(
          over,
          0,
          `${name} at ${width} px is ${over} px too wide: ${over ? await widestElements(page) : ''}`,
        );
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('no console errors and no uncaught page errors', () => {
      assert.deepEqual(problems, []);
    });
  });
}

describe(`keyboard on ${KEYBOARD_LESSON}`, () => {
  let page;
  const problems = [];

  before(async () => {
    page = watch(await context.newPage(), problems);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.server.url + KEYBOARD_LESSON);
    await startEverything(page);
  });

  after(async () => {
    await page?.close();
  });

  test('Tab enters every widget and reaches each of its controls; focus is visible', async () => {
    // The tabbable controls inside each nl-* element's shadow root, in DOM order.
    const controls = await page.evaluate(() => {
      window.__nlTabbable = (root) =>
        [
          ...root.querySelectorAll('button, input, select, textarea, a[href], [tabindex], [contenteditable="true"]'),
        ].filter((c) => c.tabIndex >= 0 && !c.disabled && c.checkVisibility({ visibilityProperty: true }));
      return [...document.querySelectorAll('*')]
        .filter((e) => e.localName.startsWith('nl-') && e.shadowRoot)
        .map((e, i) => {
          e.dataset.kbIndex = String(i);
          return {
            name: `${e.localName}${e.id ? `#${e.id}` : `[${i}]`}`,
            widget: e.shadowRoot.querySelector('[part="base"]')?.dataset.phase !== undefined,
            count: window.__nlTabbable(e.shadowRoot).length,
          };
        });
    });
    assert.ok(controls.length > 0, 'the lesson has widgets');
    // Every widget has controls; a challenge exercise may have none (it watches a widget).
    for (const c of controls.filter((c) => c.widget)) assert.ok(c.count > 0, `${c.name} has tabbable controls`);
    const total = controls.reduce((n, c) => n + c.count, 0);

    // Walk the page with Tab from the top, noting which control of which widget has
    // the focus, its focus style, and the style of the one that just lost it.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.activeElement?.blur();
      const style = (c) => {
        const s = getComputedStyle(c);
        const p = c.parentElement ? getComputedStyle(c.parentElement) : null;
        return [
          s.outlineStyle,
          s.outlineWidth,
          s.outlineColor,
          s.boxShadow,
          s.borderColor,
          p?.outlineStyle,
          p?.boxShadow,
        ]
          .map(String)
          .join('|');
      };
      window.__nlStep = () => {
        let a = document.activeElement;
        let host = null;
        while (a?.shadowRoot?.activeElement) {
          if (a.localName.startsWith('nl-')) host = a;
          a = a.shadowRoot.activeElement;
        }
        const previous = window.__nlPrev;
        const out = { widget: null, control: -1, focused: null, previous: null, isBody: a === document.body || !a };
        if (previous) out.previous = { ...previous.id, unfocused: style(previous.node) };
        window.__nlPrev = null;
        if (host) {
          const index = window.__nlTabbable(host.shadowRoot).indexOf(a);
          out.widget = Number(host.dataset.kbIndex);
          out.control = index;
          out.focused = style(a);
          window.__nlPrev = { node: a, id: { widget: out.widget, control: index, focused: out.focused } };
        }
        return out;
      };
    });

    const visited = controls.map(() => []);
    const invisible = [];
    let lastWidget = -1;
    let entered = [];
    const limit = total + 400; // the page's own links and fields besides the widgets
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => window.__nlStep());
      if (s.previous && s.previous.focused === s.previous.unfocused) {
        invisible.push(`${controls[s.previous.widget].name} control ${s.previous.control}`);
      }
      if (s.widget !== null) {
        visited[s.widget].push(s.control);
        if (s.widget !== lastWidget) entered.push(s.widget);
      }
      lastWidget = s.widget ?? -1;
      if (visited.every((v, w) => v.length >= controls[w].count) && s.widget === null) break;
    }
    entered = [...new Set(entered)];
    assert.deepEqual(
      entered,
      controls.flatMap((c, i) => (c.count > 0 ? [i] : [])),
      'the focus enters every widget with controls, in page order',
    );
    for (const [w, c] of controls.entries()) {
      assert.deepEqual(
        visited[w],
        Array.from({ length: c.count }, (_, k) => k),
        `${c.name}: Tab reaches each of its ${c.count} controls once, in order`,
      );
    }
    assert.deepEqual(invisible, [], 'every focused control looks different from its unfocused self');
  });

  test('no console errors and no uncaught page errors', () => {
    assert.deepEqual(problems, []);
  });
});
