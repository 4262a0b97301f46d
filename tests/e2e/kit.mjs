// The real-browser test kit: Chromium (playwright-core) with the built extension, fixture pages
// on 127.0.0.1, and the checks every e2e test shares (no network, one element added, no errors).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium, NO_CHROMIUM, serveFolder } from '../../scripts/chromium.mjs';
import { textPointInPage } from './shared.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = resolve(
  ROOT,
  process.env.FACTCARDS_EXTENSION ?? '.output/chrome-mv3-instrumented',
);

/**
 * Launches Chromium with the extension. Returns the context, the service worker, the extension
 * id, a fixture server, and logs of requests and errors from every page and worker.
 */
export async function launch({
  extension = EXTENSION,
  colorScheme = 'light',
  reducedMotion = 'no-preference',
  viewport = { width: 1280, height: 800 },
  routes = {},
} = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const profile = mkdtempSync(join(tmpdir(), 'factcards-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !process.env.HEADED,
    colorScheme,
    reducedMotion,
    viewport,
    args: [...extensionArgs(extension), '--no-sandbox', '--disable-gpu'],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(sw.url()).host;
  const server = await serveFolder(resolve(ROOT, 'tests/fixtures'), routes);

  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  const watchPage = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console (${page.url()}): ${message.text()}`);
    });
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  return {
    context,
    sw,
    extensionId,
    server,
    requests,
    errors,
    /** Requests that left the machine's fixture server and the extension itself. */
    externalRequests: () =>
      requests.filter(
        (url) =>
          !url.startsWith(server.origin) &&
          !url.startsWith(`chrome-extension://${extensionId}/`) &&
          !url.startsWith('data:') &&
          !url.startsWith('about:'),
      ),
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Installs, before any page script, an observer that records every DOM change outside the card. */
export async function recordMutations(page) {
  await page.addInitScript(() => {
    const log = (window.__factcardsMutations = []);
    const start = () =>
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'childList') {
            for (const n of r.addedNodes)
              if (n.nodeType === 1)
                log.push({
                  type: 'added',
                  tag: n.localName,
                  parent: r.target.localName ?? '#',
                  attributes: n.attributes.length,
                });
            for (const n of r.removedNodes)
              if (n.nodeType === 1)
                log.push({ type: 'removed', tag: n.localName, parent: r.target.localName ?? '#' });
          } else if (r.type === 'attributes') {
            log.push({ type: 'attribute', tag: r.target.localName, name: r.attributeName });
          } else if (r.type === 'characterData') {
            log.push({ type: 'text', parent: r.target.parentNode?.localName });
          }
        }
      }).observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    // Record from the end of parsing: what the parser inserts is the page, not a change to it.
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  });
}

/** The mutations recorded on a page (see recordMutations). */
export function mutations(page) {
  return page.evaluate(() => window.__factcardsMutations ?? []);
}

/** Waits for at least `count` `factcards:scan` measures in a frame; returns their details. */
export async function waitForScan(frameOrPage, { count = 1, timeout = 10000 } = {}) {
  await frameOrPage.waitForFunction(
    (n) => performance.getEntriesByName('factcards:scan').length >= n,
    count,
    { timeout },
  );
  return frameOrPage.evaluate(() =>
    performance
      .getEntriesByName('factcards:scan')
      .map((e) => ({ duration: e.duration, ...e.detail })),
  );
}

/**
 * The centre of the `nth` occurrence of `text` in a frame (or inside an open shadow root when
 * `shadowHost` is a selector), in the frame's viewport coordinates, computed from a Range.
 */
export async function textPoint(frameOrPage, text, { nth = 0, shadowHost } = {}) {
  // The point is computed in the page by the same function the Firefox suite uses (shared.mjs).
  const point = await frameOrPage.evaluate(textPointInPage, { text, nth, shadowHost });
  if (!point) throw new Error(`text "${text}" (#${nth}) not found`);
  return point;
}

/** Moves the real mouse onto a text occurrence (from the corner, in steps, like a person). */
export async function hover(page, text, options = {}) {
  const { frame } = options;
  let { x, y } = await textPoint(frame ?? page, text, options);
  if (frame) {
    const box = await (await frame.frameElement()).boundingBox();
    x += box.x;
    y += box.y;
  }
  await page.mouse.move(1, 1);
  await page.mouse.move(x, y, { steps: 3 });
  return { x, y };
}

