// `npm run bench`: how fast the extension finds mentions, measured in one headless Chromium run
// against (a) the floor, a TreeWalker that only reads every text node (in the page's world and in
// an isolated world like a content script's), and (b) mark.js with the same aliases; plus long
// tasks, an infinite feed, the matcher's scaling to 10,000 aliases and the bundle size.
// Budgets: DESIGN.md "Budgets". Prints a markdown table and writes bench-results/scan.md.
//
//   node tests/bench/run.mjs [--build] [--quick] [--verbose]
//   FACTCARDS_EXTENSION=.output/chrome-mv3-instrumented node tests/bench/run.mjs
//
// --build rebuilds the extension into .output-bench (FACTCARDS_OUT_DIR) first; without it the
// bench uses the newer of .output-bench/chrome-mv3-instrumented and .output/chrome-mv3-instrumented (FACTCARDS_EXTENSION
// overrides), and builds only if neither exists. --quick: fewer runs; --verbose: every figure.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium, NO_CHROMIUM, serveFolder } from '../../scripts/chromium.mjs';
import { articlePage, feedPage, fold, foldedAliases } from './pages.mjs';
import { random } from './random.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const VERBOSE = args.has('--verbose');
const log = (...parts) => console.error(...parts);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// Budgets (DESIGN.md "Budgets" and issue 4).
const BUDGET = {
  vsPageFloor: 1.5, // issue 4: full scan of the 1 MB page ≤ 1.5× the floor (page world)
  vsContentFloor: 1.3, // DESIGN.md: ≤ 1.3× the content-script floor (≈ 2× the page-world floor)
  vsMark: 10, // ≥ 10× faster than mark.js
  cleanVsFloor: 0.2, // a page without mentions: one textContent read + the matcher ≈ 0.2× the floor
  aliasScaling: 1.3, // 10,000 aliases ≤ 1.3× the real set
  bundleGzip: 40_000, // content script ≤ 40 kB gzipped
};

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–';
const ratio = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×` : '–');
const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`);
const pass = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
const sleep = (t) => new Promise((r) => setTimeout(r, t));

// ---------------------------------------------------------------------------------------------
// The extension build
// ---------------------------------------------------------------------------------------------

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function extensionDir() {
  if (process.env.FACTCARDS_EXTENSION) return resolve(ROOT, process.env.FACTCARDS_EXTENSION);
  const bench = resolve(ROOT, '.output-bench/chrome-mv3-instrumented');
  const built = [bench, resolve(ROOT, '.output/chrome-mv3-instrumented')].filter((dir) =>
    existsSync(join(dir, 'content-scripts/content.js')),
  );
  if (args.has('--build') || built.length === 0) {
    log('Building the instrumented extension into .output-bench (npm run build:instrumented)…');
    execFileSync('npm', ['run', '--silent', 'build:instrumented'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, FACTCARDS_OUT_DIR: '.output-bench' },
    });
    return bench;
  }
  const age = (dir) => statSync(join(dir, 'content-scripts/content.js')).mtimeMs;
  return built.sort((a, b) => age(b) - age(a))[0];
}

const EXT = extensionDir();
const CONTENT_JS = join(EXT, 'content-scripts/content.js');
if (!existsSync(CONTENT_JS))
  throw new Error(`No content script at ${CONTENT_JS}; run with --build`);
{
  const sources = Math.max(
    ...['lib', 'entrypoints', 'components', 'data'].map((d) => newestMtime(join(ROOT, d))),
  );
  if (sources > statSync(CONTENT_JS).mtimeMs)
    log(
      `Warning: ${relative(ROOT, EXT)} is older than the sources; pass --build to bench the current code.`,
    );
}

// ---------------------------------------------------------------------------------------------
// The matcher in Node (bundled with esbuild from lib/detect, imported from a data: URL)
// ---------------------------------------------------------------------------------------------

async function loadMatcher() {
  const esbuild = join(ROOT, 'node_modules/.bin/esbuild');
  const code = execFileSync(
    esbuild,
    [
      '--bundle',
      '--format=esm',
      '--platform=node',
      '--log-level=warning',
      '--sourcefile=bench-entry.ts',
      '--loader=ts',
    ],
    {
      cwd: ROOT,
      input: "export * from './lib/detect/index.ts';",
      maxBuffer: 64 << 20,
    },
  );
  return import(`data:text/javascript;base64,${code.toString('base64')}`);
}

