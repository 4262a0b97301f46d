// `npm run screenshots`: refreshes the README's screenshots in docs/, the one command that writes
// there (tests write theirs under .output/screenshots/ and never touch tracked files).
//   1. builds the instrumented build (the e2e tests' default) and the store build;
//   2. runs the e2e files that take screenshots (card, popup, options), then copies their
//      .output/screenshots/*.png to docs/;
//   3. takes docs/toolbar.png and docs/toolbar-dark.png: headed Chromium under xvfb-run with the
//      store build pinned to the toolbar, on the demo article (headless Chromium draws no toolbar).
// Usage: npm run screenshots [-- --toolbar-only]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHOTS = resolve(ROOT, '.output/screenshots');
const DOCS = resolve(ROOT, 'docs');
const toolbarOnly = process.argv.includes('--toolbar-only');
/** The virtual screen; the browser window fills it. */
const SCREEN = { width: 1280, height: 800 };

const NO_XVFB = `docs/toolbar.png needs a virtual X display: xvfb-run was not found on PATH.
Install it, then run npm run screenshots again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y xvfb
(headless Chromium draws no toolbar, so the toolbar is shot in a headed browser on Xvfb)`;

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

// The default builds and folders, whatever the shell exports (an instrumented build, another
// output folder or extension would not be what the README shows).
const env = { ...process.env };
for (const name of ['FACTCARDS_INSTRUMENTED', 'FACTCARDS_OUT_DIR', 'FACTCARDS_EXTENSION'])
  delete env[name];

function step(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${label} failed: docs/ was left as it was.`);
    process.exit(1);
  }
}

// Check what is needed before building anything.
const missing = [];
if (!findChromium()) missing.push(NO_CHROMIUM);
if (!onPath('xvfb-run')) missing.push(NO_XVFB);
if (missing.length) {
  console.error(missing.join('\n\n'));
  process.exit(1);
}

if (!toolbarOnly) {
  step('build (chrome-mv3, instrumented)', 'npm', ['run', '--silent', 'build:instrumented']);
  rmSync(SHOTS, { recursive: true, force: true });
  step('screenshot tests', 'node', [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=dot',
    'tests/e2e/card.test.mjs',
    'tests/e2e/popup.test.mjs',
    'tests/e2e/options.test.mjs',
  ]);
}
step('build (chrome-mv3)', 'npx', ['wxt', 'build']);

for (const variant of ['light', 'dark']) {
  const fbdir = mkdtempSync(join(tmpdir(), 'factcards-xvfb-'));
  try {
    const out = resolve(SHOTS, variant === 'dark' ? 'toolbar-dark.png' : 'toolbar.png');
    step(`toolbar screenshot (${variant})`, 'xvfb-run', [
      '-a',
      '-s',
      `-screen 0 ${SCREEN.width}x${SCREEN.height}x24 -fbdir ${fbdir} -nocursor`,
      'node',
      'scripts/toolbar-screenshot.mjs',
      fbdir,
      out,
      ...(variant === 'dark' ? ['--dark'] : []),
    ]);
  } finally {
    rmSync(fbdir, { recursive: true, force: true });
  }
}

mkdirSync(DOCS, { recursive: true });
// --toolbar-only leaves the other screenshots alone: the ones in .output/ may be from any run.
const shots = readdirSync(SHOTS).filter(
  (name) => name.endsWith('.png') && (!toolbarOnly || name.startsWith('toolbar')),
);
for (const name of shots) copyFileSync(join(SHOTS, name), join(DOCS, name));
console.log(`\nCopied to docs/: ${shots.join(', ')}`);