/** Dialog nodes in the accessibility tree of a page (works for open and closed shadow roots). */
export async function dialogs(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    // One tree per frame: a card opened inside an iframe lives in that frame's document.
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const frameIds = [];
    const walk = (node) => {
      frameIds.push(node.frame.id);
      for (const child of node.childFrames ?? []) walk(child);
    };
    walk(frameTree);
    const names = [];
    for (const frameId of frameIds) {
      const { nodes } = await cdp
        .send('Accessibility.getFullAXTree', { frameId })
        .catch(() => ({ nodes: [] }));
      names.push(
        ...nodes
          .filter((n) => n.role?.value === 'dialog' && !n.ignored)
          .map((n) => n.name?.value ?? ''),
      );
    }
    return names;
  } finally {
    await cdp.detach();
  }
}

/** Polls the accessibility tree until a dialog named `name` is (or is not) present. */
export async function waitForDialog(page, name, { present = true, timeout = 4000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const names = await dialogs(page);
    if (names.includes(name) === present) return names;
    if (Date.now() > deadline)
      throw new Error(
        `dialog "${name}" ${present ? 'did not appear' : 'did not close'}; dialogs: ${JSON.stringify(names)}`,
      );
    await page.waitForTimeout(100);
  }
}

/** Reads every row of an IndexedDB store from the service worker (the extension's origin). */
export async function readIdb(sw, store) {
  return sw.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('factcards');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Waits until the cache is seeded (positions present). */
export async function waitForSeed(sw, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await readIdb(sw, 'positions').catch(() => []);
    if (rows.length > 0) return rows;
    if (Date.now() > deadline) throw new Error('IndexedDB was not seeded');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets the extension's settings from the service worker (as the options page would). */
export async function setSettings(sw, patch) {
  await sw.evaluate(async (patch) => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, ...patch } });
  }, patch);
}

/**
 * The card host as the page sees it: the elements on `<html>` other than `<head>` and `<body>`
 * (the extension adds at most one, a plain element with no attribute and a closed shadow root).
 */
export function hostElements(frameOrPage) {
  return frameOrPage.evaluate(() =>
    [...document.documentElement.children]
      .filter((el) => el !== document.head && el !== document.body)
      .map((el) => ({
        tag: el.localName,
        attributes: el.attributes.length,
        shadowRoot: el.shadowRoot !== null,
        children: el.childNodes.length,
      })),
  );
}

/** Whether a mutation (see recordMutations) is the extension adding or removing its card host. */
export const isCardHostChange = (m) =>
  (m.type === 'added' || m.type === 'removed') && m.parent === 'html' && !m.attributes;

/** The common invariants: no external request, no error, at most the card host added. */
export async function assertPageInvariants(assert, kit, page) {
  assert.deepEqual(kit.externalRequests(), [], 'no extension context may make a network request');
  const changes = await mutations(page);
  const foreign = changes.filter((m) => !isCardHostChange(m));
  assert.deepEqual(
    foreign,
    [],
    'the extension must not change the page apart from adding its one card host',
  );
  const added = new Set(changes.filter((m) => m.type === 'added').map((m) => m.tag));
  assert.ok(added.size <= 1, `at most one kind of element added (${[...added]})`);
  const hosts = await hostElements(page);
  assert.ok(hosts.length <= 1, `at most one card host (found ${JSON.stringify(hosts)})`);
  for (const host of hosts)
    assert.deepEqual(
      { attributes: host.attributes, shadowRoot: host.shadowRoot, children: host.children },
      { attributes: 0, shadowRoot: false, children: 0 },
      'the host carries nothing the page can read: no attribute, no light DOM, a closed root',
    );
  assert.deepEqual(kit.errors, [], 'no uncaught errors or console errors');
}

/** Runs `fn` with a DevTools protocol session on a page. */
async function withCdp(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The frame ids of a page, top first. */
async function frameIds(cdp) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ids = [];
  const walk = (node) => {
    ids.push(node.frame.id);
    for (const child of node.childFrames ?? []) walk(child);
  };
  walk(frameTree);
  return ids;
}

/**
 * The open card's element as a protocol object, found through the accessibility tree (which
 * sees into closed shadow roots and frames); undefined when no card is open.
 */
async function cardObjectId(cdp, name) {
  for (const frameId of await frameIds(cdp)) {
    const { nodes } = await cdp
      .send('Accessibility.getFullAXTree', { frameId })
      .catch(() => ({ nodes: [] }));
    const dialog = nodes.find(
      (n) =>
        n.role?.value === 'dialog' &&
        !n.ignored &&
        n.backendDOMNodeId &&
        (name === undefined || n.name?.value === name),
    );
    if (!dialog) continue;
    const { object } = await cdp.send('DOM.resolveNode', {
      backendNodeId: dialog.backendDOMNodeId,
    });
    return object.objectId;
  }
  return undefined;
}

