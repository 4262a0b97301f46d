// `npm run test:firefox` (and the Firefox step of `npm test`): the Firefox builds, the Firefox
// real-browser suite (tests/e2e/firefox/*.firefox.mjs, puppeteer-core) on the store build, then
// the package subset on the unpacked store zip (`wxt zip -b firefox`). Last line:
// "N passed, N failed". Usage: node scripts/test-firefox.mjs [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFirefox, firefoxZipPath, NO_FIREFOX, unpackZip } from './firefox.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SUITE = 'tests/e2e/firefox';
/** The files run again on the unpacked store zip: everything that exercises the package itself. */
const ON_ZIP = ['card', 'closed-shadow', 'detection', 'extension-pages'];
const UNPACKED_ZIP = resolve(ROOT, '.output/firefox-mv2-zip');

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return result;
}

function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

/** Runs node:test files and adds their pass/fail counts. */
function suite(label, files, env = {}) {
  const result = run(
    label,
    'node',
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  );
  const out = `${result.stdout}\n${result.stderr}`;
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (fail > 0 || result.status !== 0) failures.push(label);
  if (result.status !== 0 && fail === 0) failed++;
}

const finish = () => {
  if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
};

const firefox = findFirefox();
if (!firefox) {
  console.error(`\nThe Firefox real-browser tests need Firefox.\n${NO_FIREFOX}\n`);
  failed++;
  failures.push('Firefox not found');
  finish();
}
console.log(`Firefox: ${firefox}`);

const files = readdirSync(resolve(ROOT, SUITE))
  .filter((f) => f.endsWith('.firefox.mjs'))
  .sort()
  .map((f) => `${SUITE}/${f}`);

if (process.argv.includes('--no-build')) {
  for (const dir of ['.output/firefox-mv2'])
    if (!existsSync(resolve(ROOT, dir, 'manifest.json'))) {
      console.error(`\n${dir} is missing: run \`npx wxt zip -b firefox\`, or drop --no-build.`);
      failed++;
      failures.push(`${dir} missing`);
      finish();
    }
} else {
  // `wxt zip` builds the store build (.output/firefox-mv2) and zips exactly that.
  const zipped = check('store zip (firefox-mv2)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
  if (!zipped) {
    failed++;
    failures.push('Firefox e2e (skipped: a build failed)');
    finish();
  }
}

suite('Firefox real-browser tests (store build)', files);

const zip = firefoxZipPath();
if (existsSync(zip)) {
  await unpackZip(zip, UNPACKED_ZIP);
  suite(
    'Firefox real-browser tests (unpacked store zip)',
    ON_ZIP.map((name) => `${SUITE}/${name}.firefox.mjs`),
    { FACTCARDS_FIREFOX_EXTENSION: UNPACKED_ZIP },
  );
} else {
  console.error(`\n${zip} is missing: run \`npm run zip\`, or drop --no-build.`);
  failed++;
  failures.push('store zip missing');
}

finish();
