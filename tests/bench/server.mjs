// The benchmark's page server: generated pages from memory and saved pages read from a folder
// outside the project (../shared/realpages, never copied), on 127.0.0.1. Every page is sent
// cross-origin isolated (COOP + COEP), so `performance.now()` in the page and in the content
// script's world has 5 µs resolution instead of 100 µs: the feed's per-post figures are tens of
// µs each, the 100 KB page's floor under 2 ms.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize, resolve } from 'node:path';

const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cache-control': 'no-store',
};

/**
 * Serves `routes` (path → () => html) and, under `/real/`, the `.html` files of `realDir`.
 * @param {Record<string, () => string>} routes
 * @param {string | undefined} realDir
 */
export function serveBench(routes, realDir) {
  const real = realDir ? resolve(realDir) : undefined;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    let body;
    if (route) body = route();
    else if (real && path.startsWith('/real/') && path.endsWith('.html')) {
      const file = normalize(join(real, path.slice('/real/'.length)));
      if (file.startsWith(real) && existsSync(file) && statSync(file).isFile())
        body = readFileSync(file);
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain', ...ISOLATED });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...ISOLATED });
    res.end(body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
