// Contender: `node bench/chromium.mjs wasm|tfjs` runs the wasm core or TF.js
// (wasm backend) in headless Debian Chromium, one browser per contender. A
// local node:http server serves the page and the code it loads; the page is
// cross-origin isolated (COOP/COEP) so that performance.now() has 5 us steps
// rather than 100 us. Prints one JSON line.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const which = process.argv[2];
if (which !== 'wasm' && which !== 'tfjs') {
  console.error('usage: node bench/chromium.mjs wasm|tfjs');
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = {
  '/bench/': join(root, 'bench'),
  '/wasm/': join(root, 'build/wasm'),
  '/core/': join(root, 'web/src/core'),
  '/tfjs/': join(root, 'node_modules/@tensorflow/tfjs-core/dist'),
  '/tfjs-wasm/': join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
};
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

async function fileFor(urlPath) {
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    if (!file.startsWith(dir + sep)) return null;
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? file : null;
  }
  return null;
}

const server = createServer(async (req, res) => {
  const file = await fileFor(new URL(req.url, 'http://localhost').pathname);
  const headers = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  };
  if (!file) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
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
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/bench/page.html`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  page.setDefaultTimeout(300_000);
  const result = await page.evaluate((w) => window.runBench(w), which);
  if (errors.length) throw new Error(errors.join('; '));
  const engine = `chromium ${browser.version()}` + (result.detail ? `, ${result.detail}` : '');
  delete result.detail;
  console.log(JSON.stringify({ engine, ...result }));
} finally {
  await browser.close();
  server.close();
}