const SYLLABLES =
  'ka zu vo ri mex tal qui bor nyx dra pel sho wen gri fal ori lun tez yav kel'.split(' ');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The real config plus synthetic people (4 aliases and 3 cues each) up to `count` aliases. */
function syntheticConfig(real, count) {
  const rnd = random(11);
  const pick = () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  const entities = [...real.entities];
  let aliases = entities.reduce((n, e) => n + e.aliases.length, 0);
  const seen = new Set();
  for (let i = 0; aliases < count; i++) {
    const surname = cap(pick() + pick() + pick());
    if (seen.has(surname)) continue;
    seen.add(surname);
    const given = cap(pick() + pick());
    entities.push({
      id: `synthetic-${i}`,
      aliases: [
        { text: `${given} ${surname}`, strength: 'strong', caseSensitive: false, role: 'fullName' },
        { text: surname, strength: 'weak', caseSensitive: true, allCaps: true, role: 'surname' },
        {
          text: `@${given}${surname}${i}`.toLowerCase(),
          strength: 'strong',
          caseSensitive: false,
          role: 'handle',
        },
        {
          text: `${given}${surname.slice(0, 2)}`,
          strength: 'weak',
          caseSensitive: true,
          role: 'givenName',
        },
      ],
      cues: {
        positive: [`${surname} Labs`, 'quantum'],
        negative: [`${pick()}${pick()}ism`],
        namesakes: [cap(pick() + pick())],
      },
    });
    aliases += 4;
  }
  return { entities, aliases };
}