/**
 * The open card, read from outside the page: its shadow root is closed, so tests reach it
 * through the DevTools protocol (as assistive technology does), never through page script, and
 * click it with the real mouse. Each call finds the card afresh.
 */
export function card(page, name) {
  const evaluate = (fn, arg) =>
    withCdp(page, async (cdp) => {
      await cdp.send('DOM.getDocument', { depth: 0 });
      const objectId = await cardObjectId(cdp, name);
      if (!objectId) throw new Error(`no card${name ? ` "${name}"` : ''} is open`);
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId,
        // The object is `this`; callers write `(cardElement, arg) => …`.
        functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails)
        throw new Error(`card evaluate failed: ${exceptionDetails.exception?.description}`);
      return result.value;
    });
  const box = (selector) =>
    evaluate((el, selector) => {
      const target = selector ? el.querySelector(selector) : el;
      if (!target) return null;
      const r = target.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, selector);
  return {
    /** Runs `fn(cardElement, arg)` in the page and returns its (serializable) result. */
    evaluate,
    /** The card's visible text. */
    text: () => evaluate((el) => el.innerText),
    /** The visible text of each element matching `selector` in the card. */
    texts: (selector) =>
      evaluate(
        (el, selector) => [...el.querySelectorAll(selector)].map((e) => e.innerText),
        selector,
      ),
    /** An attribute of each element matching `selector`. */
    attributes: (selector, attribute) =>
      evaluate(
        (el, [selector, attribute]) =>
          [...el.querySelectorAll(selector)].map((e) => e.getAttribute(attribute)),
        [selector, attribute],
      ),
    count: (selector) => evaluate((el, selector) => el.querySelectorAll(selector).length, selector),
    /** The bounding box of the card, or of an element in it (viewport coordinates). */
    box,
    /** Whether focus is inside the card. */
    hasFocus: () =>
      evaluate((el) => {
        const active = el.getRootNode().activeElement;
        return !!active && el.contains(active);
      }),
    /** What has focus inside the card (tag and accessible label). */
    focused: () =>
      evaluate((el) => {
        const active = el.getRootNode().activeElement;
        return active && el.contains(active)
          ? {
              tag: active.localName,
              label: active.getAttribute('aria-label') ?? active.textContent,
            }
          : null;
      }),
    /** Clicks an element of the card with the real mouse. */
    async click(selector) {
      const b = await box(selector);
      if (!b) throw new Error(`nothing matches ${selector} in the card`);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
  };
}

/** The texts the extension highlighted in a frame (the highlight registry is shared with the page). */
export function highlighted(frameOrPage) {
  return frameOrPage.evaluate(() => {
    const h = CSS.highlights.get('factcards-mention');
    return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
  });
}

/** Polls until the highlighted texts satisfy `predicate`; returns them. */
export async function waitForHighlights(frameOrPage, predicate, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const texts = await highlighted(frameOrPage);
    if (predicate(texts)) return texts;
    if (Date.now() > deadline)
      throw new Error(`highlights never matched; last: ${JSON.stringify(texts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The id of the tab showing a page. The extension has no `tabs` permission (so no tab URLs):
 * bring the page to the front and ask for the active tab, as the popup does.
 */
export async function tabIdFor(sw, page) {
  await page.bringToFront();
  return sw.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
}

/** Sends a message to a tab's content scripts from the service worker (as the background would). */
export function sendToTab(sw, tabId, message, frameId = 0) {
  return sw.evaluate(
    ({ tabId, message, frameId }) => chrome.tabs.sendMessage(tabId, message, { frameId }),
    { tabId, message, frameId },
  );
}

/** Runs axe-core on a page and returns its violations (open shadow roots included). */
export async function axeViolations(page, context) {
  await page.addScriptTag({ path: resolve(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (context) => {
    const result = await window.axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, context);
}

/**
 * Runs axe-core on an extension page and returns its violations. Extension pages' CSP
 * (`script-src 'self'`) blocks `addScriptTag`, so the source is evaluated through the protocol.
 */
export async function extensionPageAxeViolations(page, context) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const { readFileSync } = await import('node:fs');
    await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async (context) => {
    const result = await window.axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, context);
}
