// `npm run bench`: what the extension's scan costs, measured in one headless Chromium run against
// baselines of the same run: the floor (a TreeWalker that only reads every text node, in the
// page's world and in an isolated world like a content script's), mark.js with the same aliases,
// and, for the infinite feed, a page script that runs one regex over each added node. Budgets:
// issue 15 "Budgets" (and docs/DESIGN.md). Prints a markdown table and writes bench-results/scan.md
// (and the raw figures to bench-results/scan.json).
//
//   node tests/bench/run.mjs [--build] [--quick] [--verbose] [--only=id,id…]
//   FACTCARDS_EXTENSION=.output/chrome-mv3-instrumented node tests/bench/run.mjs
//
// --build rebuilds the instrumented extension into .output-bench first; without it the bench
// uses the newer of .output-bench/chrome-mv3-instrumented and .output/chrome-mv3-instrumented
// (FACTCARDS_EXTENSION overrides) and builds only if neither exists. --quick: fewer runs (under
// about 2 minutes); --verbose: every figure of every run; --only: some pages (ids as in the tables,
// `feed`, `matcher`, `real`).
//
// Runs with and without the extension alternate (one browser with it, one without), figures are
// medians, and the load average is printed at the start and the end: the machine is shared.
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
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium, NO_CHROMIUM } from '../../scripts/chromium.mjs';
import {
  floorInPage,
  floorIsolated,
  idlePass,
  installObservers,
  installRegexBaseline,
  loadWithExtension,
  waitIdle,
} from './browser.mjs';
import {
  articlePage,
  elementsPage,
  feedPage,
  fold,
  foldedAliases,
  proseText,
  spamText,
  textNodePage,
} from './pages.mjs';
import { random } from './random.mjs';
import { serveBench } from './server.mjs';
import {
  flatness,
  frameCost,
  kb,
  longTasksOfOurs,
  markTimeline,
  median,
  ms,
  overlapping,
  ratio,
  verdict,
} from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const QUICK = args.has('--quick');
const VERBOSE = args.has('--verbose');
const ONLY = argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (id) => !ONLY || ONLY.includes(id);
const log = (...parts) => console.error(...parts);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const loadAtStart = loadavg();
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** The issue's budgets (issue 15 "Budgets"; the last three are docs/DESIGN.md's, kept). */
const BUDGET = {
  full1mVsContentFloor: 1.3,
  full1mVsPageFloor: 2.0,
  full100kVsContentFloor: 2.0,
  idleWallVsBusy: 2.0,
  cleanVsContentFloor: 1.1,
  feedVsRegex: 2.0,
  matcherFlat: 1.5, // ns per character at 1 MB ≤ 1.5× the cheapest shorter point
  vsMark: 10,
  aliasScaling: 1.3,
  bundleGzip: 40_000,
};

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

const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

/** Which build to measure; builds into .output-bench (with a stamp of the commit) when asked or needed. */
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
      env: { ...process.env, FACTCARDS_OUT_DIR: '.output-bench', SOURCEMAP: '' },
    });
    const dirty = git('status', '--porcelain', '--', 'lib', 'entrypoints', 'components', 'data');
    writeFileSync(
      join(bench, 'bench-build.json'),
      JSON.stringify({
        commit: git('rev-parse', '--short', 'HEAD'),
        branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
        uncommitted: dirty.length > 0,
        builtAt: new Date().toISOString(),
      }),
    );
    return bench;
  }
  const age = (dir) => statSync(join(dir, 'content-scripts/content.js')).mtimeMs;
  return built.sort((a, b) => age(b) - age(a))[0];
}

const EXT = extensionDir();
const CONTENT_JS = join(EXT, 'content-scripts/content.js');
if (!existsSync(CONTENT_JS))
  throw new Error(`No content script at ${CONTENT_JS}; run with --build`);
if (!readFileSync(CONTENT_JS, 'utf8').includes('factcards:scan'))
  throw new Error(
    `${relative(ROOT, EXT)} is not an instrumented build (no factcards:scan measure); run with --build`,
  );
const BUILD = (() => {
  const stampFile = join(EXT, 'bench-build.json');
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
  const builtAt = new Date(statSync(CONTENT_JS).mtimeMs).toISOString();
  const sources = Math.max(
    ...['lib', 'entrypoints', 'components', 'data'].map((d) => newestMtime(join(ROOT, d))),
  );
  const stale = sources > statSync(CONTENT_JS).mtimeMs;
  if (stale)
    log(
      `Warning: ${relative(ROOT, EXT)} is older than the sources; pass --build to bench the current code.`,
    );
  const from = stamp
    ? `commit ${stamp.commit} on ${stamp.branch}${stamp.uncommitted ? ' plus uncommitted changes in lib/, entrypoints/, components/ or data/' : ''}`
    : 'a build the bench did not make (commit unknown)';
  return `instrumented build \`${relative(ROOT, EXT) || EXT}\`, built ${stamp?.builtAt ?? builtAt} from ${from}${stale ? '; **older than the sources in this tree**' : ''}`;
})();

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

log('Generating pages…');
const entitiesJson = JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8'));
const ALIASES = [...new Set(entitiesJson.flatMap((e) => e.aliases.map((a) => a.text)))];
const R = (full, quick) => (QUICK ? quick : full);

/**
 * Each page: `runs` interleaved loads with and without the extension; `markRuns` of them also time
 * mark.js; `idle`: the positions of the idle-page pass (the issue's "first full pass on an idle
 * page"), each once per run.
 */