/** Times two functions interleaved (so machine noise hits both alike); medians in ms. */
function interleaved(a, b, runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs + 3; i++) {
    let t = performance.now();
    a();
    if (i >= 3) ta.push(performance.now() - t);
    t = performance.now();
    b();
    if (i >= 3) tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

log('Generating pages…');
const entitiesJson = JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8'));
const ALIASES = [...new Set(entitiesJson.flatMap((e) => e.aliases.map((a) => a.text)))];
const PAGES = [
  {
    id: '100k',
    label: '100 KB',
    ...articlePage({ chars: 100_000, seed: 1 }),
    runs: QUICK ? 2 : 5,
    markRuns: QUICK ? 1 : 3,
  },
  {
    id: '1m',
    label: '1 MB',
    ...articlePage({ chars: 1_000_000, seed: 2 }),
    runs: QUICK ? 2 : 5,
    markRuns: QUICK ? 1 : 3,
  },
  {
    id: '1m-clean',
    label: '1 MB, no mention',
    ...articlePage({ chars: 1_000_000, seed: 3, mentionRate: 0 }),
    runs: QUICK ? 2 : 5,
    markRuns: 1,
  },
  {
    id: '5m',
    label: '5 MB',
    ...articlePage({ chars: 5_000_000, seed: 4 }),
    runs: QUICK ? 1 : 3,
    markRuns: QUICK ? 0 : 1,
  },
];
const FEED = feedPage();
{
  // The no-mention page must really have none, not even inside words or across markup.
  const text = fold(PAGES[2].blocks.join('\n'));
  const hit = foldedAliases(entitiesJson).find((a) => text.includes(a));
  if (hit) throw new Error(`the no-mention page contains the alias "${hit}"`);
}

// ---------------------------------------------------------------------------------------------
// In-page measurements
// ---------------------------------------------------------------------------------------------

/** The floor: a TreeWalker that reads `.data` of every text node in the document. */
const FLOOR = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let nodes = 0, chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes++; chars += n.data.length; }
  return { ms: performance.now() - t0, nodes, chars };
})()`;

/** Installed before every page script: records long tasks and long animation frames. */
function installObservers() {
  window.__bench = { longTasks: [], frames: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__bench.noLongTasks = true;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: (e.scripts ?? []).map((s) => ({
            url: s.sourceURL,
            invoker: s.invoker,
            type: s.invokerType,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are an extra, for attribution only.
  }
}

async function floorInPage(page) {
  return page.evaluate(FLOOR);
}

/** The same walk in a fresh isolated world (what a content script is), through CDP. */
async function floorIsolated(cdp, page, world, again = false) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  if (!again) {
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: world.name,
      grantUniveralAccess: false,
    });
    world.id = executionContextId;
  }
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: FLOOR,
    contextId: world.id,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`isolated floor failed: ${exceptionDetails.text}`);
  return result.value;
}

const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
const LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  "'",
  '’',
  '"',
  '“',
  '”',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '—',
  '/',
];

async function markJs(page) {
  await page.addScriptTag({ path: MARK_JS });
  return page.evaluate(
    ({ aliases, limiters }) =>
      new Promise((done) => {
        const t0 = performance.now();
        // eslint-disable-next-line no-undef
        new Mark(document.body).mark(aliases, {
          separateWordSearch: false,
          accuracy: { value: 'exactly', limiters },
          caseSensitive: true,
          done: (marks) => done({ ms: performance.now() - t0, marks }),
        });
      }),
    { aliases: ALIASES, limiters: LIMITERS },
  );
}

/** Waits for the extension's first full pass; returns it, every pass, and the long tasks. */
async function extensionScan(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(
    () => performance.getEntriesByName('factcards:scan').some((e) => e.detail?.kind === 'full'),
    null,
    { timeout: 120_000, polling: 100 },
  );
  await sleep(300);
  return page.evaluate(() => {
    const passes = performance
      .getEntriesByName('factcards:scan')
      .map((e) => ({ start: e.startTime, duration: e.duration, ...e.detail }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      passes,
      full: passes.find((p) => p.kind === 'full'),
      dcl: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
      ...window.__bench,
    };
  });
}

/** Long tasks overlapping [from, to]. */
const overlapping = (tasks, from, to) =>
  tasks.filter((t) => t.start < to && t.start + t.duration > from);

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM);
const routes = Object.fromEntries([
  ...PAGES.map((p) => [
    `/bench/${p.id}.html`,
    () => ({ type: 'text/html; charset=utf-8', body: p.html }),
  ]),
  ['/bench/feed.html', () => ({ type: 'text/html; charset=utf-8', body: FEED.html })],
]);
const server = await serveFolder(join(ROOT, 'tests/fixtures'), routes);
const profile = mkdtempSync(join(tmpdir(), 'factcards-bench-'));
const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const viewport = { width: 1280, height: 800 };

log(`Launching Chromium with ${relative(ROOT, EXT) || EXT} and without any extension…`);
const extContext = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport,
  args: [...extensionArgs(EXT), ...chromeArgs],
});
const plainBrowser = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
const plainContext = await plainBrowser.newContext({ viewport });
const results = { pages: {}, feed: undefined, matcher: undefined, bundle: undefined };

try {
  let [sw] = extContext.serviceWorkers();
  if (!sw) sw = await extContext.waitForEvent('serviceworker', { timeout: 15_000 });
  await extContext.addInitScript(installObservers);
  await plainContext.addInitScript(installObservers);
  const extPage = await extContext.newPage();
  const plainPage = await plainContext.newPage();
  const cdp = await plainContext.newCDPSession(plainPage);
  for (const p of [extPage, plainPage]) p.on('pageerror', (e) => log(`page error: ${e.message}`));

  // Warm-up: the background seeds and writes the matcher config on install.
  await extensionScan(extPage, server.url('/bench/100k.html'));
  await plainPage.goto(server.url('/bench/100k.html'));
  await floorInPage(plainPage);

  for (const page of PAGES) {
    const url = server.url(`/bench/${page.id}.html`);
    const r = {
      page,
      floorPage: [],
      floorPageWarm: [],
      floorIso: [],
      floorIsoWarm: [],
      mark: [],
      ext: [],
      marks: undefined,
      textNodes: 0,
    };
    results.pages[page.id] = r;
    for (let run = 0; run < page.runs; run++) {
      log(`[${elapsed()}] ${page.label}: run ${run + 1}/${page.runs}`);
      // Without the extension: floors (cold: first walk in the world; warm: a second walk), then mark.js.
      await plainPage.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await sleep(200);
      const cold = await floorInPage(plainPage);
      r.floorPage.push(cold.ms);
      r.textNodes = cold.nodes;
      r.floorPageWarm.push((await floorInPage(plainPage)).ms);
      const world = { name: `bench-floor-${page.id}-${run}` };
      r.floorIso.push((await floorIsolated(cdp, plainPage, world)).ms);
      r.floorIsoWarm.push((await floorIsolated(cdp, plainPage, world, true)).ms);
      if (run < page.markRuns) {
        const m = await markJs(plainPage);
        r.mark.push(m.ms);
        r.marks = m.marks;
      }
      // With the extension: its own measure of the first full pass.
      r.ext.push(await extensionScan(extPage, url));
    }
    // The same page without the extension, left alone over the same windows: its own long tasks.
    await plainPage.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const until = Math.max(...r.ext.map((e) => e.full.start + e.full.elapsed)) + 300;
    await plainPage.waitForFunction((t) => performance.now() > t, until, {
      polling: 100,
      timeout: 120_000,
    });
    r.baseline = await plainPage.evaluate(() => window.__bench);
  }

  // The infinite feed: a post every 100 ms into one growing container.
  log(`[${elapsed()}] feed`);
  const feedUrl = server.url('/bench/feed.html');
  const feedWait = FEED.posts * FEED.interval + 1500;
  await plainPage.goto(feedUrl, { waitUntil: 'load' });
  await sleep(500);
  const plainStart = await plainPage.evaluate(() => (window.startFeed(), window.__feedStart));
  await sleep(feedWait);
  const plainFeed = await plainPage.evaluate(() => window.__bench);
  const full = (await extensionScan(extPage, feedUrl)).full;
  const extStart = await extPage.evaluate(() => (window.startFeed(), window.__feedStart));
  await sleep(feedWait);
  const extFeed = await extPage.evaluate(() => ({
    ...window.__bench,
    passes: performance
      .getEntriesByName('factcards:scan')
      .map((e) => ({ start: e.startTime, duration: e.duration, ...e.detail })),
  }));
  const incremental = extFeed.passes.filter((p) => p.start >= extStart && p.kind === 'incremental');
  results.feed = {
    full,
    incremental,
    longTasks: extFeed.longTasks.filter((t) => t.start + t.duration >= extStart),
    baselineLongTasks: plainFeed.longTasks.filter((t) => t.start + t.duration >= plainStart),
    frames: extFeed.frames.filter((f) => f.start >= extStart),
  };
} finally {
  await extContext.close().catch(() => undefined);
  await plainBrowser.close().catch(() => undefined);
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

// Matcher scaling, in Node, on the 1 MB page's blocks.
log(`[${elapsed()}] matcher scaling`);
{
  const m = await loadMatcher();
  const real = m.MatcherConfigSchema.parse(m.matcherConfigFromEntities(entitiesJson));
  const big = syntheticConfig(real, 10_000);
  let t = performance.now();
  const realMatcher = m.compileMatcher(real);
  const compileReal = performance.now() - t;
  t = performance.now();
  const bigMatcher = m.compileMatcher({ entities: big.entities });
  const compileBig = performance.now() - t;
  const blocks = PAGES[1].blocks;
  const clean = PAGES[2].blocks;
  const cleanText = clean.join('\n');
  if (m.mightContainMention(cleanText, realMatcher))
    throw new Error('the no-mention page takes no fast path');
  const runs = QUICK ? 7 : 21;
  const [detectReal, detectBig] = interleaved(
    () => m.detectMentions(blocks, realMatcher),
    () => m.detectMentions(blocks, bigMatcher),
    runs,
  );
  const [cleanReal, cleanBig] = interleaved(
    () => m.detectMentions(clean, realMatcher),
    () => m.detectMentions(clean, bigMatcher),
    runs,
  );
  const [fastReal, fastBig] = interleaved(
    () => m.mightContainMention(cleanText, realMatcher),
    () => m.mightContainMention(cleanText, bigMatcher),
    runs,
  );
  const found = m.detectMentions(blocks, realMatcher).mentions.reduce((n, l) => n + l.length, 0);
  const aliasCount = real.entities.reduce((n, e) => n + e.aliases.length, 0);
  results.matcher = {
    aliasCount,
    bigAliases: big.aliases,
    compileReal,
    compileBig,
    states: [
      realMatcher.table.length / realMatcher.width,
      bigMatcher.table.length / bigMatcher.width,
    ],
    tableBytes: [realMatcher.table.byteLength, bigMatcher.table.byteLength],
    detectReal,
    detectBig,
    cleanReal,
    cleanBig,
    fastReal,
    fastBig,
    found,
  };
}

// Bundle size.
{
  const raw = readFileSync(CONTENT_JS);
  results.bundle = { raw: raw.length, gzip: gzipSync(raw).length };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const lines = [];
const out = (s = '') => lines.push(s);
const row = (cells) => out(`| ${cells.join(' | ')} |`);

out(`# Fact Cards scan benchmark`);
out();
out(
  `${new Date().toISOString()} · Chromium headless · extension ${relative(ROOT, EXT) || EXT} · ${QUICK ? 'quick run' : 'full run'}. Times are medians in ms; ratios compare figures of this one run.`,
);
out();
out('## Pages');
out();
out(
  'Floor = a TreeWalker reading `.data` of every text node, first walk in a fresh world ("warm" = a second walk, wrappers already made). Content-script floor = the same walk in an isolated world (CDP `Page.createIsolatedWorld`). Extension = its `factcards:scan` measure of the first full pass: busy time (idle gaps excluded) and wall time.',
);
out();
row([
  'page',
  'text',
  'text nodes',
  'floor, page world (warm)',
  'floor, content-script world (warm)',
  'extension busy',
  'extension wall',
  'mark.js',
  'ext ÷ CS floor',
  'ext ÷ page floor',
  'mark.js ÷ ext',
  'mentions ext / mark.js',
  'long tasks > 50 ms in scan window: with ext / without',
]);
row(Array(13).fill('---'));
const summary = {};
for (const [id, r] of Object.entries(results.pages)) {
  const fp = median(r.floorPage);
  const fi = median(r.floorIso);
  const busy = median(r.ext.map((e) => e.full.duration));
  const wall = median(r.ext.map((e) => e.full.elapsed));
  const mark = median(r.mark);
  // Long tasks during each scan window [start, start + wall], with the extension and in the same
  // window of a load without it; the difference is what the extension caused.
  let worst = 0;
  let withExt = 0;
  let without = 0;
  for (const e of r.ext) {
    const from = e.full.start;
    const to = e.full.start + e.full.elapsed;
    const a = overlapping(e.longTasks, from, to).length;
    const b = overlapping(r.baseline.longTasks, from, to).length;
    withExt = Math.max(withExt, a);
    without = Math.max(without, b);
    worst = Math.max(worst, a - b);
  }
  summary[id] = { fp, fi, busy, wall, mark, caused: worst };
  row([
    r.page.label,
    kb(r.page.chars),
    r.textNodes.toLocaleString('en'),
    `${ms(fp)} (${ms(median(r.floorPageWarm))})`,
    `${ms(fi)} (${ms(median(r.floorIsoWarm))})`,
    ms(busy),
    ms(wall),
    r.mark.length ? ms(mark) : 'not run',
    ratio(busy / fi),
    ratio(busy / fp),
    r.mark.length ? ratio(mark / busy) : '–',
    `${median(r.ext.map((e) => e.full.mentions))} / ${r.marks ?? '–'}`,
    `${withExt} / ${without}`,
  ]);
}
out();

