// The Firefox adapter of the real-browser suite: Firefox (puppeteer-core over WebDriver BiDi) with
// the extension installed as a temporary add-on, fixture pages on 127.0.0.1, and the driving
// that differs from Chromium: extension pages opened by a raw `browsingContext.navigate`, the
// card read from the accessibility tree in chrome scope (its shadow root is closed), requests
// seen by BiDi and by a recording proxy, errors read from Firefox's stdout. What both suites
// share lives in ../shared.mjs. See ../../../../shared/FIREFOX.md for why each of these is so.
import { createServer } from 'node:http';
import { relative, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import {
  EXTENSION_UUID,
  findFirefox,
  firefoxPrefs,
  NO_FIREFOX,
} from '../../../scripts/firefox.mjs';
import {
  ROOT,
  assertPageGainedAtMostOneElement,
  extraRootChildrenInPage,
  highlightedInPage,
  mutationsInPage,
  recordMutationsInPage,
  serveFolder,
  textPointInPage,
} from '../shared.mjs';

/** The build under test: the Firefox store build unless FACTCARDS_FIREFOX_EXTENSION says otherwise. */
export const FIREFOX_EXTENSION = resolve(
  ROOT,
  process.env.FACTCARDS_FIREFOX_EXTENSION ?? '.output/firefox-mv2',
);

/** Said in suite names when the build under test is not the default one (the zip run). */
export const UNDER_TEST = process.env.FACTCARDS_FIREFOX_EXTENSION
  ? ` (${relative(ROOT, FIREFOX_EXTENSION)})`
  : '';

export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Lines of Firefox's stdout that are the browser's own business, not the extension's: its own
 * modules failing without a network (FIREFOX.md lists them). Anything that names browser code
 * (`chrome://`, `resource://`) is the browser's too.
 */
const BROWSER_NOISE = [
  /chrome:\/\/|resource:\/\//,
  /RSLoader: Failed to retrieve recipes/,
  /BackupService/,
  /NavigationManager/,
  /services\.settings/,
  /RenderCompositorSWGL failed mapping default framebuffer/,
];

/**
 * Classifies one line of Firefox's stdout: the error it reports from a page, a content script or
 * an extension page (with `devtools.console.stdout.content`, their uncaught errors and rejections
 * print as "JavaScript error: <url>, line N: …" and `console.error` as "console.error: …"), or
 * undefined. Warnings never count: Firefox warns "Script terminated by timeout" when an
 * about:blank tab navigates during start-up, which is not a failure.
 */
export function errorInFirefoxLog(line) {
  if (!/^(JavaScript error|console\.error):/.test(line)) return undefined;
  if (BROWSER_NOISE.some((noise) => noise.test(line))) return undefined;
  return line;
}

/**
 * A forward proxy that answers nothing and records everything: Firefox sends every request that
 * is not for 127.0.0.1 here, from every context (the background page too, which BiDi does not see).
 */
async function recordingProxy() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(req.url);
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * In chrome scope: the dialogs in the accessibility tree of the tab showing browsing context
 * `contextId` (frames included), each with its name, the text of its subtree and its links.
 * Serialised by `dialogs()`, so it uses nothing from this module. Returns null while the
 * accessibility service is still building the tree, and `{ unresolved: true }` when this Firefox
 * cannot map a BiDi context to its tab (then the caller selects the tab and asks again).
 */
function dialogsInChrome(contextId, useSelectedTab) {
  let browser;
  if (useSelectedTab) browser = gBrowser.selectedBrowser;
  else {
    // The remote agent's own id → browsing context map (its module was renamed in Firefox 14x).
    for (const [file, name] of [
      ['NavigableManager', 'NavigableManager'],
      ['TabManager', 'TabManager'],
    ]) {
      try {
        const manager = ChromeUtils.importESModule(
          `chrome://remote/content/shared/${file}.sys.mjs`,
        )[name];
        browser ??= manager.getBrowsingContextById?.(contextId)?.embedderElement;
      } catch {
        // not in this Firefox
      }
    }
    if (!browser) return { unresolved: true };
  }
  const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  const root = service.getAccessibleFor(browser);
  if (!root) return null;
  const role = (acc) => service.getStringRole(acc.role);
  const children = (acc) => {
    const list = [];
    for (let child = acc.firstChild; child; child = child.nextSibling) list.push(child);
    return list;
  };
  const describe = (dialog) => {
    const text = [];
    const links = [];
    const buttons = [];
    const walk = (acc) => {
      const r = role(acc);
      if (r === 'text leaf' || r === 'statictext') text.push(acc.name ?? '');
      if (r === 'link') links.push({ name: acc.name ?? '', href: acc.value ?? '' });
      if (r === 'pushbutton' || r === 'togglebutton') buttons.push(acc.name ?? '');
      children(acc).forEach(walk);
    };
    walk(dialog);
    return {
      name: dialog.name ?? '',
      text: text.join(' ').replace(/\s+/g, ' ').trim(),
      links,
      buttons,
    };
  };
  const found = [];
  const search = (acc, depth) => {
    if (depth > 400) return;
    if (role(acc) === 'dialog') found.push(describe(acc));
    else children(acc).forEach((child) => search(child, depth + 1));
  };
  search(root, 0);
  return { dialogs: found };
}

/** In page: an element scrolled into view, its centre (null for no element). */
function boxOf(el) {
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

const chromeContexts = new WeakMap();

/** Calls `fn(...args)` in the browser window's chrome scope; `fn` returns JSON-able data. */
export async function callInChrome(browser, fn, ...args) {
  if (!chromeContexts.has(browser)) {
    const { result } = await browser.connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const window =
      result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ??
      result.contexts[0];
    chromeContexts.set(browser, window.context);
  }
  const { result } = await browser.connection.send('script.callFunction', {
    functionDeclaration: `(...args) => JSON.stringify((${fn})(...args))`,
    arguments: args.map((value) => ({ type: typeof value, value })),
    target: { context: chromeContexts.get(browser) },
    awaitPromise: false,
  });
  if (result.type === 'exception')
    throw new Error(`chrome-scope script failed: ${result.exceptionDetails.text}`);
  return result.result.type === 'string' ? JSON.parse(result.result.value) : undefined;
}

/**
 * The dialogs (cards) in a page's tab, from the accessibility tree in chrome scope: each with its
 * name, its text and its links. Works for a tab in the background too.
 */
export async function dialogs(browser, page) {
  const contextId = page.mainFrame()._id;
  let answer = await callInChrome(browser, dialogsInChrome, contextId, false);
  if (answer?.unresolved) {
    await page.bringToFront();
    answer = await callInChrome(browser, dialogsInChrome, contextId, true);
  }
  return answer?.dialogs ?? [];
}

/** Polls until a dialog named `name` is (or is not) open in a page's tab; returns it when present. */
export async function waitForDialog(browser, page, name, { present = true, timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const open = await dialogs(browser, page);
    const dialog = open.find((d) => d.name === name);
    if (!!dialog === present) return dialog;
    if (Date.now() > deadline)
      throw new Error(
        `dialog "${name}" ${present ? 'did not appear' : 'did not close'}; dialogs: ${JSON.stringify(open.map((d) => d.name))}`,
      );
    await sleep(100);
  }
}

/** Polls until the highlighted texts of a frame satisfy `predicate`; returns them. */
export async function waitForHighlights(frame, predicate, { timeout = 8000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const texts = await frame.evaluate(highlightedInPage).catch(() => []);
    if (predicate(texts)) return texts;
    if (Date.now() > deadline)
      throw new Error(`highlights never matched; last: ${JSON.stringify(texts)}`);
    await sleep(100);
  }
}

/** The centre of a text occurrence in the page's viewport (frames offset by their element). */
export async function textPoint(page, text, { nth = 0, shadowHost, frame } = {}) {
  const point = await (frame ?? page).evaluate(textPointInPage, { text, nth, shadowHost });
  if (!point) throw new Error(`text "${text}" (#${nth}) not found`);
  if (frame) {
    const box = await (await frame.frameElement()).boundingBox();
    point.x += box.x;
    point.y += box.y;
  }
  return point;
}

/** Moves the real mouse onto a text occurrence (from the corner, in steps, like a person). */
export async function hover(page, text, options = {}) {
  const { x, y } = await textPoint(page, text, options);
  await page.mouse.move(1, 1);
  await page.mouse.move(x, y, { steps: 3 });
  return { x, y };
}

/**
 * Launches Firefox with the extension. Returns the browser, a fixture server, logs of requests
 * and errors, and the Firefox-specific helpers the tests drive it with.
 */
export async function launchFirefox({
  extension = FIREFOX_EXTENSION,
  routes = {},
  viewport = { width: 1280, height: 800 },
  prefs = {},
} = {}) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(NO_FIREFOX);
  const proxy = await recordingProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !process.env.HEADED,
    defaultViewport: viewport,
    // Chrome scope (the accessibility tree) and navigating to moz-extension:// pages need it.
    args: ['--remote-allow-system-access'],
    // Lets Firefox honour the Remote Settings server pref below instead of calling Mozilla.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...firefoxPrefs(extension),
      // What Mozilla's own test harnesses use: Remote Settings answer from nowhere, offline.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'devtools.console.stdout.content': true,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      ...prefs,
    },
  });
  const errors = [];
  const log = [];
  let partial = '';
  const readLines = (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      log.push(line);
      const error = errorInFirefoxLog(line);
      if (error) errors.push(error);
    }
  };
  browser.process().stdout.on('data', readLines);
  browser.process().stderr.on('data', readLines);

  const requests = [];
  browser.connection.on('network.beforeRequestSent', (event) => requests.push(event.request.url));
  await browser.installExtension(extension);
  const server = await serveFolder(resolve(ROOT, 'tests/fixtures'), routes);

  /** Opens an extension page in a new tab and waits until its document answers. */
  const openExtensionPage = async (
    path,
    { ready = () => document.readyState === 'complete', window = false } = {},
  ) => {
    // In a window of its own, the page it acts on stays its window's selected tab: Firefox
    // throttles background tabs, and their accessibility tree then lags their DOM by seconds.
    const page = await browser.newPage(window ? { type: 'window' } : undefined);
    // page.goto never settles for extension documents (no load events over BiDi, bug 1755014).
    await browser.connection.send('browsingContext.navigate', {
      context: page.mainFrame()._id,
      url: `${EXTENSION_ORIGIN}/${path}`,
      wait: 'none',
    });
    const deadline = Date.now() + 10000;
    for (;;) {
      // A string, composed here: the page's CSP forbids building functions inside it.
      const ok = await page
        .evaluate(`location.origin === ${JSON.stringify(EXTENSION_ORIGIN)} && !!(${ready})()`)
        .catch(() => false);
      if (ok) return page;
      if (Date.now() > deadline) throw new Error(`extension page ${path} did not load`);
      await sleep(100);
    }
  };

  let control;
  /** An extension page kept open to call `browser.*` from (tabs, storage, messages). */
  const extension$ = async () => (control ??= await openExtensionPage('popup.html'));

  const kit = {
    browser,
    server,
    requests,
    errors,
    log,
    proxied: proxy.seen,
    extensionOrigin: EXTENSION_ORIGIN,

    /** Requests that left the fixture server and the extension itself, from any context. */
    externalRequests: () => [
      ...requests.filter(
        (url) =>
          !url.startsWith(server.origin) &&
          !url.startsWith(`${EXTENSION_ORIGIN}/`) &&
          !url.startsWith('data:') &&
          !url.startsWith('blob:') &&
          !url.startsWith('about:'),
      ),
      ...proxy.seen,
    ],

    /** A new tab on a fixture page, recording DOM changes from the end of parsing. */
    async openPage(file, { record = true, marked = true } = {}) {
      const page = await browser.newPage();
      if (record) await page.evaluateOnNewDocument(recordMutationsInPage);
      await page.goto(file.includes('://') ? file : server.url(file));
      if (marked) await waitForHighlights(page, (texts) => texts.length > 0);
      return page;
    },

    openExtensionPage,

    /** Runs `fn(arg)` in an extension page, where `browser.*` is available. */
    async inExtension(fn, arg) {
      return (await extension$()).evaluate(fn, arg);
    },

    /**
     * The id of the tab showing a page. Without the `tabs` permission no URL is visible: bring
     * the page to the front and ask for the active tab, as the popup does.
     */
    async tabIdFor(page) {
      await page.bringToFront();
      await extension$();
      await page.bringToFront();
      return kit.inExtension(
        async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
    },

    /** Sends a message to a tab's content script from an extension page (as the background would). */
    sendToTab(tabId, message, frameId = 0) {
      return kit.inExtension(
        ({ tabId, message, frameId }) => browser.tabs.sendMessage(tabId, message, { frameId }),
        { tabId, message, frameId },
      );
    },

    /** Merges `patch` into the stored settings (test set-up, as the options page would). */
    async setSettings(patch) {
      await kit.inExtension(async (patch) => {
        const { settings = {} } = await browser.storage.local.get('settings');
        await browser.storage.local.set({ settings: { ...settings, ...patch } });
      }, patch);
    },

    storedSettings: () =>
      kit.inExtension(async () => (await browser.storage.local.get('settings')).settings ?? {}),

    /** The dialogs (cards) in a page's tab, read from the accessibility tree in chrome scope. */
    dialogs: (page) => dialogs(browser, page),

    /** The names of the open dialogs in a page's tab. */
    dialogNames: async (page) => (await dialogs(browser, page)).map((d) => d.name),

    waitForDialog: (page, name, options) => waitForDialog(browser, page, name, options),
    highlighted: (frame) => frame.evaluate(highlightedInPage),
    waitForHighlights,
    textPoint,
    hover,

    /** Clicks, with the real mouse, the element an in-page function returns. */
    async click(page, find, arg) {
      const box = await page.evaluate(`(${boxOf})((${find})(${JSON.stringify(arg ?? null)}))`);
      if (!box) throw new Error(`nothing to click for ${find}(${JSON.stringify(arg)})`);
      await page.mouse.click(box.x, box.y);
    },

    /** The page invariants: no external request, at most one element added, no error anywhere. */
    async assertPageInvariants(assert, page) {
      assert.deepEqual(kit.externalRequests(), [], 'no request may leave the test server');
      assertPageGainedAtMostOneElement(
        assert,
        await page.evaluate(mutationsInPage),
        await page.evaluate(extraRootChildrenInPage),
      );
      await sleep(100); // let the last stdout lines arrive
      assert.deepEqual(errors, [], 'no uncaught error or console error in any context');
    },

    /** Closes every tab the tests opened (the first tab and the extension page stay). */
    async closePages() {
      const [first, ...rest] = await browser.pages();
      for (const page of rest) if (page !== first && page !== control) await page.close();
    },

    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await proxy.close();
    },
  };
  return kit;
}
