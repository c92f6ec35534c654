#!/usr/bin/env node
// The lesson site's speed and weight (issue "The lesson site and its widgets",
// section "Speed and weight"), measured in headless Debian Chromium on
// localhost against dist/ (run after `npm run build`):
//
//   node bench/site.mjs            (SITE_RUNS=5 cold loads per page by default)
//
//   weight       every lesson page's total transfer, gzipped: the sum of the
//                gzip -9 sizes of every response the page loads (HTML, CSS,
//                fonts, embed.js, nl_core.mjs, nl_core.wasm, images), after
//                scrolling to the end so every lazy widget has started;
//                target <= 250 KB per page
//   interactive  navigation start -> the first widget's base part has
//                data-phase="ready" and its results are set (its first
//                nl-change), from performance.now() in the page, recorded by
//                an init script; median of SITE_RUNS cold loads (fresh context,
//                cache disabled) per page; target < 300 ms on every page
//   slider       lesson 1's first <nl-neuron>: 200 input events on its bias
//                slider, each timed from dispatch until the z output's text
//                has changed (synchronously when rendering is synchronous,
//                else at the next mutation or frame); one event per animation
//                frame; target p95 < 4 ms
//   boundary     <nl-boundary> at 200x200 (lesson 7's own widget when it is
//                200x200, else a page with one): a slider driven for 3 s by
//                one input event per animation frame; map redraws (calls of
//                putImageData on its 200x200 canvas) per second; target >= 60.
//                Also the time of each redraw (the widget's own animation-frame
//                callback, bracketed by two of ours), which says how many
//                redraws per second the work alone would allow.
//
// Prints a table with PASS/MISS and writes bench/results/site.json. A missed
// target never fails the process (exit status 1 only if the bench could not run).
// `measureBoundary` is exported for bench/boundary-redraw.mjs.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CSP, startServer } from '../scripts/serve.mjs';
import { LAUNCH } from '../tests/browser/harness.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const RESULTS = fileURLToPath(new URL('results/', import.meta.url));
export const LESSONS = [
  '01-neuron',
  '02-layer',
  '03-batch',
  '04-network',
  '05-xor',
  '06-activations',
  '07-decision-boundaries',
];
const WIDGETS = ['nl-neuron', 'nl-layer', 'nl-batch', 'nl-network', 'nl-xor', 'nl-activation', 'nl-boundary'];
const VIEWPORT = { width: 1280, height: 900 };

export const TARGETS = {
  weightKB: 250, // at most, per page
  interactiveMs: 300, // under, per page (median)
  sliderP95Ms: 4, // under
  boundaryFps: 60, // at least
};

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n === 0 ? null : n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
function quantile(values, q) {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(q * v.length))] : null;
}

/** A fresh context whose page loads everything from the network (no HTTP cache). */
async function coldPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

// --- (1) weight ----------------------------------------------------------------

/** Every response of one page (scrolled to the end), with raw and gzip -9 sizes. */
export async function measureWeight(browser, url) {
  const { context, page } = await coldPage(browser);
  try {
    const bodies = [];
    page.on('response', (response) => {
      bodies.push(
        response.body().then(
          (body) => ({
            url: response.url(),
            type: response.request().resourceType(),
            status: response.status(),
            bytes: body.length,
            gzip9: gzipSync(body, { level: 9 }).length,
          }),
          () => ({
            url: response.url(),
            type: response.request().resourceType(),
            status: response.status(),
            bytes: 0,
            gzip9: 0,
          }),
        ),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    // Bring every widget near the viewport so each lazy start (and what it loads) happens.
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await frame();
      }
      scrollTo(0, document.documentElement.scrollHeight);
      await frame();
      await document.fonts.ready;
    });
    await page.waitForLoadState('networkidle');
    const resources = await Promise.all(bodies);
    const base = new URL(url).origin;
    for (const r of resources) r.url = r.url.startsWith(base) ? r.url.slice(base.length) : r.url;
    resources.sort((a, b) => b.gzip9 - a.gzip9);
    return {
      totalGzip9: resources.reduce((s, r) => s + r.gzip9, 0),
      totalBytes: resources.reduce((s, r) => s + r.bytes, 0),
      resources,
    };
  } finally {
    await context.close();
  }
}