const feed = results.feed;
const feedBusy = feed.incremental.reduce((s, p) => s + p.duration, 0);
const feedMax = Math.max(0, ...feed.incremental.map((p) => p.duration));
const feedCaused = Math.max(0, feed.longTasks.length - feed.baselineLongTasks.length);
out('## Infinite feed');
out();
out(
  `${FEED.posts} posts appended every ${FEED.interval} ms to a container of 200 posts (${kb(FEED.html.length)} of HTML). First full pass ${ms(feed.full.duration)} ms busy. Then ${feed.incremental.length} incremental passes: ${ms(feedBusy)} ms busy in all (${ms(feedBusy / FEED.posts)} ms per post), longest pass ${ms(feedMax)} ms, ${feed.incremental.reduce((s, p) => s + p.mentions, 0)} mentions. Long tasks > 50 ms while appending: ${feed.longTasks.length} with the extension, ${feed.baselineLongTasks.length} without.`,
);
out();

const mt = results.matcher;
const scaling = mt.detectBig / mt.detectReal;
out('## Matcher scaling (Node, 1 MB page text)');
out();
row([
  '',
  `real set (${mt.aliasCount} aliases)`,
  `${mt.bigAliases.toLocaleString('en')} aliases`,
  'ratio',
]);
row(['---', '---', '---', '---']);
row(['compile', ms(mt.compileReal), ms(mt.compileBig), ratio(mt.compileBig / mt.compileReal)]);
row([
  'DFA states / table',
  `${mt.states[0].toLocaleString('en')} / ${kb(mt.tableBytes[0])}`,
  `${mt.states[1].toLocaleString('en')} / ${kb(mt.tableBytes[1])}`,
  '',
]);
row(['detectMentions, 1 MB with mentions', ms(mt.detectReal), ms(mt.detectBig), ratio(scaling)]);
row([
  'detectMentions, 1 MB without mentions',
  ms(mt.cleanReal),
  ms(mt.cleanBig),
  ratio(mt.cleanBig / mt.cleanReal),
]);
row([
  'mightContainMention, 1 MB without mentions',
  ms(mt.fastReal),
  ms(mt.fastBig),
  ratio(mt.fastBig / mt.fastReal),
]);
out();
out(`Mentions the matcher finds in the 1 MB page's blocks: ${mt.found}.`);
out();

