#!/usr/bin/env node
// How long one redraw of <nl-boundary> takes in headless Chromium while a
// weight slider is dragged (one input event per animation frame): the widget's
// animation-frame callback (float64 point result, the core's side×side float32
// grid evaluation, colouring into the reused ImageData, putImageData, the
// readouts), bracketed by two callbacks of ours, and the redraws per second.
// The measurement is bench/site.mjs's measureBoundary (part of its run); this
// runs it alone, on a generated page at any resolution. After `npm run build`:
//
//   node bench/boundary-redraw.mjs [resolution] [seconds]
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { LAUNCH } from '../tests/browser/harness.mjs';
import { measureBoundary } from './site.mjs';

const side = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 3);
const server = await startServer({ port: 0, root: fileURLToPath(new URL('../dist/', import.meta.url)) });
const browser = await chromium.launch(LAUNCH);
try {
  const r = await measureBoundary(browser, server.url, { side, seconds });
  const sorted = r.work.slice(5).sort((a, b) => a - b); // the first frames warm up
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`nl-boundary ${side}x${side}, slider dragged for ${r.seconds.toFixed(2)} s:`);
  console.log(`  ${r.redraws} redraws, ${r.fps.toFixed(1)} per second (${r.frames} frames)`);
  console.log(
    `  one redraw: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`,
  );
  console.log(`  => up to ${Math.floor(1000 / at(0.95))} redraws per second at p95`);
} finally {
  await browser.close();
  await server.close();
}
