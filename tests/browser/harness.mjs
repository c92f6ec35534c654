// What the browser tests share: Debian's Chromium through playwright-core, the
// site server, console-error watching, test pages served under the site's CSP,
// and waiting for lazily started widgets. Not a test file itself (node --test
// only runs *.test.mjs).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSP, startServer } from '../../scripts/serve.mjs';

/** The repository root as a file: URL. */
export const ROOT = new URL('../../', import.meta.url);

/** Where screenshots go, for a person to look at. */
export const SHOTS = fileURLToPath(new URL('test-results/', ROOT));

/** Chromium's launch options for these tests. */
export const LAUNCH = {
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

/** Starts Chromium and a server for dist/: { browser, server, close() }. */
export async function openSite() {
  const server = await startServer({ port: 0, root: fileURLToPath(new URL('dist/', ROOT)) });
  const browser = await chromium.launch(LAUNCH);
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Records console errors and uncaught page errors of a page into `problems`. */
export function watch(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return page;
}

/**
 * Serves `html` at `url` to this browser context, with the site's strict CSP,
 * so a test can build the page it needs (scripts load from the real server).
 */
export async function servePage(context, url, html) {
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': CSP },
      body: html,
    }),
  );
}

/**
 * Widgets start when they come near the viewport: scrolls each one matching
 * `selector` into view and waits until it has a result or an error, then
 * scrolls back to the top.
 */
export async function startWidgets(page, selector) {
  const count = await page.locator(selector).count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator(selector).nth(i);
    await widget.scrollIntoViewIfNeeded();
    await widget.evaluate(
      (el) =>
        new Promise((resolve) => {
          const done = () => el.shadowRoot.querySelector('[part="base"]').dataset.phase.match(/ready|error/);
          if (done()) return resolve();
          const timer = setInterval(() => done() && (clearInterval(timer), resolve()), 20);
        }),
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The phase of a widget's lazy start: idle, loading, ready or error. */
export function phaseOf(locator) {
  return locator.evaluate((el) => el.shadowRoot.querySelector('[part="base"]').dataset.phase);
}