// --- (2) first widget interactive --------------------------------------------------

// Records, in the page, when the first widget is ready with its results: the
// first nl-change (fired by setResult, after render) whose widget's base part
// says data-phase="ready" and that carries no error. A frame-by-frame check
// covers a widget whose results equal the initial nulls (no nl-change).
function interactiveProbe(widgets) {
  const state = { at: null, widget: null, phases: [] };
  window.__nlInteractive = state;
  const isReady = (el) => {
    const base = el.shadowRoot?.querySelector('[part="base"]');
    return base?.dataset.phase === 'ready' && el.error == null;
  };
  const mark = (el) => {
    if (state.at !== null) return;
    state.at = performance.now();
    state.widget = el.id || el.localName;
  };
  document.addEventListener(
    'nl-change',
    (event) => {
      const el = event.target;
      if (widgets.includes(el.localName) && isReady(el)) mark(el);
    },
    true,
  );
  const poll = () => {
    if (state.at !== null) return;
    for (const el of document.querySelectorAll(widgets.join(','))) {
      if (isReady(el)) return mark(el);
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** One cold load: ms from navigation start to the first widget interactive, and the page's own marks. */
export async function measureInteractiveOnce(browser, url) {
  const { context, page } = await coldPage(browser);
  try {
    await page.addInitScript(interactiveProbe, WIDGETS);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__nlInteractive?.at !== null, null, { timeout: 15000, polling: 50 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = (name) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(name));
      const span = (r) => (r ? { start: r.startTime, end: r.responseEnd } : null);
      return {
        ms: window.__nlInteractive.at,
        widget: window.__nlInteractive.widget,
        responseEnd: nav?.responseEnd,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        load: nav?.loadEventEnd || null,
        embed: span(res('/embed.js')),
        coreMjs: span(res('/nl_core.mjs')),
        coreWasm: span(res('/nl_core.wasm')),
      };
    });
  } finally {
    await context.close();
  }
}

// --- (3) slider input -> DOM ---------------------------------------------------------

/** 200 input events on the bias slider of the page's first <nl-neuron>, each timed until z's text changed. */
export async function measureSlider(browser, url, events = 200) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const neuron = page.locator('nl-neuron').first();
    await neuron.scrollIntoViewIfNeeded();
    await neuron.evaluate(
      (el) =>
        new Promise((resolve) => {
          const ready = () => el.shadowRoot.querySelector('[part="base"]').dataset.phase === 'ready' && el.z !== null;
          const check = () => (ready() ? resolve() : setTimeout(check, 20));
          check();
        }),
    );
    return await neuron.evaluate(async (el, n) => {
      const root = el.shadowRoot;
      const range = root.getElementById('f-bias-0').parentElement.querySelector('input[type="range"]');
      const zOut = root.querySelector('[part="z"]');
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const min = Number(range.min);
      const max = Number(range.max);
      const step = Number(range.step) || 0.01;
      const dom = [];
      const layout = [];
      let sync = 0;
      for (let i = 0; i < n; i++) {
        // Alternate between two ramps so that every value differs from the last.
        const k = (i % 40) + 1;
        const v = i % 2 ? max - k * step : min + k * step;
        const before = zOut.textContent;
        const t0 = performance.now();
        range.value = String(v);
        range.dispatchEvent(new Event('input', { bubbles: true }));
        let t1;
        if (zOut.textContent !== before) {
          t1 = performance.now();
          sync++;
        } else {
          t1 = await new Promise((resolve) => {
            const done = () => {
              if (zOut.textContent === before) return false;
              observer.disconnect();
              resolve(performance.now());
              return true;
            };
            const observer = new MutationObserver(done);
            observer.observe(root, { subtree: true, childList: true, characterData: true });
            const poll = () => done() || requestAnimationFrame(poll);
            requestAnimationFrame(poll);
          });
        }
        dom.push(t1 - t0);
        zOut.getBoundingClientRect(); // style and layout of the change too (reported, not the target)
        layout.push(performance.now() - t0);
        await frame();
      }
      return { dom, layout, synchronous: sync, events: n, range: { min, max, step } };
    }, events);
  } finally {
    await context.close();
  }
}

