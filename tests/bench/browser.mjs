// In-page measurements of the scan benchmark: what runs in the page (observers, the floor, the
// idle wait, the mark poller, the feed's regex baseline) and the steps that drive one page with
// and without the extension. Every figure is read from the page's own clock.

const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Installed before every page script: records long tasks and long animation frames. */
export function installObservers() {
  window.__bench = { longTasks: [], frames: [] };
  // The extension's `factcards:scan` measures, as plain objects (the page sees its timeline).
  window.__benchPasses = () =>
    performance
      .getEntriesByName('factcards:scan')
      .map((e) => ({ start: e.startTime, duration: e.duration, ...e.detail }));
  window.__benchFullPasses = () => window.__benchPasses().filter((p) => p.kind === 'full').length;
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
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          blocking: e.blockingDuration,
          scripts: (e.scripts ?? []).map((s) => ({
            url: s.sourceURL,
            invoker: s.invoker,
            type: s.invokerType,
            duration: s.duration,
            forced: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    window.__bench.noFrames = true;
  }
}

/** The floor: a TreeWalker that reads `.data` of every text node in the document. */
export const FLOOR = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let nodes = 0, chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes++; chars += n.data.length; }
  return { ms: performance.now() - t0, nodes, chars };
})()`;

/** The floor in the page's own world. */
export const floorInPage = (page) => page.evaluate(FLOOR);

/**
 * The same walk in a fresh isolated world (what a content script is), through CDP; `world.id`
 * is kept so a second call walks again in the same world (warm).
 */
export async function floorIsolated(cdp, world, again = false) {
  if (!again) {
    const { frameTree } = await cdp.send('Page.getFrameTree');
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

/**
 * Waits until the page is idle: loaded, no long task or long frame for `quietMs`, and frames
 * coming at the display rate (no gap over 25 ms between two animation frames) over that time.
 * Returns how long it waited, or -1 on timeout (the caller goes on; the figure says so).
 */
export function waitIdle(page, quietMs = 300, timeout = 20_000) {
  return page.evaluate(
    ({ quietMs, timeout }) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        let prev = t0;
        let lastBusy = t0;
        const tick = () => {
          const now = performance.now();
          if (now - prev > 25) lastBusy = now;
          prev = now;
          const b = window.__bench;
          for (const list of [b?.longTasks ?? [], b?.frames ?? []]) {
            const last = list[list.length - 1];
            if (last) lastBusy = Math.max(lastBusy, last.start + last.duration);
          }
          if (document.readyState === 'complete' && now - lastBusy >= quietMs) resolve(now - t0);
          else if (now - t0 > timeout) resolve(-1);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { quietMs, timeout },
  );
}

/** Loads a page with the extension and waits for its first full pass; returns that pass and the entries. */
export async function loadWithExtension(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForFunction(() => window.__benchFullPasses() > 0, null, {
    timeout: 180_000,
    polling: 100,
  });
  await sleep(300);
  return page.evaluate(() => {
    const passes = window.__benchPasses();
    return { passes, full: passes.find((p) => p.kind === 'full'), ...window.__bench };
  });
}

/**
 * Starts a poller in the page's world that, once per animation frame, looks at the extension's
 * mention highlight and notes the time each mark is first seen. It only iterates the highlight
 * (no layout read during the pass); where each mark lies is read when it stops.
 */
export function startMarkPoller(page) {
  return page.evaluate(() => {
    const seen = new Map();
    const state = { seen, running: true };
    window.__marks = state;
    const tick = () => {
      if (!state.running) return;
      const now = performance.now();
      const highlight = CSS.highlights.get('factcards-mention');
      if (highlight) for (const range of highlight) if (!seen.has(range)) seen.set(range, now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Stops the mark poller; returns one sample per frame in which marks appeared: its time and how
 * many of them lie inside the viewport (any overlap) and outside it.
 */
export const stopMarkPoller = (page) =>
  page.evaluate(() => {
    const state = window.__marks;
    state.running = false;
    const byTime = new Map();
    for (const [range, t] of state.seen) {
      const r = range.getBoundingClientRect();
      const inside = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      const sample = byTime.get(t) ?? { t, inView: 0, outOfView: 0 };
      if (inside) sample.inView++;
      else sample.outOfView++;
      byTime.set(t, sample);
    }
    return [...byTime.values()].sort((a, b) => a.t - b.t);
  });

/**
 * One first full pass on an idle page: scrolled to `position` ('top', or 'middle': the mark
 * nearest the middle of the document centred in the viewport), the extension
 * is hidden in this tab and shown again (the popup's "Hidden in this tab" and back to "On", sent
 * from the service worker as the background does), which stops the scanner, drops every mark and
 * starts a new scanner whose first pass is a full pass over a page that has nothing else to do.
 * The mark poller runs during that pass.
 */
export async function idlePass(page, send, position) {
  await page.evaluate((position) => {
    let top = 0;
    if (position === 'middle') {
      const middle = document.documentElement.scrollHeight / 2;
      let best = middle;
      let distance = Infinity;
      for (const range of CSS.highlights.get('factcards-mention') ?? []) {
        const at = range.getBoundingClientRect().top + scrollY;
        if (Math.abs(at - middle) < distance) [best, distance] = [at, Math.abs(at - middle)];
      }
      top = Math.max(0, best - innerHeight / 2);
    }
    window.scrollTo({ top, behavior: 'instant' });
  }, position);
  await send({ type: 'setHiddenOnce', hidden: true });
  await page.waitForFunction(() => !CSS.highlights.has('factcards-mention'), null, {
    timeout: 30_000,
    polling: 50,
  });
  const waited = await waitIdle(page);
  const before = await page.evaluate(() => window.__benchFullPasses());
  await startMarkPoller(page);
  await send({ type: 'setHiddenOnce', hidden: false });
  await page.waitForFunction((n) => window.__benchFullPasses() > n, before, {
    timeout: 180_000,
    polling: 100,
  });
  await sleep(100);
  const samples = await stopMarkPoller(page);
  const state = await page.evaluate(() => {
    const passes = window.__benchPasses();
    const full = passes.filter((p) => p.kind === 'full').pop();
    const highlight = CSS.highlights.get('factcards-mention');
    let inView = 0;
    for (const range of highlight ?? []) {
      const r = range.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) inView++;
    }
    return { full, marks: highlight?.size ?? 0, inViewAtEnd: inView, scrollY };
  });
  return { ...state, samples, position, waited };
}

/**
 * The feed's baseline, as a page script: a MutationObserver that runs one case-insensitive
 * regular expression of the dataset's aliases over the text of every added node, timing itself.
 */
export function installRegexBaseline(page, aliases) {
  return page.evaluate((aliases) => {
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(aliases.map(escape).join('|'), 'gi');
    const stats = { ms: 0, nodes: 0, matches: 0 };
    window.__regex = stats;
    new MutationObserver((records) => {
      const t0 = performance.now();
      for (const record of records)
        for (const node of record.addedNodes) {
          const text = node.textContent ?? '';
          re.lastIndex = 0;
          while (re.exec(text)) stats.matches++;
          stats.nodes++;
        }
      stats.ms += performance.now() - t0;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, aliases);
}