const SYNTHETIC = [
  {
    id: '100k',
    label: '100 KB article',
    make: () => articlePage({ chars: 100_000, seed: 1 }),
    runs: R(7, 3),
    markRuns: R(3, 1),
    idle: ['top'],
  },
  {
    id: '1m',
    label: '1 MB',
    make: () => articlePage({ chars: 1_000_000, seed: 2 }),
    runs: R(5, 2),
    markRuns: R(2, 1),
    idle: ['top', 'middle'],
  },
  {
    id: '1m-clean',
    label: '1 MB, no mention',
    make: () => articlePage({ chars: 1_000_000, seed: 3, mentionRate: 0 }),
    runs: R(5, 2),
    markRuns: 0,
    idle: ['top'],
  },
  {
    id: '5m',
    label: '5 MB',
    make: () => articlePage({ chars: 5_000_000, seed: 4 }),
    runs: R(3, 1),
    markRuns: 0,
    idle: ['top', 'middle'],
  },
  {
    id: 'spam-namesake',
    label: '200 KB text node, namesake spam',
    make: () => textNodePage(spamText('namesake', 200_000), 'A long comment'),
    runs: R(3, 1),
    markRuns: 0,
    idle: ['top'],
  },
  {
    id: 'spam-cue',
    label: '200 KB text node, cue spam',
    make: () => textNodePage(spamText('cue', 200_000), 'A long comment'),
    runs: R(3, 1),
    markRuns: 0,
    idle: ['top'],
  },
  {
    id: '10m-node',
    label: '10 MB text node',
    make: () => textNodePage(proseText(10_000_000, 7), 'A chat log'),
    runs: R(2, 1),
    markRuns: 0,
    idle: ['top', 'middle'],
  },
  {
    id: '100k-elements',
    label: '100,000 elements',
    make: () => elementsPage({ elements: 100_000 }),
    runs: R(3, 1),
    markRuns: 0,
    idle: ['top', 'middle'],
  },
].filter((p) => wanted(p.id));
for (const p of SYNTHETIC) Object.assign(p, p.make(), { group: 'synthetic' });

{
  // The no-mention page must really have none, not even inside words or across markup.
  const clean = SYNTHETIC.find((p) => p.id === '1m-clean');
  if (clean) {
    const text = fold(clean.blocks.join('\n'));
    const hit = foldedAliases(entitiesJson).find((a) => text.includes(a));
    if (hit) throw new Error(`the no-mention page contains the alias "${hit}"`);
  }
}

/** The largest saved pages of ../shared/realpages (read in place, never copied). */
const REAL_DIR = resolve(ROOT, '../shared/realpages');
const REAL_COUNT = 6;
let realNote = '';
const REAL = [];
if (!wanted('real')) realNote = 'Real pages: not asked for (--only).';
else if (!existsSync(REAL_DIR))
  realNote = `Real pages: skipped, ${REAL_DIR} is absent (the shared folder of saved pages is not on this machine).`;
else {
  const files = readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(REAL_DIR, f)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, REAL_COUNT);
  for (const { f, size } of files)
    REAL.push({
      id: f.replace(/\.html$/, ''),
      label: f.replace(/\.html$/, ''),
      path: `/real/${f}`,
      bytes: size,
      runs: R(3, 1),
      markRuns: 0,
      idle: ['top'],
      group: 'real',
    });
  realNote = `Real pages: the ${files.length} largest of \`../shared/realpages/\` (read in place).`;
}

const FEED = feedPage();
const PAGES = [...SYNTHETIC, ...REAL];

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
    { cwd: ROOT, input: "export * from './lib/detect/index.ts';", maxBuffer: 64 << 20 },
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

/**
 * ns per character of `detectMentions([text], matcher)` on one string of each length: every
 * length timed in groups of calls of about 1 MB in all, rounds interleaved across lengths, the
 * median group. A length whose single call took over 2 s ends the curve (it is not linear).
 */
function perCharCurve(m, matcher, make, rounds) {
  const sizes = [1_000, 10_000, 100_000, 1_000_000];
  const texts = sizes.map((n) => make(n));
  const curve = sizes.map((chars) => ({ chars, samples: [], skipped: false, mentions: 0 }));
  // One call each, shortest first: finds the lengths too slow to time, and warms the code up.
  for (let i = 0; i < sizes.length; i++) {
    if (i > 0 && curve[i - 1].skipped) {
      curve[i].skipped = true;
      continue;
    }
    const t = performance.now();
    const result = m.detectMentions([texts[i]], matcher);
    const took = performance.now() - t;
    curve[i].mentions = result.mentions[0]?.length ?? 0;
    if (took > 2000) {
      curve[i].samples.push((took * 1e6) / sizes[i]);
      for (let j = i + 1; j < sizes.length; j++) curve[j].skipped = true;
      break;
    }
  }
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < sizes.length; i++) {
      if (curve[i].skipped) continue;
      const calls = Math.max(1, Math.round(1_000_000 / sizes[i]));
      const t = performance.now();
      for (let c = 0; c < calls; c++) m.detectMentions([texts[i]], matcher);
      curve[i].samples.push(((performance.now() - t) * 1e6) / (calls * sizes[i]));
    }
  return curve.map((p) => ({ ...p, nsPerChar: median(p.samples) }));
}

const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
/** Word limiters for mark.js's `exactly` accuracy: the punctuation around a name. */
const LIMITERS = [...',.;:!?\'’"“”()[]-–—/'];

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

