// The packages we would upload, checked as a store would see them (a step of `npm test`):
// `npm run zip` writes the Chrome zip, the Firefox zip and the sources zip; each manifest names
// the icons and the zip holds them at their sizes; the sources zip is the tracked tree (nothing
// ignored, nothing missing) and rebuilds the Firefox zip byte for byte, as AMO's reviewers do;
// `web-ext lint` on the unpacked Firefox zip reports no error. Usage: node scripts/check-packages.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ICON_SIZES, OFF_ICON_SIZES, iconFile } from './icons.mjs';
import { pngHeader } from './png.mjs';
import { readZip, unpackZip } from './zip.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, '.output');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));

/** The three zips `npm run zip` writes (WXT's default names: `{{name}}-{{version}}-…`). */
export const PACKAGES = {
  chrome: resolve(OUT, `${pkg.name}-${pkg.version}-chrome.zip`),
  firefox: resolve(OUT, `${pkg.name}-${pkg.version}-firefox.zip`),
  sources: resolve(OUT, `${pkg.name}-${pkg.version}-sources.zip`),
};

/** What the sources zip must never hold: installs, build output, caches, benchmark results. */
const NEVER_IN_SOURCES = [
  /^node_modules\//,
  /^\.output/,
  /^\.wxt\//,
  /^bench-results\//,
  /^\.git\//,
];

/** Warnings `web-ext lint` gives that the README documents (Preact's own renderer). */
const DOCUMENTED_LINT_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

// The store packages: never the instrumented build, always in .output/.
const env = { ...process.env };
delete env.FACTCARDS_INSTRUMENTED;
delete env.FACTCARDS_OUT_DIR;

const problems = [];
const fail = (message) => problems.push(message);

