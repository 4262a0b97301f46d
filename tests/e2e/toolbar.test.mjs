// The toolbar button: its badge counts the mentions on the page (all frames), clears when the
// page has none, when the site is switched off or the badge setting is, and comes back live.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  highlighted,
  launch,
  setSettings,
  tabIdFor,
  waitForHighlights,
  waitForSeed,
} from './kit.mjs';

/** The badge text the browser shows for a tab. */
const badge = (sw, tabId) => sw.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

/** Waits until the tab's badge reads `expected`. */
async function waitForBadge(sw, tabId, expected, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await badge(sw, tabId);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`badge of tab ${tabId} reads "${last}", expected "${expected}"`);
}

describe('toolbar badge', () => {
  let kit;
  before(async () => {
    kit = await launch({
      routes: {
        '/no-mention.html': () => ({
          type: 'text/html; charset=utf-8',
          body: '<!doctype html><title>Weather</title><p>Rain, then sun, over the hills today.</p>',
        }),
      },
    });
    await waitForSeed(kit.sw);
  });
  after(async () => {
    await kit?.close();
  });

  it('counts the mentions of the page, frames included, and clears on a page with none', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('detect-frames.html'));
    const frameTexts = async () => {
      const texts = [];
      for (const frame of page.frames()) texts.push(...(await highlighted(frame).catch(() => [])));
      return texts;
    };
    const tabId = await tabIdFor(kit.sw, page);
    // The top page has no mention; each of its three frames has one.
    const deadline = Date.now() + 5000;
    while ((await frameTexts()).length < 3 && Date.now() < deadline) await page.waitForTimeout(100);
    const texts = await frameTexts();
    assert.deepEqual(texts.toSorted(), ['Elon Musk', 'Vinod Khosla', 'Yann LeCun']);
    await waitForBadge(kit.sw, tabId, String(texts.length));

    await page.goto(kit.server.url('no-mention.html'));
    await waitForBadge(kit.sw, tabId, '');
    // And nothing stale shows up once the page has settled.
    await page.waitForTimeout(800);
    assert.equal(await badge(kit.sw, tabId), '');
    await page.close();
  });

  it('clears while the site is off or the badge setting is, and comes back without a reload', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('demo-article.html'));
    await waitForHighlights(page, (texts) => texts.length > 0);
    const tabId = await tabIdFor(kit.sw, page);
    const count = String((await highlighted(page)).length);
    await waitForBadge(kit.sw, tabId, count);

    await setSettings(kit.sw, { toolbarBadge: false });
    await waitForBadge(kit.sw, tabId, '');
    await setSettings(kit.sw, { toolbarBadge: true });
    await waitForBadge(kit.sw, tabId, count);

    const host = new URL(page.url()).hostname;
    await setSettings(kit.sw, { disabledSites: [host] });
    await waitForHighlights(page, (texts) => texts.length === 0);
    await waitForBadge(kit.sw, tabId, '');
    await setSettings(kit.sw, { disabledSites: [] });
    await waitForHighlights(page, (texts) => texts.length > 0);
    await waitForBadge(kit.sw, tabId, count);
    await page.close();
  });
});
