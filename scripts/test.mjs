// `npm test`: every check in CI order (lint → typecheck → unit → build → budget → packages →
// real-browser e2e), then one plain line "N passed, N failed" summed over all of them.
// Usage: node scripts/test.mjs [--skip-e2e]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';
import { findFirefox, NO_FIREFOX } from './firefox.mjs';

const skipE2e = process.argv.includes('--skip-e2e');
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return result;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

if (!skipE2e && !findChromium()) {
  console.error(`\nThe real-browser tests need Chromium.\n${NO_CHROMIUM}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!skipE2e && !findFirefox()) {
  console.error(`\nThe Firefox real-browser tests need Firefox.\n${NO_FIREFOX}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('lint', 'npx', [
  'oxlint',
  '--deny-warnings',
  'entrypoints',
  'components',
  'lib',
  'tests',
  'scripts',
]);
check('format', 'npx', ['prettier', '--check', '.']);
check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);

// Unit tests: vitest's JSON report gives the counts.
const report = '.vitest-report.json';
rmSync(report, { force: true });
const unit = run(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
  { NO_COLOR: '1' },
);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // Every failed test counts once; so does every test file that failed as a whole (it did not
  // load, or failed outside any test), whose tests vitest never counted.
  const failedTests = json.numFailedTests ?? 0;
  const failedFiles = (json.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  ).length;
  passed += json.numPassedTests ?? 0;
  failed += failedTests + failedFiles;
  if (failedTests > 0 || failedFiles > 0) failures.push('unit tests');
} else {
  failed++;
  failures.push('unit tests (no report)');
}
if (unit.status !== 0 && !failures.includes('unit tests')) {
  failed++;
  failures.push('unit tests (runner)');
}

const built =
  check('build (chrome-mv3, instrumented)', 'npm', ['run', '--silent', 'build:instrumented']) &&
  check('build (chrome-mv3)', 'npx', ['wxt', 'build']);
// Firefox ships MV2: its build must stay lint-clean (0 errors) for the add-ons store.
if (check('build (firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  check('web-ext lint (firefox-mv2)', 'npx', [
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv2',
    '--output',
    'text',
  ]);
}

// Budgets: the store build's content script stays within 40 kB gzipped (docs/DESIGN.md).
if (built)
  check('content-script budget (≤ 40,000 B gzipped)', 'node', ['scripts/check-budget.mjs']);
// The packages we would upload: the three zips, their icons, the sources zip, web-ext lint.
check('packages (npm run zip)', 'node', ['scripts/check-packages.mjs']);

if (!skipE2e) {
  if (!built) {
    failed++;
    failures.push('e2e (skipped: the build failed)');
  } else {
    const e2e = run(
      'real-browser tests',
      'node',
      ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/e2e/'],
      { NO_COLOR: '1', FORCE_COLOR: '0' },
    );
    const out = `${e2e.stdout}\n${e2e.stderr}`;
    const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
    const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
    passed += pass;
    failed += fail;
    if (fail > 0 || e2e.status !== 0) failures.push('real-browser tests');
    if (e2e.status !== 0 && fail === 0) failed++;
  }
}

// Firefox: its builds, its real-browser suite and the store zip, in scripts/test-firefox.mjs; it
// ends with "N passed, N failed" like this script, and fails clearly when there is no Firefox.
if (!skipE2e) {
  const firefox = run('Firefox (builds, real-browser tests, store zip)', 'node', [
    'scripts/test-firefox.mjs',
  ]);
  const counts = /(\d+) passed, (\d+) failed\s*$/.exec(firefox.stdout ?? '');
  passed += Number(counts?.[1] ?? 0);
  failed += Number(counts?.[2] ?? 0);
  if (!counts || firefox.status !== 0) failures.push('Firefox');
  if (!counts) failed++;
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
