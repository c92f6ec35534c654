#!/usr/bin/env node
// A small static server for dist/ on 127.0.0.1 (no dependencies). It sends the
// headers the site relies on: application/wasm for the core, CORS for embeds
// from other origins, and on pages the strict Content-Security-Policy they must
// work under. Run: `node scripts/serve.mjs` (PORT=… to change the port from 8080).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The Content-Security-Policy sent with every HTML page. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function sendText(res, status, text, head) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : text);
}

/** The file for a URL path inside root, or null (outside root, missing, not a file). */
async function resolveFile(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  // join() normalises ".." away; the realpath check below also stops symlinks out of root.
  const candidates = path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
  for (const candidate of candidates) {
    const full = join(root, candidate);
    if (full !== root && !full.startsWith(root + sep)) return null;
    try {
      const real = await realpath(full);
      if (!real.startsWith(root + sep)) return null;
      const info = await stat(real);
      if (info.isFile()) return { file: real, size: info.size };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/**
 * Starts the server. Resolves to { server, port, url, close() } once listening;
 * rejects with the listen error (err.code 'EADDRINUSE' when the port is taken).
 * port 0 picks a free port.
 */
export async function startServer({ port = 8080, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  const realRoot = await realpath(root);
  const server = createServer(async (req, res) => {
    try {
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed\n', head);
        return;
      }
      const urlPath = new URL(req.url, 'http://localhost').pathname;
      const found = await resolveFile(realRoot, urlPath);
      if (!found) {
        sendText(res, 404, `Not found: ${urlPath}\n`, head);
        return;
      }
      const type = MIME[extname(found.file)] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Content-Length': found.size,
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
      res.writeHead(200, headers);
      if (head) {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, 'Internal error\n', false);
      else res.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0-65535), not "${raw}".`);
    process.exit(1);
  }
  startServer({ port }).then(
    ({ port: actual }) => console.log(`NeuronLab is running at http://localhost:${actual}/`),
    (err) => {
      if (err.code === 'EADDRINUSE') {
        console.error(
          `Port ${port} is busy: another program is using it. Stop it, or pick another port: PORT=${port + 1} npm start`,
        );
      } else if (err.code === 'ENOENT') {
        console.error('dist/ does not exist yet: run npm run build first.');
      } else {
        console.error(`Cannot start the server: ${err.message}`);
      }
      process.exit(1);
    },
  );
}