function run(command, args, options = {}) {
  return spawnSync(command, args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

/** Checks one browser package's manifest and icons. */
function checkBrowserPackage(browser, files) {
  const name = relative(ROOT, PACKAGES[browser]);
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return fail(`${name}: no manifest.json`);
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  const expectedVersion = browser === 'chrome' ? 3 : 2;
  if (manifest.manifest_version !== expectedVersion)
    fail(`${name}: manifest_version ${manifest.manifest_version}, expected ${expectedVersion}`);

  const icons = manifest.icons ?? {};
  for (const size of ICON_SIZES)
    if (icons[size] !== iconFile('on', size))
      fail(
        `${name}: manifest icons["${size}"] is ${JSON.stringify(icons[size])}, expected "${iconFile('on', size)}"`,
      );
  const actionKey = expectedVersion === 3 ? 'action' : 'browser_action';
  const toolbar = manifest[actionKey]?.default_icon ?? {};
  for (const size of [16, 32])
    if (toolbar[size] !== iconFile('on', size))
      fail(
        `${name}: ${actionKey}.default_icon["${size}"] is ${JSON.stringify(toolbar[size])}, expected "${iconFile('on', size)}"`,
      );

  // Every icon the manifest names, and the "off for this site" ones the background passes to
  // setIcon, must be in the zip at the size it is named for.
  const wanted = new Map();
  for (const [size, path] of [...Object.entries(icons), ...Object.entries(toolbar)])
    wanted.set(path.replace(/^\//, ''), Number(size));
  for (const size of OFF_ICON_SIZES) wanted.set(iconFile('off', size), size);
  for (const [path, size] of wanted) {
    const png = files.get(path);
    if (!png) {
      fail(`${name}: ${path} is not in the zip`);
      continue;
    }
    try {
      const { width, height, colorType } = pngHeader(png);
      if (width !== size || height !== size)
        fail(`${name}: ${path} is ${width}×${height}, expected ${size}×${size}`);
      if (colorType !== 6)
        fail(`${name}: ${path} has no alpha channel (PNG colour type ${colorType})`);
    } catch (error) {
      fail(`${name}: ${path}: ${error.message}`);
    }
  }
  console.log(
    `${name}: ${files.size} files, manifest v${manifest.manifest_version}, ${wanted.size} icons checked`,
  );
}

/** Checks that the sources zip is the tracked tree: nothing git ignores, nothing tracked missing. */
function checkSources(files) {
  const name = relative(ROOT, PACKAGES.sources);
  const paths = [...files.keys()];
  for (const path of paths)
    if (NEVER_IN_SOURCES.some((re) => re.test(path))) fail(`${name}: holds ${path}`);
  const tracked = run('git', ['ls-files', '-z']);
  if (tracked.status !== 0) {
    console.log(`${name}: not a git checkout, so the tracked files cannot be compared`);
    return;
  }
  const missing = tracked.stdout
    .split('\0')
    .filter(Boolean)
    .filter((path) => !files.has(path));
  for (const path of missing) fail(`${name}: leaves out ${path}, which git tracks`);
  // What git ignores is output or local clutter (logs, benchmark results): a reviewer needs none.
  const ignored = run('git', ['check-ignore', '--stdin', '-z'], { input: paths.join('\0') });
  for (const path of ignored.stdout.split('\0').filter(Boolean))
    fail(
      `${name}: holds ${path}, which git ignores (add it to zip.excludeSources in wxt.config.ts)`,
    );
  console.log(`${name}: ${files.size} files`);
}

/** Rebuilds the Firefox package from the unpacked sources zip and compares it with the zip. */
function checkRebuild(firefoxFiles) {
  const dir = mkdtempSync(join(tmpdir(), 'factcards-sources-'));
  try {
    unpackZip(PACKAGES.sources, dir);
    // The reviewer runs `npm ci`; the installed modules stand in for it (same lockfile).
    symlinkSync(resolve(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = run(
      'node',
      [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'],
      {
        cwd: dir,
      },
    );
    if (build.status !== 0) {
      process.stdout.write(build.stdout);
      process.stderr.write(build.stderr);
      return fail('the sources zip does not build (wxt build -b firefox failed, output above)');
    }
    const rebuilt = join(dir, '.output/firefox-mv2');
    const listing = spawnSync('find', [rebuilt, '-type', 'f'], { encoding: 'utf8' });
    const rebuiltFiles = listing.stdout
      .split('\n')
      .filter(Boolean)
      .map((p) => relative(rebuilt, p));
    const differing = [];
    for (const path of new Set([...rebuiltFiles, ...firefoxFiles.keys()])) {
      const a = firefoxFiles.get(path);
      const b = existsSync(join(rebuilt, path)) ? readFileSync(join(rebuilt, path)) : undefined;
      if (!a || !b || !a.equals(b))
        differing.push(`${path} (${!a ? 'only rebuilt' : !b ? 'only in the zip' : 'differs'})`);
    }
    if (differing.length)
      fail(
        `the Firefox build from the sources zip differs from the Firefox zip: ${differing.join(', ')}`,
      );
    else
      console.log(
        `rebuilt from the sources zip: identical to the Firefox zip (${rebuiltFiles.length} files)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `web-ext lint` on the unpacked Firefox zip: no error, and only the documented warnings. */
function checkLint() {
  const dir = mkdtempSync(join(tmpdir(), 'factcards-firefox-'));
  try {
    unpackZip(PACKAGES.firefox, dir);
    const lint = run('npx', [
      'web-ext',
      'lint',
      '--source-dir',
      dir,
      '--output',
      'json',
      '--no-config-discovery',
    ]);
    let report;
    try {
      report = JSON.parse(lint.stdout);
    } catch {
      process.stderr.write(lint.stderr);
      return fail(`web-ext lint gave no JSON report (exit ${lint.status})`);
    }
    const { errors, warnings, notices } = report.summary;
    const describe = (m) => `${m.code} (${m.file ?? 'manifest'}): ${m.message}`;
    console.log(
      `web-ext lint (unpacked Firefox zip): ${errors} errors, ${warnings} warnings, ${notices} notices`,
    );
    for (const m of report.warnings) console.log(`  warning ${describe(m)}`);
    for (const m of report.notices) console.log(`  notice ${describe(m)}`);
    for (const m of report.errors) fail(`web-ext lint error ${describe(m)}`);
    for (const m of report.warnings)
      if (!DOCUMENTED_LINT_WARNINGS.has(m.code))
        fail(`web-ext lint warning the README does not document: ${describe(m)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const path of Object.values(PACKAGES)) rmSync(path, { force: true });
console.log('npm run zip');
const zip = run('npm', ['run', '--silent', 'zip']);
if (zip.status !== 0) {
  process.stdout.write(zip.stdout);
  process.stderr.write(zip.stderr);
  console.error('\nnpm run zip failed (output above)');
  process.exit(1);
}
const missing = Object.values(PACKAGES).filter((path) => !existsSync(path));
if (missing.length) {
  console.error(`npm run zip did not write: ${missing.map((p) => relative(ROOT, p)).join(', ')}`);
  process.exit(1);
}

const firefoxFiles = readZip(PACKAGES.firefox);
checkBrowserPackage('chrome', readZip(PACKAGES.chrome));
checkBrowserPackage('firefox', firefoxFiles);
checkSources(readZip(PACKAGES.sources));
checkRebuild(firefoxFiles);
checkLint();

if (problems.length) {
  console.error(
    `\nThe packages are not ready to upload:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('\nThe three packages are ready to upload.');