const s1 = summary['1m'];
const sc = summary['1m-clean'];
const s5 = summary['5m'];
out('## Budgets');
out();
row(['budget', 'figure', 'target', 'result']);
row(['---', '---', '---', '---']);
const budgets = [
  [
    'full scan, 1 MB page ÷ content-script floor (DESIGN.md)',
    ratio(s1.busy / s1.fi),
    `≤ ${BUDGET.vsContentFloor}×`,
    s1.busy / s1.fi <= BUDGET.vsContentFloor,
  ],
  [
    'full scan, 1 MB page ÷ page-world floor (issue 4)',
    ratio(s1.busy / s1.fp),
    `≤ ${BUDGET.vsPageFloor}× (DESIGN.md: ≈ 2×)`,
    s1.busy / s1.fp <= BUDGET.vsPageFloor,
  ],
  [
    'mark.js ÷ full scan, 1 MB page',
    ratio(s1.mark / s1.busy),
    `≥ ${BUDGET.vsMark}×`,
    Number.isFinite(s1.mark) ? s1.mark / s1.busy >= BUDGET.vsMark : undefined,
  ],
  [
    'no-mention 1 MB page ÷ page-world floor',
    ratio(sc.busy / sc.fp),
    `≈ ${BUDGET.cleanVsFloor}×`,
    sc.busy / sc.fp <= BUDGET.cleanVsFloor * 1.25,
  ],
  [
    'long tasks > 50 ms caused by the extension, 5 MB page',
    String(s5.caused),
    '0',
    s5.caused === 0,
  ],
  ['long tasks > 50 ms caused by the extension, feed', String(feedCaused), '0', feedCaused === 0],
  [
    `detectMentions ${mt.bigAliases.toLocaleString('en')} aliases ÷ ${mt.aliasCount}`,
    ratio(scaling),
    `≤ ${BUDGET.aliasScaling}×`,
    scaling <= BUDGET.aliasScaling,
  ],
  [
    'content-script bundle, gzipped',
    `${results.bundle.gzip.toLocaleString('en')} B (raw ${results.bundle.raw.toLocaleString('en')} B)`,
    `≤ ${BUDGET.bundleGzip.toLocaleString('en')} B`,
    results.bundle.gzip <= BUDGET.bundleGzip,
  ],
];
for (const [what, figure, target, ok] of budgets) row([what, figure, target, pass(ok)]);
out();