// --- (4) boundary map redraws ---------------------------------------------------------

// Counts putImageData calls on canvases of the given side, with their times.
function redrawProbe(side) {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.putImageData;
  const log = { times: [] };
  window.__nlRedraws = log;
  proto.putImageData = function (image, ...rest) {
    const out = original.call(this, image, ...rest);
    if (this.canvas.width === side && this.canvas.height === side) log.times.push(performance.now());
    return out;
  };
}

const BOUNDARY_PAGE = (side) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="../embed.js"></script></head><body>
<nl-boundary id="b" layout="rows" sizes="2 3 1" weights="-1 0; 0 -1; 1 1 | -10 -10 -10" biases="0 0 -1 | 3"
 activations="relu sigmoid" inputs="0.3 0.3" resolution="${side}"></nl-boundary></body></html>`;

/**
 * <nl-boundary> at side x side: `pageUrl` (a page of the site) and `selector`
 * pick the widget, or, with pageUrl null, a generated page holding one
 * (lesson 7's triangle). Drives its first weight slider with one input event
 * per animation frame for `seconds`; returns the redraws per second and the
 * time of each redraw (the widget's own frame callback).
 */
export async function measureBoundary(
  browser,
  siteUrl,
  { side = 200, seconds = 3, pageUrl = null, selector = '#b' } = {},
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(redrawProbe, side);
    let url = pageUrl;
    if (!url) {
      url = `${siteUrl}bench/boundary.html`;
      await page.route(url, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': CSP },
          body: BOUNDARY_PAGE(side),
        }),
      );
    }
    await page.goto(url);
    const widget = page.locator(selector).first();
    await widget.scrollIntoViewIfNeeded();
    await widget.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const phase = () => el.shadowRoot.querySelector('[part="base"]').dataset.phase;
          const check = () =>
            phase() === 'error'
              ? reject(new Error(el.error))
              : Array.isArray(el.output)
                ? resolve()
                : setTimeout(check, 20);
          check();
        }),
    );
    return await widget.evaluate(
      async (el, { side, seconds }) => {
        const canvas = el.shadowRoot.querySelector('canvas');
        const range = el.shadowRoot.querySelector('input[type="range"]');
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        for (let i = 0; i < 10; i++) await frame(); // settle
        const min = Number(range.min);
        const max = Number(range.max);
        const steps = 60;
        const log = window.__nlRedraws;
        const first = log.times.length;
        // Per frame, in this order: pre (t0), the widget's redraw (requested by
        // the previous frame's input), drive (t1, then the next input). t1 - t0
        // is the redraw's own time.
        const work = [];
        let frames = 0;
        let t0 = null;
        const start = performance.now();
        const end = start + seconds * 1000;
        await new Promise((resolve) => {
          const drive = (now) => {
            if (t0 !== null) work.push(performance.now() - t0);
            frames++;
            if (now >= end) return resolve();
            requestAnimationFrame(() => {
              t0 = performance.now();
            });
            const k = frames % (2 * steps);
            const f = k < steps ? k / steps : 2 - k / steps;
            range.value = String(min + f * (max - min));
            range.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(drive);
          };
          requestAnimationFrame(drive);
        });
        await frame();
        await frame();
        const stop = performance.now();
        const times = log.times.slice(first);
        const inDrag = times.filter((t) => t >= start && t <= end + 50);
        const span = inDrag.length > 1 ? inDrag.at(-1) - inDrag[0] : NaN;
        return {
          side,
          canvas: [canvas.width, canvas.height],
          seconds: (stop - start) / 1000,
          frames,
          redraws: inDrag.length,
          fps: (inDrag.length - 1) / (span / 1000),
          frameFps: frames / (seconds || 1),
          work,
        };
      },
      { side, seconds },
    );
  } finally {
    await context.close();
  }
}

// --- the run -------------------------------------------------------------------------

const fmt = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(d));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const verdict = (ok) => (ok === null ? 'MISS (no result)' : ok ? 'PASS' : 'MISS');

async function main() {
  const runs = Math.max(1, Number.parseInt(process.env.SITE_RUNS ?? '5', 10) || 5);
  const started = new Date();
  const loadBefore = loadavg();
  const server = await startServer({ port: 0, root: DIST });
  const browser = await chromium.launch(LAUNCH);
  const log = (s) => process.stderr.write(s);
  const out = { weight: {}, interactive: {}, slider: null, boundary: null, errors: [] };
  try {
    for (const lesson of LESSONS) {
      log(`site bench: weight of ${lesson} ... `);
      try {
        out.weight[lesson] = await measureWeight(browser, `${server.url}${lesson}.html`);
        log(`${(out.weight[lesson].totalGzip9 / 1000).toFixed(1)} KB\n`);
      } catch (e) {
        out.errors.push(`weight ${lesson}: ${e.message}`);
        log(`FAILED: ${e.message}\n`);
      }
    }
    // Cold loads, page after page in rounds, so a slow spell is spread over the pages.
    // Widgets start lazily, one screen before they come into view, and every
    // lesson's first widget lies further down than that: a load of the bare page
    // starts none. So each load navigates to the first widget (lesson.html#id,
    // as a link to it does; the hash holds no widget state), and the browser
    // scrolls there while parsing.
    const firstIds = {};
    for (const lesson of LESSONS) {
      out.interactive[lesson] = { runs: [] };
      const html = await (await fetch(`${server.url}${lesson}.html`)).text();
      firstIds[lesson] = new RegExp(`<(?:${WIDGETS.join('|')}) id="([\\w-]+)"`).exec(html)?.[1] ?? '';
    }
    for (let round = 0; round < runs; round++) {
      log(`site bench: first widget interactive, round ${round + 1}/${runs} ...`);
      for (const lesson of LESSONS) {
        try {
          const r = await measureInteractiveOnce(browser, `${server.url}${lesson}.html#${firstIds[lesson]}`);
          out.interactive[lesson].runs.push(r);
          log(` ${r.ms.toFixed(0)}`);
        } catch (e) {
          out.errors.push(`interactive ${lesson}: ${e.message}`);
          log(' FAILED');
        }
      }
      log('\n');
    }
    for (const lesson of LESSONS) {
      const r = out.interactive[lesson];
      r.url = `${lesson}.html#${firstIds[lesson]}`;
      r.median = median(r.runs.map((x) => x.ms));
      r.widget = r.runs[0]?.widget ?? null;
      for (const k of ['responseEnd', 'domContentLoaded']) r[k] = median(r.runs.map((x) => x[k]));
      for (const k of ['embed', 'coreMjs', 'coreWasm']) r[`${k}End`] = median(r.runs.map((x) => x[k]?.end ?? NaN));
    }
    log('site bench: slider input -> DOM ... ');
    try {
      const s = await measureSlider(browser, `${server.url}01-neuron.html`);
      out.slider = { ...s, median: median(s.dom), p95: quantile(s.dom, 0.95), max: Math.max(...s.dom) };
      out.slider.layoutMedian = median(s.layout);
      out.slider.layoutP95 = quantile(s.layout, 0.95);
      log('done\n');
    } catch (e) {
      out.errors.push(`slider: ${e.message}`);
      log(`FAILED: ${e.message}\n`);
    }
    log('site bench: boundary map drag, 3 s ... ');
    try {
      // Lesson 7's widgets use the default resolution (200) unless they say
      // otherwise: take the last such (2-3-1, the most work per point).
      const html = await (await fetch(`${server.url}07-decision-boundaries.html`)).text();
      const own = [...html.matchAll(/<nl-boundary id="([\w-]+)"(?![^>]*resolution=)[^>]*>/g)].at(-1);
      const options = {
        side: 200,
        seconds: 3,
        pageUrl: own ? `${server.url}07-decision-boundaries.html` : null,
        selector: own ? `#${own[1]}` : '#b',
      };
      const summary = (b) => ({ ...b, workMedian: median(b.work.slice(5)), workP95: quantile(b.work.slice(5), 0.95) });
      out.boundary = { ...summary(await measureBoundary(browser, server.url, options)) };
      out.boundary.page = own ? `07-decision-boundaries.html#${own[1]}` : 'generated page';
      // The same with Chromium's frame rate uncapped: how fast the redraws could
      // come if frames were not paced at the display's 60 Hz (information only).
      const uncapped = await chromium.launch({
        ...LAUNCH,
        args: [...LAUNCH.args, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
      });
      try {
        out.boundary.uncapped = summary(await measureBoundary(uncapped, server.url, options));
      } finally {
        await uncapped.close();
      }
      log('done\n');
    } catch (e) {
      out.errors.push(`boundary: ${e.message}`);
      log(`FAILED: ${e.message}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const loadAfter = loadavg();

  // Verdicts.
  const checks = [];
  for (const lesson of LESSONS) {
    const w = out.weight[lesson];
    checks.push({
      name: `weight ${lesson}`,
      value: w ? w.totalGzip9 / 1000 : null,
      unit: 'KB',
      target: `<= ${TARGETS.weightKB} KB`,
      pass: w ? w.totalGzip9 / 1000 <= TARGETS.weightKB : null,
    });
  }
  for (const lesson of LESSONS) {
    const m = out.interactive[lesson].median;
    checks.push({
      name: `interactive ${lesson}`,
      value: m,
      unit: 'ms',
      target: `< ${TARGETS.interactiveMs} ms`,
      pass: m === null ? null : m < TARGETS.interactiveMs,
    });
  }
  const s = out.slider;
  checks.push({
    name: 'slider input -> DOM p95',
    value: s?.p95 ?? null,
    unit: 'ms',
    target: `< ${TARGETS.sliderP95Ms} ms`,
    pass: s ? s.p95 < TARGETS.sliderP95Ms : null,
  });
  const b = out.boundary;
  checks.push({
    name: 'boundary 200x200 redraws/s',
    value: b?.fps ?? null,
    unit: 'fps',
    target: `>= ${TARGETS.boundaryFps} fps`,
    pass: b ? b.fps >= TARGETS.boundaryFps : null,
  });

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [];
  lines.push(`NeuronLab site benchmark, ${started.toISOString()}, headless ${LAUNCH.executablePath}`);
  lines.push(
    `${cpu}, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at start, ` +
      `${loadAfter.map((l) => l.toFixed(2)).join(' ')} at end`,
  );
  lines.push('');
  lines.push(
    `${pad('page', 26)}${lpad('gzip KB', 9)}${lpad('raw KB', 9)}${lpad('reqs', 6)}   ${pad('weight', 6)}` +
      `${lpad('interactive ms', 16)}${lpad('(runs)', 8)}   verdict   first widget`,
  );
  for (const lesson of LESSONS) {
    const w = out.weight[lesson];
    const i = out.interactive[lesson];
    const wc = checks.find((c) => c.name === `weight ${lesson}`);
    const ic = checks.find((c) => c.name === `interactive ${lesson}`);
    lines.push(
      `${pad(lesson, 26)}${lpad(fmt(w && w.totalGzip9 / 1000), 9)}${lpad(fmt(w && w.totalBytes / 1000), 9)}` +
        `${lpad(w?.resources.length ?? '-', 6)}   ${pad(verdict(wc.pass), 6)}${lpad(fmt(i.median, 0), 16)}` +
        `${lpad(`(${i.runs.length})`, 8)}   ${pad(verdict(ic.pass), 9)} ${i.widget ?? '-'}`,
    );
  }
  lines.push(
    `  interactive runs, ms: ${LESSONS.map((l) => `${l.slice(0, 2)}: ${out.interactive[l].runs.map((r) => r.ms.toFixed(0)).join(' ')}`).join('; ')}`,
  );
  lines.push(
    `  median milestones, ms (01): HTML ${fmt(out.interactive[LESSONS[0]].responseEnd, 0)}, embed.js ` +
      `${fmt(out.interactive[LESSONS[0]].embedEnd, 0)}, nl_core.mjs ${fmt(out.interactive[LESSONS[0]].coreMjsEnd, 0)}, ` +
      `nl_core.wasm ${fmt(out.interactive[LESSONS[0]].coreWasmEnd, 0)}, DOMContentLoaded ` +
      `${fmt(out.interactive[LESSONS[0]].domContentLoaded, 0)}`,
  );
  lines.push('');
  const heaviest = out.weight[LESSONS[1]] ?? out.weight[LESSONS[0]];
  if (heaviest) {
    lines.push(
      `responses of ${heaviest === out.weight[LESSONS[1]] ? LESSONS[1] : LESSONS[0]}, heaviest first (gzip -9 / raw bytes):`,
    );
    for (const r of heaviest.resources)
      lines.push(`  ${pad(r.url, 44)}${lpad(r.gzip9, 8)}${lpad(r.bytes, 9)}  ${r.type}`);
    lines.push('');
  }
  if (s) {
    lines.push(
      `slider (01-neuron, first <nl-neuron>, bias), ${s.events} input events, ${s.synchronous} rendered synchronously: ` +
        `median ${fmt(s.median, 3)} ms, p95 ${fmt(s.p95, 3)} ms, max ${fmt(s.max, 2)} ms; with style+layout: median ` +
        `${fmt(s.layoutMedian, 3)}, p95 ${fmt(s.layoutP95, 3)} ms   target p95 < ${TARGETS.sliderP95Ms} ms   ` +
        verdict(checks.at(-2).pass),
    );
  }
  if (b) {
    lines.push(
      `boundary (${b.page}, canvas ${b.canvas.join('x')}): ${b.redraws} redraws in ${fmt(b.seconds, 2)} s of dragging, ` +
        `${fmt(b.fps, 1)} redraws/s (${b.frames} frames driven); one redraw: median ${fmt(b.workMedian, 2)} ms, p95 ` +
        `${fmt(b.workP95, 2)} ms (=> ${fmt(1000 / b.workP95, 0)}/s at p95)   target >= ${TARGETS.boundaryFps}/s   ` +
        verdict(checks.at(-1).pass),
    );
    const u = b.uncapped;
    if (u) {
      lines.push(
        `  with the frame rate uncapped (--disable-frame-rate-limit): ${fmt(u.fps, 1)} redraws/s, ` +
          `${fmt(u.frames / u.seconds, 1)} frames/s; one redraw: median ${fmt(u.workMedian, 2)} ms, p95 ${fmt(u.workP95, 2)} ms`,
      );
    }
  }
  lines.push('');
  lines.push('targets');
  for (const c of checks)
    lines.push(
      `  ${pad(c.name, 36)}${lpad(fmt(c.value, c.unit === 'ms' && c.value < 10 ? 3 : 1), 9)} ${pad(c.unit, 4)}${pad(c.target, 14)}${verdict(c.pass)}`,
    );
  for (const e of out.errors) lines.push(`error: ${e}`);
  console.log(lines.join('\n'));

  await mkdir(RESULTS, { recursive: true });
  await writeFile(
    `${RESULTS}site.json`,
    `${JSON.stringify(
      {
        date: started.toISOString(),
        command: 'node bench/site.mjs',
        machine: {
          cpu,
          cores: cpus().length,
          loadavgAtStart: loadBefore,
          loadavgAtEnd: loadAfter,
          node: process.version,
        },
        runs,
        targets: TARGETS,
        checks,
        ...out,
        table: lines,
      },
      null,
      2,
    )}\n`,
  );
  console.log('\nwritten to bench/results/site.json');
  return out.errors.length && checks.every((c) => c.pass === null) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