// ---------------------------------------------------------------------------------------------
// The browser runs
// ---------------------------------------------------------------------------------------------

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM);
const routes = Object.fromEntries([
  ...SYNTHETIC.map((p) => [`/bench/${p.id}.html`, () => p.html]),
  ['/bench/feed.html', () => FEED.html],
]);
for (const p of SYNTHETIC) p.path = `/bench/${p.id}.html`;
const server = await serveBench(routes, REAL.length > 0 ? REAL_DIR : undefined);
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
const results = { pages: {}, feed: undefined, matcher: undefined, curves: undefined };
let browserVersion = '';
let isolation = {};

const browserWork = PAGES.length > 0 || wanted('feed');
if (browserWork) {
  log(`Launching Chromium with ${relative(ROOT, EXT) || EXT} and without any extension…`);
  const extContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: [...extensionArgs(EXT), ...chromeArgs],
  });
  const plainBrowser = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
  browserVersion = plainBrowser.version();
  const plainContext = await plainBrowser.newContext({ viewport });
  try {
    let [sw] = extContext.serviceWorkers();
    if (!sw) sw = await extContext.waitForEvent('serviceworker', { timeout: 15_000 });
    await extContext.addInitScript(installObservers);
    await plainContext.addInitScript(installObservers);
    const extPage = await extContext.newPage();
    const plainPage = await plainContext.newPage();
    for (const p of extContext.pages()) if (p !== extPage) await p.close();
    const cdp = await plainContext.newCDPSession(plainPage);
    for (const p of [extPage, plainPage]) p.on('pageerror', (e) => log(`page error: ${e.message}`));

    // Warm-up: the background seeds and writes the matcher config on install.
    const warm = server.url('/bench/feed.html');
    await loadWithExtension(extPage, warm);
    await plainPage.goto(warm);
    await floorInPage(plainPage);
    isolation = await extPage.evaluate(() => ({
      isolated: crossOriginIsolated,
      // The clock's step: the smallest non-zero difference between two readings.
      step: (() => {
        let best = Infinity;
        for (let i = 0; i < 2000; i++) {
          const a = performance.now();
          let b = performance.now();
          while (b === a) b = performance.now();
          best = Math.min(best, b - a);
        }
        return best;
      })(),
    }));
    await extPage.bringToFront();
    const tabId = await sw.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
    if (tabId === undefined) throw new Error('could not find the extension tab');
    const send = (message) =>
      sw.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }), {
        tabId,
        message,
      });

    for (const page of PAGES) {
      const url = server.url(page.path);
      const r = {
        floorPage: [],
        floorPageWarm: [],
        floorIso: [],
        floorIsoWarm: [],
        mark: [],
        marks: undefined,
        textNodes: 0,
        chars: 0,
        ext: [],
        idle: [],
        idleWaits: [],
      };
      results.pages[page.id] = r;
      for (let run = 0; run < page.runs; run++) {
        log(`[${elapsed()}] ${page.label}: run ${run + 1}/${page.runs}`);
        // Without the extension: the floors on the idle page (cold: first walk in the world; warm:
        // a second walk, wrappers already made), then mark.js.
        await plainPage.goto(url, { waitUntil: 'load', timeout: 180_000 });
        r.idleWaits.push(await waitIdle(plainPage));
        const cold = await floorInPage(plainPage);
        r.floorPage.push(cold.ms);
        r.textNodes = cold.nodes;
        r.chars = cold.chars;
        r.floorPageWarm.push((await floorInPage(plainPage)).ms);
        const world = { name: `bench-floor-${page.id}-${run}` };
        r.floorIso.push((await floorIsolated(cdp, world)).ms);
        r.floorIsoWarm.push((await floorIsolated(cdp, world, true)).ms);
        if (run < page.markRuns) {
          const m = await markJs(plainPage);
          r.mark.push(m.ms);
          r.marks = m.marks;
        }
        // With the extension: its first full pass at load, then passes on the idle page.
        const load = await loadWithExtension(extPage, url);
        const idle = [];
        for (const position of page.idle) idle.push(await idlePass(extPage, send, position));
        const entries = await extPage.evaluate(() => window.__bench);
        r.ext.push({ ...load, longTasks: entries.longTasks, frames: entries.frames });
        r.idle.push(idle);
      }
      // The same page without the extension, left alone: its own long tasks and long frames in
      // the windows of the first passes, and, once idle, over as long as the longest idle pass.
      await plainPage.goto(url, { waitUntil: 'load', timeout: 180_000 });
      const until = Math.max(...r.ext.map((e) => e.full.start + e.full.elapsed)) + 300;
      await plainPage.waitForFunction((t) => performance.now() > t, until, {
        polling: 100,
        timeout: 180_000,
      });
      await waitIdle(plainPage);
      const idleFrom = await plainPage.evaluate(() => performance.now());
      const span = Math.max(0, ...r.idle.flat().map((p) => p.full?.elapsed ?? 0));
      await sleep(span + 100);
      r.baseline = { ...(await plainPage.evaluate(() => window.__bench)), idleFrom };
    }

    if (wanted('feed')) await benchFeed(extPage, plainPage);
  } finally {
    await extContext.close().catch(() => undefined);
    await plainBrowser.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The infinite feed: 50 posts, one every 100 ms, into a container of 200. Alternately without
 * the extension (the regex baseline runs as a page script) and with it (its incremental passes).
 */
async function benchFeed(extPage, plainPage) {
  const url = server.url('/bench/feed.html');
  const runs = R(3, 1);
  const feed = { plain: [], ext: [] };
  results.feed = feed;
  const tail = 1500;
  const runFeed = async (page) => {
    const start = await page.evaluate(() => (window.startFeed(), window.__feedStart));
    await page.waitForFunction(() => window.__feedDone !== undefined, null, {
      polling: 100,
      timeout: 60_000,
    });
    await sleep(tail);
    const done = await page.evaluate(() => window.__feedDone);
    return { start, end: done + tail };
  };
  for (let run = 0; run < runs; run++) {
    log(`[${elapsed()}] feed: run ${run + 1}/${runs}`);
    await plainPage.goto(url, { waitUntil: 'load' });
    await waitIdle(plainPage);
    await installRegexBaseline(plainPage, ALIASES);
    const pw = await runFeed(plainPage);
    const plain = await plainPage.evaluate(() => ({ regex: window.__regex, ...window.__bench }));
    feed.plain.push({ ...pw, ...plain });

    const load = await loadWithExtension(extPage, url);
    await waitIdle(extPage);
    const ew = await runFeed(extPage);
    const ext = await extPage.evaluate(() => ({
      passes: window.__benchPasses(),
      ...window.__bench,
    }));
    const incremental = ext.passes.filter((p) => p.start >= ew.start && p.kind === 'incremental');
    feed.ext.push({
      ...ew,
      full: load.full,
      incremental,
      longTasks: ext.longTasks,
      frames: ext.frames,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The matcher in Node: per-character curve, alias scaling; and the bundle
// ---------------------------------------------------------------------------------------------

if (wanted('matcher')) {
  log(`[${elapsed()}] matcher: per-character curve and alias scaling`);
  const m = await loadMatcher();
  const real = m.MatcherConfigSchema.parse(m.matcherConfigFromEntities(entitiesJson));
  const realMatcher = m.compileMatcher(real);
  const rounds = R(5, 3);
  results.curves = [
    {
      id: 'prose',
      label: 'prose with mentions',
      curve: perCharCurve(m, realMatcher, (n) => proseText(n, 8), rounds),
    },
    {
      id: 'namesake',
      label: 'namesake spam',
      curve: perCharCurve(m, realMatcher, (n) => spamText('namesake', n), rounds),
    },
    {
      id: 'cue',
      label: 'cue spam',
      curve: perCharCurve(m, realMatcher, (n) => spamText('cue', n), rounds),
    },
  ];

  const big = syntheticConfig(real, 10_000);
  let t = performance.now();
  m.compileMatcher(real);
  const compileReal = performance.now() - t;
  t = performance.now();
  const bigMatcher = m.compileMatcher({ entities: big.entities });
  const compileBig = performance.now() - t;
  const blocks = articlePage({ chars: 1_000_000, seed: 2 }).blocks;
  const clean = articlePage({ chars: 1_000_000, seed: 3, mentionRate: 0 }).blocks;
  const cleanText = clean.join('\n');
  if (m.mightContainMention(cleanText, realMatcher))
    throw new Error('the no-mention page takes no fast path');
  const runs = R(15, 7);
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
  results.matcher = {
    aliasCount: real.entities.reduce((n, e) => n + e.aliases.length, 0),
    bigAliases: big.aliases,
    compileReal,
    compileBig,
    detectReal,
    detectBig,
    cleanReal,
    cleanBig,
    found: m.detectMentions(blocks, realMatcher).mentions.reduce((n, l) => n + l.length, 0),
  };
}

{
  const raw = readFileSync(CONTENT_JS);
  results.bundle = { raw: raw.length, gzip: gzipSync(raw).length };
}
const loadAtEnd = loadavg();

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** The figures of one page, from its runs. */
function summarize(r) {
  const fp = median(r.floorPage);
  const fi = median(r.floorIso);
  const busy = median(r.ext.map((e) => e.full.duration));
  const wall = median(r.ext.map((e) => e.full.elapsed));
  const idleBy = (position) =>
    r.idle.map((list) => list.find((p) => p.position === position)).filter((p) => p?.full);
  const idle = {};
  for (const position of ['top', 'middle']) {
    const passes = idleBy(position);
    if (passes.length === 0) continue;
    const timelines = passes.map((p) => markTimeline(p.samples, p.full.start));
    idle[position] = {
      runs: passes.length,
      busy: median(passes.map((p) => p.full.duration)),
      wall: median(passes.map((p) => p.full.elapsed)),
      wallVsBusy: median(passes.map((p) => p.full.elapsed / p.full.duration)),
      mentions: median(passes.map((p) => p.full.mentions)),
      inView: median(passes.map((p) => p.inViewAtEnd)),
      firstMark: median(timelines.map((t) => t.firstMark)),
      firstInView: median(timelines.map((t) => t.firstInView)),
      lastInView: median(timelines.map((t) => t.lastInView)),
      firstOut: median(timelines.map((t) => t.firstOut)),
      lastMark: median(timelines.map((t) => t.lastMark)),
      // Every run must mark its viewport first; undefined when no mention was in view.
      viewportFirst: timelines.some((t) => t.viewportFirst === undefined)
        ? undefined
        : timelines.every((t) => t.viewportFirst),
    };
  }
  // Windows of ours: each run's first pass at load (the same window of the plain load is the
  // baseline) and its idle passes (baseline: the plain page once idle, over as long).
  const base = r.baseline;
  const runs = r.ext.map((e, i) => {
    const windows = [[e.full.start, e.full.start + e.full.elapsed]];
    for (const p of r.idle[i] ?? [])
      if (p.full) windows.push([p.full.start, p.full.start + p.full.elapsed]);
    return { windows, longTasks: e.longTasks, frames: e.frames };
  });
  const baselineLongTasks = (from, to, idleWindow) =>
    idleWindow
      ? overlapping(base.longTasks, base.idleFrom, base.idleFrom + (to - from))
      : overlapping(base.longTasks, from, to);
  // Long tasks with the baseline's own long tasks taken off window by window.
  let worst = { ours: 0, withExt: 0, without: 0, extFrames: 0 };
  runs.forEach((run) => {
    const perWindow = run.windows.map(([from, to], w) => {
      const own = longTasksOfOurs(
        [{ windows: [[from, to]], longTasks: run.longTasks, frames: run.frames }],
        { longTasks: baselineLongTasks(from, to, w > 0) },
      );
      return own;
    });
    const sum = (k) => perWindow.reduce((n, x) => n + x[k], 0);
    worst = {
      ours: Math.max(worst.ours, sum('ours')),
      withExt: Math.max(worst.withExt, sum('withExt')),
      without: Math.max(worst.without, sum('without')),
      extFrames: Math.max(worst.extFrames, sum('extFrames')),
    };
  });
  // Long animation frames: the first pass at load vs the same window without the extension, and
  // the idle passes vs the idle page without it.
  const framesAt = (kind) => {
    const withExt = [];
    const without = [];
    runs.forEach((run) => {
      const windows = kind === 'load' ? run.windows.slice(0, 1) : run.windows.slice(1);
      for (const [from, to] of windows) {
        withExt.push(frameCost(run.frames, from, to));
        without.push(
          kind === 'load'
            ? frameCost(base.frames, from, to)
            : frameCost(base.frames, base.idleFrom, base.idleFrom + (to - from)),
        );
      }
    });
    const med = (list, k) => median(list.map((x) => x[k]));
    const pick = (list) => ({
      count: Math.max(0, ...list.map((x) => x.count)),
      longest: Math.max(0, ...list.map((x) => x.longest)),
      render: med(list, 'render'),
      styleLayout: med(list, 'styleLayout'),
    });
    return withExt.length ? { withExt: pick(withExt), without: pick(without) } : undefined;
  };
  return {
    fp,
    fi,
    fpWarm: median(r.floorPageWarm),
    fiWarm: median(r.floorIsoWarm),
    busy,
    wall,
    mark: median(r.mark),
    mentions: median(r.ext.map((e) => e.full.mentions)),
    nodes: median(r.ext.map((e) => e.full.nodes)),
    idle,
    longTasks: worst,
    framesLoad: framesAt('load'),
    framesIdle: framesAt('idle'),
  };
}

const summary = Object.fromEntries(
  Object.entries(results.pages).map(([id, r]) => [id, summarize(r)]),
);

let feedSummary;
if (results.feed) {
  const { plain, ext } = results.feed;
  const regex = median(plain.map((p) => p.regex.ms));
  const total = median(ext.map((e) => e.incremental.reduce((s, p) => s + p.duration, 0)));
  const lt = longTasksOfOurs(
    ext.map((e) => ({ windows: [[e.start, e.end]], longTasks: e.longTasks, frames: e.frames })),
    { longTasks: [] },
  );
  // The baseline's long tasks over its own feed window, the worst run.
  const without = Math.max(0, ...plain.map((p) => overlapping(p.longTasks, p.start, p.end).length));
  feedSummary = {
    regex,
    regexNodes: median(plain.map((p) => p.regex.nodes)),
    regexMatches: median(plain.map((p) => p.regex.matches)),
    total,
    passes: median(ext.map((e) => e.incremental.length)),
    longest: median(ext.map((e) => Math.max(0, ...e.incremental.map((p) => p.duration)))),
    mentions: median(ext.map((e) => e.incremental.reduce((s, p) => s + p.mentions, 0))),
    full: median(ext.map((e) => e.full.duration)),
    withExt: lt.withExt,
    without,
    ours: Math.max(0, lt.withExt - without) + lt.extFrames,
    frames: median(ext.map((e) => frameCost(e.frames, e.start, e.end).count)),
    framesWithout: median(plain.map((p) => frameCost(p.frames, p.start, p.end).count)),
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const lines = [];
const out = (s = '') => lines.push(s);
const row = (cells) => out(`| ${cells.join(' | ')} |`);
const head = (cells) => {
  row(cells);
  row(cells.map(() => '---'));
};
const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' / ');
const s = (id) => summary[id];

out('# Fact Cards scan benchmark');
out();
out(
  `- ${new Date().toISOString()}, ${QUICK ? 'quick run (`--quick`)' : 'full run'}${ONLY ? ` of ${ONLY.join(', ')} only` : ''}, ${elapsed()} in all.`,
);
out(`- Measured: the ${BUILD}.`);
out(
  `- Chromium ${browserVersion || '–'} headless, 1280×800; pages cross-origin isolated: ${isolation.isolated ?? '–'} (clock step ${Number.isFinite(isolation.step) ? `${(isolation.step * 1000).toFixed(0)} µs` : '–'}).`,
);
out(
  `- Load average (1 / 5 / 15 min) at the start ${fmtLoad(loadAtStart)}, at the end ${fmtLoad(loadAtEnd)} (2 cores; other agents share them).`,
);
out(
  `- Runs per page (with and without the extension, alternating): ${PAGES.map((p) => `${p.id} ${p.runs}`).join(', ')}${results.feed ? `, feed ${results.feed.ext.length}` : ''}. Times are medians in ms; every ratio compares figures of this one run.`,
);
out();

// Budgets ----------------------------------------------------------------------------------
const budgets = [];
const budget = (what, target, figure, ok) => budgets.push([what, target, figure, ok]);
if (s('1m')) {
  const x = s('1m');
  budget(
    'full scan, 1 MB page',
    `≤ ${BUDGET.full1mVsContentFloor}× the content-script floor (≤ ${BUDGET.full1mVsPageFloor.toFixed(1)}× the page-world floor)`,
    `${ratio(x.busy / x.fi)} (${ratio(x.busy / x.fp)}): busy ${ms(x.busy)} ms, floors ${ms(x.fi)} / ${ms(x.fp)} ms`,
    x.busy / x.fi <= BUDGET.full1mVsContentFloor && x.busy / x.fp <= BUDGET.full1mVsPageFloor,
  );
}
if (s('100k')) {
  const x = s('100k');
  budget(
    'full scan, 100 kB page',
    `≤ ${BUDGET.full100kVsContentFloor.toFixed(1)}× the content-script floor`,
    `${ratio(x.busy / x.fi)}: busy ${ms(x.busy)} ms, floor ${ms(x.fi)} ms`,
    x.busy / x.fi <= BUDGET.full100kVsContentFloor,
  );
}
for (const id of ['1m', '5m']) {
  const x = s(id);
  if (!x?.idle.top) continue;
  const t = x.idle.top;
  budget(
    `first full pass on an idle page, ${id === '1m' ? '1 MB' : '5 MB'}: wall ÷ busy`,
    `≤ ${BUDGET.idleWallVsBusy}×`,
    `${ratio(t.wallVsBusy)}: wall ${ms(t.wall)} ms, busy ${ms(t.busy)} ms`,
    t.wallVsBusy <= BUDGET.idleWallVsBusy,
  );
  for (const position of ['top', 'middle']) {
    const p = x.idle[position];
    if (!p) continue;
    budget(
      `same pass, ${id === '1m' ? '1 MB' : '5 MB'}, ${position === 'top' ? 'at the top' : 'scrolled to the middle'}: the viewport's mentions marked first`,
      'every viewport mark before the first mark elsewhere',
      `${p.inView} in view; viewport marks at ${ms(p.firstInView)}–${ms(p.lastInView)} ms, first elsewhere ${ms(p.firstOut)} ms, last mark ${ms(p.lastMark)} ms`,
      p.viewportFirst,
    );
  }
}
if (s('1m-clean')) {
  const x = s('1m-clean');
  budget(
    'page with no mention, 1 MB',
    `≤ ${BUDGET.cleanVsContentFloor}× the content-script floor`,
    `${ratio(x.busy / x.fi)}: busy ${ms(x.busy)} ms, floor ${ms(x.fi)} ms`,
    x.busy / x.fi <= BUDGET.cleanVsContentFloor,
  );
}
if (feedSummary) {
  const f = feedSummary;
  budget(
    'infinite feed, total scan time',
    `≤ ${BUDGET.feedVsRegex}× a regex scan of each mutation's added nodes`,
    `${ratio(f.total / f.regex)}: ${ms(f.total)} ms in ${f.passes} passes vs regex ${ms(f.regex)} ms`,
    f.total / f.regex <= BUDGET.feedVsRegex,
  );
}
const longTaskRow = (label, x) =>
  budget(
    `long tasks > 50 ms of ours, ${label}`,
    '0',
    `${x.ours} (with the extension ${x.withExt}, without ${x.without}; LoAF frames with extension scripts ${x.extFrames})`,
    x.ours === 0,
  );
for (const [id, label] of [
  ['5m', '5 MB page'],
  ['spam-namesake', '200 kB text node of namesake spam'],
  ['spam-cue', '200 kB text node of cue spam'],
  ['10m-node', '10 MB text node'],
  ['100k-elements', '100,000 elements'],
]) {
  if (id === 'spam-namesake' && feedSummary)
    longTaskRow('infinite feed', {
      ours: feedSummary.ours,
      withExt: feedSummary.withExt,
      without: feedSummary.without,
      extFrames: 0,
    });
  if (s(id)) longTaskRow(label, s(id).longTasks);
}
if (s('100k-elements')?.framesIdle) {
  const f = s('100k-elements').framesIdle;
  budget(
    'highlight cost, 100,000 elements: long animation frames (> 50 ms) during our idle pass',
    'report (the issue: keep every task under 50 ms)',
    `${f.withExt.count} with the extension (longest ${ms(f.withExt.longest)} ms, rendering ${ms(f.withExt.render)} ms, style and layout ${ms(f.withExt.styleLayout)} ms), ${f.without.count} without`,
    undefined,
  );
}
for (const c of results.curves ?? []) {
  const { growth, flat } = flatness(c.curve, BUDGET.matcherFlat);
  budget(
    `matcher per character, ${c.label}`,
    `flat from 1 kB to 1 MB in one string (1 MB ≤ ${BUDGET.matcherFlat}× the cheapest shorter length)`,
    `${c.curve.map((p) => (p.skipped ? 'skipped' : `${p.nsPerChar.toFixed(1)}`)).join(' / ')} ns per char at 1 k / 10 k / 100 k / 1 M (${ratio(growth)})`,
    flat,
  );
}
if (s('1m') && Number.isFinite(s('1m').mark)) {
  const x = s('1m');
  budget(
    'mark.js ÷ full scan, 1 MB page',
    `≥ ${BUDGET.vsMark}×`,
    `${ratio(x.mark / x.busy)}: mark.js ${ms(x.mark)} ms`,
    x.mark / x.busy >= BUDGET.vsMark,
  );
}
if (results.matcher) {
  const mt = results.matcher;
  budget(
    `aliases ${mt.aliasCount} → ${mt.bigAliases.toLocaleString('en')}, detectMentions on 1 MB`,
    `≤ ${BUDGET.aliasScaling}×`,
    `${ratio(mt.detectBig / mt.detectReal)}: ${ms(mt.detectReal)} → ${ms(mt.detectBig)} ms`,
    mt.detectBig / mt.detectReal <= BUDGET.aliasScaling,
  );
}
budget(
  'content-script bundle, gzipped',
  `≤ ${BUDGET.bundleGzip.toLocaleString('en')} B`,
  `${results.bundle.gzip.toLocaleString('en')} B (raw ${results.bundle.raw.toLocaleString('en')} B)`,
  results.bundle.gzip <= BUDGET.bundleGzip,
);

out('## Budgets');
out();
head(['what', 'budget', 'measured', 'result']);
for (const [what, target, figure, ok] of budgets)
  row([
    what,
    target,
    figure,
    ok === undefined && target.startsWith('report') ? 'report' : verdict(ok),
  ]);
out();
const missed = budgets.filter(([, , , ok]) => ok === false).length;
out(
  `${budgets.filter(([, , , ok]) => ok === true).length} PASS, ${missed} MISS${budgets.some(([, t, , ok]) => ok === undefined && !t.startsWith('report')) ? ', some n/a (not measured)' : ''}.`,
);
out();

// Pages -----------------------------------------------------------------------------------
const pageRows = (group) => {
  head([
    'page',
    'text',
    'text nodes',
    'floor: page world (warm)',
    'floor: content-script world (warm)',
    'ext busy at load',
    'ext wall at load',
    'ext ÷ CS floor',
    'ext ÷ page floor',
    'idle pass busy / wall',
    'mentions',
    'mark.js',
    'long tasks in our windows: with / without',
  ]);
  for (const page of PAGES.filter((p) => p.group === group)) {
    const x = s(page.id);
    const r = results.pages[page.id];
    if (!x) continue;
    const t = x.idle.top;
    row([
      page.label,
      kb(r.chars),
      r.textNodes.toLocaleString('en'),
      `${ms(x.fp)} (${ms(x.fpWarm)})`,
      `${ms(x.fi)} (${ms(x.fiWarm)})`,
      ms(x.busy),
      ms(x.wall),
      ratio(x.busy / x.fi),
      ratio(x.busy / x.fp),
      t ? `${ms(t.busy)} / ${ms(t.wall)} (${ratio(t.wallVsBusy)})` : '–',
      `${x.mentions}${r.marks !== undefined ? ` (mark.js ${r.marks})` : ''}`,
      Number.isFinite(x.mark) ? `${ms(x.mark)} (${ratio(x.mark / x.busy)})` : '–',
      `${x.longTasks.withExt} / ${x.longTasks.without}`,
    ]);
  }
  out();
};
out('## Pages');
out();
out(
  'Floor: a TreeWalker reading `.data` of every text node, first walk in a fresh world (warm: a second walk, wrappers already made), on the idle page without the extension. Content-script floor: the same walk in an isolated world made through CDP `Page.createIsolatedWorld`. Extension: its `factcards:scan` measure of its first full pass at load (`duration` = busy time, idle gaps excluded; `detail.elapsed` = wall time). Idle pass: a first full pass on the idle page, scrolled to the top (see below). Long tasks: `longtask` entries overlapping the first pass at load and the idle passes, worst run, and in the same windows of a load without the extension.',
);
out();
pageRows('synthetic');

out('## First full pass on an idle page');
out();
out(
  'The page is loaded with the extension, scrolled (top, or the middle of the document), and left until idle (loaded, 300 ms without a long task or long frame, animation frames at the display rate). Then the popup\'s "Hidden in this tab" is sent from the service worker and undone: that stops the scanner, drops its marks, and starts a new scanner, whose first pass is a full pass on a page with nothing else to do. A page-world poller looks at the `factcards-mention` highlight once per animation frame and sorts the marks it has not seen by `getBoundingClientRect()` into inside and outside the viewport. Times from the pass start (the measure\'s `startTime`), frame resolution.',
);
out();
head([
  'page',
  'scrolled to',
  'busy',
  'wall',
  'wall ÷ busy',
  'mentions (in view)',
  'first mark',
  'viewport marks from – to',
  'first mark elsewhere',
  'last mark',
  'viewport first',
]);
for (const page of PAGES) {
  const x = s(page.id);
  for (const position of ['top', 'middle']) {
    const p = x?.idle[position];
    if (!p) continue;
    row([
      page.label,
      position,
      ms(p.busy),
      ms(p.wall),
      ratio(p.wallVsBusy),
      `${p.mentions} (${p.inView})`,
      ms(p.firstMark),
      `${ms(p.firstInView)} – ${ms(p.lastInView)}`,
      ms(p.firstOut),
      ms(p.lastMark),
      p.viewportFirst === undefined ? 'none in view' : p.viewportFirst ? 'yes' : 'no',
    ]);
  }
}
out();

out("## Long animation frames (the browser's own cost of our marks)");
out();
out(
  '`long-animation-frame` entries (frames over 50 ms) in the windows of our passes, with the extension and in the same windows without it (at load: the same time since navigation; idle: the idle page without the extension, over as long). Rendering = frame end − `renderStart`; style and layout = frame end − `styleAndLayoutStart` (median per window). Long animation frames report no script of the extension (Chromium attributes no isolated-world script), so their cost here is rendering.',
);
out();
head([
  'page',
  'pass',
  'long frames with / without',
  'longest with / without',
  'rendering with / without',
  'style and layout with / without',
]);
for (const page of PAGES) {
  const x = s(page.id);
  for (const [kind, f] of [
    ['at load', x?.framesLoad],
    ['idle', x?.framesIdle],
  ]) {
    if (!f) continue;
    row([
      page.label,
      kind,
      `${f.withExt.count} / ${f.without.count}`,
      `${ms(f.withExt.longest)} / ${ms(f.without.longest)}`,
      `${ms(f.withExt.render)} / ${ms(f.without.render)}`,
      `${ms(f.withExt.styleLayout)} / ${ms(f.without.styleLayout)}`,
    ]);
  }
}
out();

if (feedSummary) {
  const f = feedSummary;
  out('## Infinite feed');
  out();
  out(
    `${FEED.posts} posts appended every ${FEED.interval} ms to a container of 200 posts (${kb(FEED.html.length)} of HTML). With the extension: first full pass ${ms(f.full)} ms busy, then ${f.passes} incremental passes, ${ms(f.total)} ms busy in all (${ms(f.total / FEED.posts)} ms per post), longest ${ms(f.longest)} ms, ${f.mentions} mentions. The extension's MutationObserver callback is not in its measures (only passes are). Baseline, in the browser without the extension: a page-script MutationObserver running one case-insensitive regex of the ${ALIASES.length} alias texts over each added node's \`textContent\`, timing itself: ${ms(f.regex)} ms for ${f.regexNodes} nodes (${f.regexMatches} matches). Ratio ${ratio(f.total / f.regex)}. Long tasks while appending: ${f.withExt} with the extension, ${f.without} without; long frames ${f.frames} / ${f.framesWithout}.`,
  );
  out();
}

if (results.curves) {
  out('## Matcher per character (Node, `detectMentions([text], matcher)` on one string)');
  out();
  head(['text', '1 kB', '10 kB', '100 kB', '1 MB', 'mentions at 1 MB', '1 MB ÷ cheapest shorter']);
  for (const c of results.curves) {
    const { growth } = flatness(c.curve, BUDGET.matcherFlat);
    row([
      c.label,
      ...c.curve.map((p) => (p.skipped ? 'skipped (too slow)' : `${p.nsPerChar.toFixed(1)} ns`)),
      String(c.curve[3]?.mentions ?? '–'),
      ratio(growth),
    ]);
  }
  out();
  out(
    "Each length is timed in groups of calls of about 1 MB of text in all, rounds interleaved across the lengths; the median group. Prose: the article writer's sentences with real mentions and traps; spam: the texts of the 200 kB pages.",
  );
  out();
}

if (results.matcher) {
  const mt = results.matcher;
  out("## Matcher scaling (Node, the 1 MB page's blocks)");
  out();
  head([
    '',
    `real set (${mt.aliasCount} aliases)`,
    `${mt.bigAliases.toLocaleString('en')} aliases`,
    'ratio',
  ]);
  row(['compile', ms(mt.compileReal), ms(mt.compileBig), ratio(mt.compileBig / mt.compileReal)]);
  row([
    'detectMentions, 1 MB with mentions',
    ms(mt.detectReal),
    ms(mt.detectBig),
    ratio(mt.detectBig / mt.detectReal),
  ]);
  row([
    'detectMentions, 1 MB without mentions',
    ms(mt.cleanReal),
    ms(mt.cleanBig),
    ratio(mt.cleanBig / mt.cleanReal),
  ]);
  out();
  out(`Mentions the matcher finds in the 1 MB page's blocks: ${mt.found}.`);
  out();
}

out('## Real pages');
out();
out(realNote);
out();
if (REAL.length > 0) pageRows('real');

if (VERBOSE) {
  out('## Details');
  out();
  for (const [id, r] of Object.entries(results.pages)) {
    out(
      `- ${id}: floors page ${r.floorPage.map(ms).join(', ')}; isolated ${r.floorIso.map(ms).join(', ')}; mark.js ${r.mark.map(ms).join(', ')}; idle waits ${r.idleWaits.map(ms).join(', ')}`,
    );
    r.ext.forEach((e, i) => {
      out(
        `  - load: busy ${ms(e.full.duration)} wall ${ms(e.full.elapsed)} nodes ${e.full.nodes} mentions ${e.full.mentions} start ${ms(e.full.start)}; passes ${e.passes.map((p) => `${p.kind}:${ms(p.duration)}`).join(' ')}`,
      );
      for (const p of r.idle[i] ?? [])
        out(
          `  - idle ${p.position}: busy ${ms(p.full?.duration)} wall ${ms(p.full?.elapsed)} marks ${p.marks} in view ${p.inViewAtEnd} waited ${ms(p.waited)} samples ${p.samples.length}`,
        );
      out(`    long tasks ${e.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}`);
    });
    out(
      `  - baseline long tasks ${r.baseline.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(' ')}`,
    );
  }
  if (results.feed)
    for (const e of results.feed.ext)
      out(
        `- feed passes: ${e.incremental.map((p) => `${ms(p.duration)}/${ms(p.elapsed)}`).join(' ')}`,
      );
  out();
}

const report = lines.join('\n');
console.log(report);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/scan.md'), `${report}\n`);
writeFileSync(
  join(ROOT, 'bench-results/scan.json'),
  JSON.stringify({
    build: BUILD,
    loadAtStart,
    loadAtEnd,
    summary,
    feed: feedSummary,
    results: {
      ...results,
      pages: Object.fromEntries(
        Object.entries(results.pages).map(([id, r]) => [
          id,
          {
            ...r,
            ext: r.ext.map(({ frames, longTasks, ...e }) => ({
              ...e,
              longTasks,
              frames: frames.length,
            })),
            idle: r.idle.map((l) =>
              l.map(({ samples, ...p }) => ({ ...p, samples: samples.length })),
            ),
          },
        ]),
      ),
    },
  }),
);
log(`Wrote bench-results/scan.md and scan.json (${elapsed()})`);