if (VERBOSE) {
  out('## Details');
  out();
  for (const [id, r] of Object.entries(results.pages)) {
    out(
      `- ${id}: floors page ${r.floorPage.map(ms).join(', ')}; isolated ${r.floorIso.map(ms).join(', ')}; mark.js ${r.mark.map(ms).join(', ')}`,
    );
    for (const e of r.ext) {
      out(
        `  - ext busy ${ms(e.full.duration)} wall ${ms(e.full.elapsed)} nodes ${e.full.nodes} mentions ${e.full.mentions} start ${ms(e.full.start)} dcl ${ms(e.dcl)} load ${ms(e.load)}; passes ${e.passes.map((p) => `${p.kind}:${ms(p.duration)}`).join(' ')}`,
      );
      out(`    long tasks ${e.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}`);
      const extFrames = e.frames.filter((f) =>
        f.scripts.some((x) => x.url?.startsWith('chrome-extension:')),
      );
      if (extFrames.length)
        out(
          `    long frames with extension scripts: ${extFrames.map((f) => `${ms(f.start)}+${ms(f.duration)}`).join(' ')}`,
        );
    }
    out(
      `  - baseline long tasks ${r.baseline.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}`,
    );
  }
  out(
    `- feed passes: ${feed.incremental.map((p) => `${ms(p.duration)}/${ms(p.elapsed)}(${p.nodes})`).join(' ')}`,
  );
  out(
    `- feed long tasks: ${feed.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}; without: ${feed.baselineLongTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}`,
  );
  out();
}
out(`Total bench time ${elapsed()}.`);

const report = lines.join('\n');
console.log(report);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/scan.md'), `${report}\n`);
log(`Wrote bench-results/scan.md`);
