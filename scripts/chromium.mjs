// Finding Chromium and serving fixture pages: shared by `npm start`, the e2e kit and benchmarks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/** Where Chromium is looked for, in order. */
export const CHROMIUM_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
].filter(Boolean);

/** The first Chromium that exists, or undefined. */
export function findChromium() {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** The message printed when no Chromium is found. */
export const NO_CHROMIUM = `No Chromium found (looked at: ${CHROMIUM_CANDIDATES.join(', ')}).
Install it, then run the command again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
or point CHROME_PATH at a Chromium or Chrome binary:
  CHROME_PATH=/path/to/chromium npm start`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves a folder on 127.0.0.1 (a random port). Extra routes map a path to a function that
 * returns { type, body } (used for generated benchmark pages).
 */
export function serveFolder(folder, routes = {}) {
  const root = resolve(folder);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const route = routes[path];
    if (route) {
      const { type, body } = route();
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        origin: `http://127.0.0.1:${port}`,
        url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Chromium flags that load an unpacked extension and keep the browser off the network. */
export function extensionArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-default-apps',
  ];
}
