#!/usr/bin/env node
// How long one redraw of <nl-boundary> takes in headless Chromium: the slider
// input handler's animation-frame callback (float64 point result, the core's
// 200×200 float32 grid evaluation, colouring into the reused ImageData,
// putImageData, the readouts). Not a test; run after `npm run build`:
//
//   node bench/boundary-redraw.mjs [resolution]
//
// Each sample brackets the widget's own requestAnimationFrame callback between
// two others registered before and after it, so only its work is timed.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSP, startServer } from '../scripts/serve.mjs';
import { LAUNCH } from '../tests/browser/harness.mjs';

const side = Number(process.argv[2] ?? 200);
const server = await startServer({ port: 0, root: fileURLToPath(new URL('../dist/', import.meta.url)) });
const browser = await chromium.launch(LAUNCH);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = `${server.url}bench/boundary.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="../embed.js"></script></head><body>
<nl-boundary id="b" layout="rows" sizes="2 3 1" weights="-1 0; 0 -1; 1 1 | -10 -10 -10" biases="0 0 -1 | 3" activations="relu sigmoid" inputs="0.3 0.3" resolution="${side}"></nl-boundary></body></html>`,
    }),
  );
  await page.goto(url);
  await page.waitForFunction(() => Array.isArray(document.getElementById('b').output));
  const times = await page.evaluate(async () => {
    const el = document.getElementById('b');
    const range = el.shadowRoot.querySelector('input[type="range"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const out = [];
    for (let i = 0; i < 300; i++) {
      let t0 = 0;
      requestAnimationFrame(() => {
        t0 = performance.now();
      });
      range.value = String(-1 + (i % 100) / 50);
      range.dispatchEvent(new Event('input'));
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      out.push(performance.now() - t0);
      await frame();
    }
    return out;
  });
  const sorted = times.slice(50).sort((a, b) => a - b); // the first frames warm up
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`nl-boundary ${side}x${side} redraw (slider input -> map drawn), ${sorted.length} frames:`);
  console.log(`  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`);
  console.log(`  => up to ${Math.floor(1000 / at(0.95))} redraws per second at p95`);
} finally {
  await browser.close();
  await server.close();
}
