// A hostile page against the store build: it tries to open, reach into, rewrite, close and
// drive the card, to open extension pages, to break the host with a custom element and
// patched prototypes, to learn from its performance timeline or from messages that the extension
// is there, and to switch the content script off by forging its start event.
// Every attempt fails, while the real mouse and keyboard still work.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ROOT,
  card,
  dialogs,
  hostElements,
  hover,
  launch,
  waitForDialog,
  waitForHighlights,
  waitForSeed,
} from './kit.mjs';

const STORE_BUILD = resolve(ROOT, '.output/chrome-mv3');
const extensionTabs = (kit) =>
  kit.context.pages().filter((p) => p.url().startsWith(`chrome-extension://${kit.extensionId}/`));

describe('a hostile page (store build)', () => {
  let kit;
  let page;
  before(async () => {
    kit = await launch({ extension: STORE_BUILD });
    await waitForSeed(kit.sw);
    page = await kit.context.newPage();
    await page.goto(`${kit.server.url('attacks.html')}#${kit.extensionId}`);
    await waitForHighlights(page, (texts) => texts.includes('Elon Musk'));
  });
  after(async () => {
    await kit?.close();
  });

  it('cannot open a card with synthetic pointer events', async () => {
    await page.evaluate(() => window.fakeHover('mention', 1200));
    assert.deepEqual(await dialogs(page), [], 'no card from untrusted events');
    assert.deepEqual(await hostElements(page), [], 'nothing was even added to the page');
  });

  it('cannot reach into, rewrite or close the card, while the real mouse and keyboard work', async () => {
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    const before = await card(page).text();
    const found = await page.evaluate(() => window.reachIn());
    assert.deepEqual(
      found,
      { shadowRoot: null, children: 0, stolenRoot: null, composed: 0 },
      'the page sees a closed, empty host, and its patched attachShadow saw nothing',
    );
    await page.waitForTimeout(600);
    assert.deepEqual(await dialogs(page), ['Elon Musk'], 'synthetic Escape closed nothing');
    assert.equal(await card(page).text(), before, 'the card reads as it did');
    const [host] = await hostElements(page);
    assert.deepEqual(
      host,
      { tag: 'div', attributes: 0, shadowRoot: false, children: 0 },
      'what the page put on the host was taken off',
    );
    const log = await page.evaluate(() => window.attackLog.map((e) => `${e.what}: ${e.detail}`));
    assert.deepEqual(log, [
      'host seen: div',
      'attachInternals on the host: NotSupportedError',
      'attachShadow on the host: NotSupportedError',
    ]);
    // The reader's own keyboard still closes it.
    await page.keyboard.press('Escape');
    await waitForDialog(page, 'Elon Musk', { present: false });
  });

  it('cannot open extension pages with synthetic clicks; a real click opens exactly one', async () => {
    await hover(page, 'Yann LeCun');
    await waitForDialog(page, 'Yann LeCun');
    await card(page).click('button[aria-label="Keep this card open"]');
    const box = await card(page).box('.fc-footer button');
    const target = await page.evaluate(({ x, y }) => window.fakeClicks(x, y, 5), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    assert.equal(target, 'div', 'the page only ever reaches the host');
    await page.waitForTimeout(800);
    assert.equal(extensionTabs(kit).length, 0, 'five synthetic clicks opened nothing');
    const [opened] = await Promise.all([
      kit.context.waitForEvent('page'),
      card(page).click('.fc-footer button'),
    ]);
    await opened.waitForLoadState();
    await page.waitForTimeout(800);
    assert.equal(extensionTabs(kit).length, 1, 'one real click, one tab');
    assert.match(opened.url(), /\/browse\.html\?entity=yann-lecun$/);
    await opened.close();
    await page.bringToFront();
    await card(page).click('button[aria-label="Close card"]');
    await waitForDialog(page, 'Yann LeCun', { present: false });
  });

  it('learns nothing from its performance timeline', async () => {
    const timing = await page.evaluate(() => ({
      observed: window.timing,
      entries: performance
        .getEntries()
        .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
        .map((e) => e.name),
    }));
    assert.deepEqual(timing, { observed: [], entries: [] });
  });

  it('hears nothing from the content script, and cannot switch it off by forging its start', async () => {
    assert.deepEqual(await page.evaluate(() => window.heard), [], 'no message, no start event');
    await page.evaluate(() => window.forgeStart());
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    await hover(page, 'Yann LeCun');
    await waitForDialog(page, 'Yann LeCun');
    await page.keyboard.press('Escape');
    await waitForDialog(page, 'Yann LeCun', { present: false });
  });

  it('keeps its own shadow roots and custom elements working', async () => {
    const own = await page.evaluate(() => ({
      widget: document.getElementById('own-widget').shadowRoot?.textContent,
      defined: !!customElements.get('factcards-card'),
    }));
    assert.deepEqual(own, { widget: 'widget', defined: true });
  });
});
