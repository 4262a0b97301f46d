// What the Chromium suite (kit.mjs, playwright-core) and the Firefox suite
// (adapters/firefox.mjs, puppeteer-core) share: the fixture server and data, the in-page probes
// both drivers evaluate (text points, highlights, the mutation recorder), the page invariants,
// and the expectations both suites check against the same fixture pages.
//
// Functions named `...InPage` run inside the page: each driver serialises them, so they may use
// nothing from this module's scope.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export { serveFolder } from '../../scripts/chromium.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

const data = (name) => JSON.parse(readFileSync(resolve(ROOT, 'data', name), 'utf8'));

/** The bundled dataset, as the tests read it to know what a card should show. */
export const DATASET = {
  entities: data('entities.json'),
  sources: data('sources.json'),
  positions: data('positions.json'),
  topics: data('topics.json'),
};

/** Polls `probe` (every `interval` ms) until it returns a truthy value; fails with `message` and the last value. */
export async function until(probe, message, timeout = 6000, interval = 100) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * In page, before any page script: records every DOM change in `window.__factcardsMutations`.
 * Each element seen gets a number (`node`) so that the same element added twice, or removed,
 * is recognised without naming its tag; `window.__factcardsNodes[node]` is the element.
 */
export function recordMutationsInPage() {
  const log = (window.__factcardsMutations = []);
  const nodes = (window.__factcardsNodes = []);
  const ids = new WeakMap();
  const id = (node) => {
    if (!ids.has(node)) ids.set(node, nodes.push(node) - 1);
    return ids.get(node);
  };
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
                node: id(n),
                attributes: n.attributes.length,
              });
          for (const n of r.removedNodes)
            if (n.nodeType === 1) log.push({ type: 'removed', tag: n.localName, node: id(n) });
        } else if (r.type === 'attributes') {
          log.push({
            type: 'attribute',
            tag: r.target.localName,
            name: r.attributeName,
            node: id(r.target),
          });
        } else if (r.type === 'characterData') {
          log.push({ type: 'text', parent: r.target.parentNode?.localName });
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // Record from the end of parsing: what the parser inserts is the page, not a change to it.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** In page: the recorded mutations (see recordMutationsInPage). */
export function mutationsInPage() {
  return window.__factcardsMutations ?? [];
}

/**
 * The recorded changes that are not the extension's one allowed change: adding a single
 * element, with no attributes, as a child of `<html>` (and removing or re-adding that same
 * element). Its tag is not the test's business.
 */
export function foreignChanges(changes) {
  const isHostAdd = (m) => m.type === 'added' && m.parent === 'html' && m.attributes === 0;
  const host = changes.find(isHostAdd)?.node;
  return changes.filter(
    (m) =>
      !(isHostAdd(m) && m.node === host) &&
      !(m.type === 'removed' && host !== undefined && m.node === host),
  );
}

/** In page: the children `<html>` has besides `<head>` and `<body>`, described. */
export function extraRootChildrenInPage() {
  return [...document.documentElement.children]
    .filter((el) => el !== document.head && el !== document.body)
    .map((el) => ({
      tag: el.localName,
      attributes: el.getAttributeNames(),
      openShadowRoot: el.shadowRoot !== null,
      childNodes: el.childNodes.length,
    }));
}

/**
 * The page invariant both suites check: the page changed by at most one element, a child of
 * `<html>` with no attributes and no children of its own (the card lives in its shadow root).
 */
export function assertPageGainedAtMostOneElement(assert, changes, extraRootChildren) {
  assert.deepEqual(
    foreignChanges(changes),
    [],
    'the extension must not change the page apart from adding its one element',
  );
  assert.ok(
    extraRootChildren.length <= 1,
    `at most one element added to <html> (found ${JSON.stringify(extraRootChildren)})`,
  );
  for (const el of extraRootChildren) {
    assert.deepEqual(el.attributes, [], 'the added element has no attributes');
    assert.equal(el.childNodes, 0, 'the added element has no light-DOM children');
  }
}

/**
 * In page: the centre of the `nth` occurrence of `text` (read across text nodes, inside the open
 * shadow root of `shadowHost` when given), in the frame's viewport coordinates, after scrolling
 * it into view; null when there is no such occurrence.
 */
export function textPointInPage({ text, nth = 0, shadowHost }) {
  const root = shadowHost ? document.querySelector(shadowHost).shadowRoot : document.body;
  // Read text across nodes like a reader would: the match may be split by markup.
  const nodes = [];
  let all = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push([n, all.length]);
    all += n.data;
  }
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = all.indexOf(text, at + 1);
    if (at === -1) return null;
  }
  const locate = (offset) => {
    let found = nodes[0];
    for (const entry of nodes) if (entry[1] <= offset) found = entry;
    return [found[0], offset - found[1]];
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + text.length - 1));
  range.setEnd(range.endContainer, range.endOffset + 1);
  // Bring the text itself to the middle of the viewport: its element may be far taller (one
  // paragraph of 200 kB), and centring the element would leave the text off screen.
  range.startContainer.parentElement.scrollIntoView({ block: 'nearest' });
  const box = range.getBoundingClientRect();
  window.scrollBy(
    box.left + box.width / 2 - innerWidth / 2,
    box.top + box.height / 2 - innerHeight / 2,
  );
  const rect = range.getClientRects()[0];
  return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
}

/** In page: the texts in a highlight of the registry (shared by the page and the extension). */
export function highlightedInPage(name = 'factcards-mention') {
  const h = CSS.highlights.get(name);
  return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
}

/** What `detect-static.html` must have marked, in document order. */
export const DETECT_STATIC_MARKS = [
  'YANN LECUN',
  'ELON MUSK',
  'Yann LeCun',
  'Elon Musk',
  'Vinod Khosla',
  'LeCun',
  'Musk',
  'Khosla',
  'Yann LeCun',
  'LeCun',
  'Elon Musk',
  'xAI',
  'xAI',
  'x.AI',
  '@ylecun',
  '@elonmusk',
  '@vkhosla',
  '@xai',
  'xAI',
  'Yann Le Cun',
  'Khosla Ventures',
  'Khosla-backed',
  'Vinod Khosla',
  'Elon Musk',
  'Yann LeCun',
  'xAI',
  'Yann LeCun',
];

/** "On this page" for `popup-article.html`: the top page plus its same-origin frame. */
export const POPUP_ARTICLE_COUNTS = { 'elon-musk': 2, 'vinod-khosla': 2, 'yann-lecun': 3 };
