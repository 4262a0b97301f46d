// The content script's size budget (docs/DESIGN.md, Budgets: ≤ 40 kB gzipped), checked on the
// store build so it holds between benchmark runs. A step of `npm test`, after `wxt build`.
// Usage: node scripts/check-budget.mjs [path to content.js]
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');

/** The budget, in bytes of gzip at its default level (as `npm run bench` measures it). */
export const CONTENT_SCRIPT_BUDGET = 40_000;

const file = resolve(ROOT, process.argv[2] ?? '.output/chrome-mv3/content-scripts/content.js');
const name = relative(ROOT, file);
if (!existsSync(file)) {
  console.error(`${name} does not exist: run npm run build first.`);
  process.exit(1);
}
const raw = readFileSync(file);
const gzipped = gzipSync(raw).length;
const line = `${name}: ${gzipped.toLocaleString('en')} bytes gzipped (${raw.length.toLocaleString('en')} raw), budget ${CONTENT_SCRIPT_BUDGET.toLocaleString('en')} bytes`;
if (gzipped > CONTENT_SCRIPT_BUDGET) {
  console.error(
    `${line}: over by ${(gzipped - CONTENT_SCRIPT_BUDGET).toLocaleString('en')} bytes.\n` +
      'The content script runs on every page: move what is not needed to find mentions or open a card out of it ' +
      '(SOURCEMAP=1 npm run build gives a map to see what takes the room).',
  );
  process.exit(1);
}
console.log(`${line}: ${(CONTENT_SCRIPT_BUDGET - gzipped).toLocaleString('en')} bytes to spare`);
