// The toolbar popup and the full view, in a real Chromium with the built extension: browse,
// search, compare, "On this page" across frames, the site switch, URL state, keyboard use,
// axe-core, and the README screenshots (popup-*.png, under .output/screenshots/; `npm run
// screenshots` copies them to docs/).
//
// The popup is opened as a tab (`popup.html?tabId=<id>`): the `tabId` parameter points it at the
// fixture's tab, which is what the toolbar popup resolves to on its own (the active tab).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  assertPageInvariants,
  card,
  extensionPageAxeViolations as axeViolations,
  highlighted,
  hover,
  launch,
  readIdb,
  recordMutations,
  ROOT,
  setSettings,
  tabIdFor,
  waitForDialog,
  waitForHighlights,
  waitForScan,
  waitForSeed,
} from './kit.mjs';

const POPUP_VIEWPORT = { width: 500, height: 600 };
// Tests never rewrite tracked files: npm run screenshots refreshes docs/ from here.
const SCREENSHOTS = resolve(ROOT, '.output/screenshots');

/** Polls `fn` until it returns a truthy value; fails with `message` and the last value. */
async function until(fn, message, timeout = 6000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens an extension page in a tab and waits until it shows data. */
async function openExtensionPage(kit, path, viewport) {
  const page = await kit.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${kit.extensionId}/${path}`);
  await page.waitForSelector('.fc-page[data-from]');
  return page;
}

const openPopup = (kit, query = '') => openExtensionPage(kit, `popup.html${query}`, POPUP_VIEWPORT);

/** A fixture page, its content script ready (top frame and, when asked, the first iframe). */
async function openFixture(kit, file, { frame = false } = {}) {
  const page = await kit.context.newPage();
  await recordMutations(page);
  await page.goto(kit.server.url(file));
  await waitForScan(page);
  if (frame) await waitForScan(page.frames().find((f) => f !== page.mainFrame()));
  return page;
}

/** The reader's settings as stored. */
const storedSettings = (sw) =>
  sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? {});

/** What the page's document shows of the extension: mention highlights and the reveal mark. */
const revealMark = (frame) =>
  frame.evaluate(() => {
    const h = CSS.highlights.get('factcards-reveal');
    const range = h ? [...h][0] : undefined;
    if (!range) return null;
    const rect = range.getBoundingClientRect();
    return {
      text: range.toString(),
      id: range.startContainer.parentElement?.id,
      inView: rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight,
    };
  });

/** Entity ids shown as tabs' active list etc. */
const idsOf = (locator, attribute = 'data-position-id') =>
  locator.evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attribute);

/** The cross-entity dispute links in the data: topic → set of "a|b" pairs (sorted ids). */
function disputeLinks(positions) {
  const byId = new Map(positions.map((p) => [p.id, p]));
  const links = new Map();
  const add = (topic, a, b) => {
    if (!links.has(topic)) links.set(topic, new Set());
    links.get(topic).add([a, b].sort().join('|'));
  };
  for (const p of positions) {
    for (const id of [...(p.respondsTo ?? []), ...(p.disputedBy ?? [])]) {
      const q = byId.get(id);
      if (!q || q.entityId === p.entityId) continue;
      add(p.topic, p.entityId, q.entityId);
      add(q.topic, p.entityId, q.entityId);
    }
  }
  return links;
}

describe('popup and full view', () => {
  let kit;
  let rows;
  before(async () => {
    // Reduced motion: the page scrolls to a mention at once, so the test can check where it went.
    kit = await launch({ reducedMotion: 'reduce' });
    rows = {
      positions: await waitForSeed(kit.sw),
      entities: await readIdb(kit.sw, 'entities'),
      topics: await readIdb(kit.sw, 'topics'),
    };
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterEach(async () => {
    // Each test starts from the default settings, whatever the previous one left.
    await setSettings(kit.sw, { disabledSources: [], disabledSites: [], theme: 'system' });
  });
  after(async () => {
    await kit?.close();
  });

  it('browses each entity: count, positions grouped by topic with badge and source, filters, keyboard', async () => {
    const popup = await openPopup(kit);
    assert.equal(
      await popup.locator('.fc-page').getAttribute('data-from'),
      'cache',
      'the popup reads IndexedDB, not the bundle',
    );
    const shown = await idsOf(popup.locator('.fc-entity'), 'data-entity-id');
    assert.deepEqual(
      [...shown].sort(),
      rows.entities.map((e) => e.id).sort(),
      'all four entities are listed',
    );

    for (const entity of rows.entities) {
      const own = rows.positions.filter((p) => p.entityId === entity.id);
      const button = popup.locator(`.fc-entity[data-entity-id="${entity.id}"]`);
      const label = await button.innerText();
      assert.ok(
        label.includes(entity.displayName) && label.includes(entity.description),
        `${entity.displayName}: name and description`,
      );
      assert.match(
        label,
        new RegExp(`\\b${own.length} positions?\\b`),
        `${entity.displayName}: number of positions`,
      );
      await button.click();

      const detail = popup.locator(`.fc-entity-detail[data-entity-id="${entity.id}"]`);
      await detail.waitFor();
      assert.equal(
        await popup.evaluate(() => document.activeElement?.textContent),
        entity.displayName,
        'focus moves to the chosen entity',
      );
      // Own positions: every one shown once, under the heading of its topic.
      const groups = detail.locator(':scope > .fc-positions > .fc-topic-group');
      const seen = [];
      for (const group of await groups.all()) {
        const topic = await group.getAttribute('data-topic-id');
        const label = rows.topics.find((t) => t.id === topic)?.label;
        assert.ok(
          (await group.locator('.fc-topic-heading').innerText()).startsWith(label),
          `heading of ${topic}`,
        );
        for (const id of await idsOf(group.locator('.fc-position'))) {
          assert.equal(
            own.find((p) => p.id === id)?.topic,
            topic,
            `${id} sits under its own topic`,
          );
          seen.push(id);
        }
      }
      assert.deepEqual(
        seen.sort(),
        own.map((p) => p.id).sort(),
        `${entity.displayName}: every own position, once`,
      );
      const items = detail.locator('.fc-position');
      for (const item of (await items.all()).slice(0, 5)) {
        assert.equal(await item.locator('.fc-badge').count(), 1, 'a kind badge');
        assert.ok((await item.locator('.fc-source').count()) >= 1, 'a source');
        assert.ok((await item.locator('.fc-date').innerText()).length >= 4, 'a date');
      }
      // What others said about the entity follows, each with its speaker.
      const about = rows.positions.filter(
        (p) => p.entityId !== entity.id && p.about?.includes(entity.id),
      );
      assert.equal(
        await detail.locator('.fc-said-about .fc-position').count(),
        about.length,
        `${entity.displayName}: said about`,
      );

      await popup.getByRole('button', { name: 'All entities' }).click();
      await popup.locator('.fc-entity-list').waitFor();
      assert.equal(
        await popup.evaluate(() => document.activeElement?.getAttribute('data-entity-id')),
        entity.id,
        'focus returns to the entity',
      );
    }

    // Filters: kind and topic narrow the list to exactly the matching positions.
    const lecun = rows.positions.filter((p) => p.entityId === 'yann-lecun');
    await popup.locator('.fc-entity[data-entity-id="yann-lecun"]').click();
    await popup.getByLabel('Kind').selectOption('quote');
    const quotes = lecun.filter((p) => p.kind === 'quote');
    assert.deepEqual(
      (
        await idsOf(
          popup.locator('.fc-entity-detail > .fc-positions > .fc-topic-group .fc-position'),
        )
      ).sort(),
      quotes.map((p) => p.id).sort(),
    );
    assert.ok(
      (await popup.locator('.fc-entity-detail > .fc-positions .fc-badge').allInnerTexts()).every(
        (t) => t === 'Quote',
      ),
    );
    await popup.getByLabel('Topic').selectOption('open-source');
    assert.deepEqual(
      (
        await idsOf(
          popup.locator('.fc-entity-detail > .fc-positions > .fc-topic-group .fc-position'),
        )
      ).sort(),
      quotes
        .filter((p) => p.topic === 'open-source')
        .map((p) => p.id)
        .sort(),
    );
    const source = lecun[0].sourceIds[0];
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await popup.getByLabel('Source').selectOption(source);
    assert.deepEqual(
      (
        await idsOf(
          popup.locator('.fc-entity-detail > .fc-positions > .fc-topic-group .fc-position'),
        )
      ).sort(),
      lecun
        .filter((p) => p.sourceIds.includes(source))
        .map((p) => p.id)
        .sort(),
    );

    // Keyboard alone: arrows move through the list (one tab stop), Enter opens, arrows move through positions.
    await popup.getByRole('button', { name: 'All entities' }).click();
    const order = await idsOf(popup.locator('.fc-entity'), 'data-entity-id');
    await popup.locator('.fc-entity').first().focus();
    await popup.keyboard.press('ArrowDown');
    assert.equal(
      await popup.evaluate(() => document.activeElement?.getAttribute('data-entity-id')),
      order[1],
    );
    await popup.keyboard.press('End');
    assert.equal(
      await popup.evaluate(() => document.activeElement?.getAttribute('data-entity-id')),
      order.at(-1),
    );
    assert.deepEqual(
      await popup.locator('.fc-entity').evaluateAll((els) => els.map((e) => e.tabIndex)),
      order.map((_, i) => (i === order.length - 1 ? 0 : -1)),
    );
    await popup.keyboard.press('Enter');
    await popup.locator(`.fc-entity-detail[data-entity-id="${order.at(-1)}"]`).waitFor();
    await popup.locator('.fc-entity-detail .fc-position').first().focus();
    await popup.keyboard.press('ArrowDown');
    const second = await popup
      .locator('.fc-entity-detail .fc-position')
      .nth(1)
      .getAttribute('data-position-id');
    assert.equal(
      await popup.evaluate(() => document.activeElement?.getAttribute('data-position-id')),
      second,
    );
    const outline = await popup.evaluate(
      () => getComputedStyle(document.activeElement).outlineStyle,
    );
    assert.notEqual(outline, 'none', 'focus is visible');

    // Live settings: a disabled source's positions leave the popup at once.
    await popup.getByRole('button', { name: 'All entities' }).click();
    const before = rows.positions.filter((p) => p.entityId === 'yann-lecun').length;
    const remaining = rows.positions.filter(
      (p) => p.entityId === 'yann-lecun' && p.sourceIds.some((s) => s !== source),
    ).length;
    assert.ok(remaining < before, 'the chosen source backs some of LeCun’s positions alone');
    await setSettings(kit.sw, { disabledSources: [source] });
    await until(
      async () =>
        (await popup
          .locator('.fc-entity[data-entity-id="yann-lecun"] .fc-entity-count')
          .innerText()) === `${remaining} positions`,
      'the count follows the source switch',
    );
    await setSettings(kit.sw, { disabledSources: [] });
    await until(
      async () =>
        (await popup
          .locator('.fc-entity[data-entity-id="yann-lecun"] .fc-entity-count')
          .innerText()) === `${before} positions`,
      'and comes back',
    );
    await popup.close();
  });

  it('searches as you type: finds a phrase from a quote, highlighted as text, grouped by entity', async () => {
    const popup = await openPopup(kit);
    const quoted = rows.positions.find(
      (p) =>
        p.kind === 'quote' &&
        p.quote &&
        p.quote.split(' ').length >= 8 &&
        /^[\w\s,.'’-]+$/.test(p.quote),
    );
    const phrase = quoted.quote.split(' ').slice(2, 6).join(' ');
    await popup.getByRole('tab', { name: 'Search' }).click();
    assert.equal(
      await popup.evaluate(() => document.activeElement?.id),
      'fc-search-input',
      'the search box takes focus',
    );
    await popup.keyboard.type(phrase);
    const hit = popup.locator(
      `.fc-result-group[data-entity-id="${quoted.entityId}"] .fc-position[data-position-id="${quoted.id}"]`,
    );
    await hit.waitFor();
    const marks = (await hit.locator('mark').allInnerTexts()).map((t) => t.toLowerCase());
    for (const word of phrase
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length > 1))
      assert.ok(marks.includes(word), `"${word}" is marked (${marks})`);
    assert.match(await popup.locator('.fc-search .fc-status').innerText(), /^\d+ positions? match/);
    // Results are grouped by entity: each group holds only that entity's positions.
    for (const group of await popup.locator('.fc-result-group').all()) {
      const entityId = await group.getAttribute('data-entity-id');
      for (const id of await idsOf(group.locator('.fc-position')))
        assert.equal(rows.positions.find((p) => p.id === id)?.entityId, entityId);
    }
    // Keyboard: down from the box into the results, up from the first result back to the box.
    await popup.keyboard.press('ArrowDown');
    assert.ok(
      await popup.evaluate(() => document.activeElement?.classList.contains('fc-position')),
    );
    await popup.keyboard.press('ArrowUp');
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'fc-search-input');

    // A publisher and an entity name are searched too.
    const source = (await readIdb(kit.sw, 'sources')).find((s) =>
      rows.positions.some((p) => p.sourceIds.includes(s.id)),
    );
    await popup.getByLabel('Search positions').fill(source.publisher);
    await popup.locator('.fc-result-group').first().waitFor();
    const byPublisher = await idsOf(popup.locator('.fc-position'));
    const citing = rows.positions.filter((p) => p.sourceIds.includes(source.id)).map((p) => p.id);
    assert.ok(
      citing.some((id) => byPublisher.includes(id)),
      `positions citing ${source.publisher} are found`,
    );

    // Markup in a query stays text.
    await popup.getByLabel('Search positions').fill('<img src=x onerror="window.__pwned=1">');
    await until(
      async () =>
        (await popup.locator('.fc-search .fc-status').innerText()).startsWith('No positions match'),
      'no match',
    );
    assert.ok(
      (await popup.locator('.fc-search .fc-status').innerText()).includes('<img src=x'),
      'the query is shown as text',
    );
    assert.equal(await popup.locator('.fc-search img').count(), 0);
    assert.equal(await popup.evaluate(() => window.__pwned), undefined);
    await popup.close();
  });

  it('compares topics side by side and shows where two entities disagree', async () => {
    const popup = await openPopup(kit, '?view=compare');
    const names = Object.fromEntries(rows.entities.map((e) => [e.id, e.displayName]));
    const pairsOf = async (topic) =>
      (
        await idsOf(
          popup.locator(`.fc-compare-row[data-topic-id="${topic}"] .fc-dispute`),
          'data-pair',
        )
      ).map((p) => p.split('|').sort().join('|'));

    // Every disagreement recorded as a dispute link in the data is marked on its topics.
    const links = disputeLinks(rows.positions);
    assert.ok(links.size > 0);
    for (const [topic, pairs] of links) {
      const shown = await pairsOf(topic);
      for (const pair of pairs)
        assert.ok(
          shown.includes(pair),
          `${topic}: ${pair} marked as disagreeing (shown: ${shown})`,
        );
    }
    // The disagreements the issue names.
    for (const [topic, pair] of [
      ['ai-risk', 'elon-musk|yann-lecun'],
      ['agi-timelines', 'elon-musk|yann-lecun'],
      ['research-openness', 'elon-musk|yann-lecun'],
      ['open-source', 'vinod-khosla|yann-lecun'],
    ]) {
      assert.ok((await pairsOf(topic)).includes(pair), `${topic}: ${pair}`);
      const chip = popup
        .locator(`.fc-compare-row[data-topic-id="${topic}"] .fc-dispute[data-pair]`)
        .filter({ hasText: names[pair.split('|')[0]] });
      assert.ok((await chip.count()) > 0, `${topic}: the chip names them`);
    }
    // Side by side, with sources: on AI risk, LeCun's and Musk's cells share a line.
    const row = popup.locator('.fc-compare-row[data-topic-id="ai-risk"]');
    const lecun = row.locator('.fc-compare-cell[data-entity-id="yann-lecun"]');
    const musk = row.locator('.fc-compare-cell[data-entity-id="elon-musk"]');
    const [a, b] = [await lecun.boundingBox(), await musk.boundingBox()];
    assert.ok(
      Math.abs(a.y - b.y) < 4 && Math.abs(a.x - b.x) > 100,
      `side by side: ${JSON.stringify([a, b])}`,
    );
    for (const cell of [lecun, musk]) {
      assert.ok((await cell.locator('.fc-position').count()) >= 1);
      assert.ok((await cell.locator('.fc-source').count()) >= 1);
    }
    const lecunIds = rows.positions
      .filter((p) => p.entityId === 'yann-lecun' && p.topic === 'ai-risk')
      .map((p) => p.id);
    assert.deepEqual((await idsOf(lecun.locator('.fc-position'))).sort(), lecunIds.sort());

    // "Only where they disagree" keeps only marked rows, and the topic lives in the URL state.
    await popup.getByLabel(/Only where they disagree/).check();
    const disputed = await popup
      .locator('.fc-compare-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-disputed')));
    assert.ok(disputed.length >= 4 && disputed.every((d) => d === 'true'));
    await popup.getByLabel('Topic').selectOption('open-source');
    assert.deepEqual(await idsOf(popup.locator('.fc-compare-row'), 'data-topic-id'), [
      'open-source',
    ]);
    await until(
      async () => /view=compare/.test(popup.url()) && /topic=open-source/.test(popup.url()),
      'state in the URL',
    );
    await popup.close();
  });

  it('lists the entities on the page in another tab, across frames, and scrolls to each mention', async () => {
    const page = await openFixture(kit, 'popup-article.html', { frame: true });
    const frame = page.frames().find((f) => f.url().includes('popup-frame.html'));
    const tabId = await tabIdFor(kit.sw, page);
    const popup = await openPopup(kit, `?tabId=${tabId}`);
    // The fixture's own count (top page + same-origin frame), see its comment.
    const expected = { 'elon-musk': 2, 'vinod-khosla': 2, 'yann-lecun': 3 };
    const counts = await until(async () => {
      const entries = await popup
        .locator('.fc-mention')
        .evaluateAll((els) => els.map((e) => [e.dataset.entityId, Number(e.dataset.count)]));
      const got = Object.fromEntries(entries);
      return JSON.stringify(got) === JSON.stringify(expected) ? got : null;
    }, 'mention counts of the page and its frame');
    assert.deepEqual(counts, expected);

    // Choosing an entity again and again walks its mentions, in document order, in view each time.
    for (const [n, id] of [
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [1, 'first'],
    ]) {
      await popup.locator('.fc-mention[data-entity-id="yann-lecun"]').click();
      await until(
        async () =>
          (await popup.locator('[data-revealed]').getAttribute('data-revealed')) ===
          `yann-lecun:${n}/3`,
        `status ${n}/3`,
      );
      const mark = await until(async () => {
        const m = await revealMark(page);
        return m?.id === id && m.inView ? m : null;
      }, `mention ${n} marked and in view`);
      assert.equal(mark.text, 'Yann LeCun');
    }
    // A mention inside the same-origin frame: the frame scrolls and marks it; the frame is in view.
    for (const id of ['frame-khosla-1', 'frame-khosla-2']) {
      await popup.locator('.fc-mention[data-entity-id="vinod-khosla"]').click();
      const mark = await until(async () => {
        const m = await revealMark(frame);
        return m?.id === id && m.inView ? m : null;
      }, `frame mention ${id} marked`);
      assert.equal(mark.text, 'Vinod Khosla');
      const box = await (await frame.frameElement()).boundingBox();
      const viewport = page.viewportSize();
      assert.ok(
        box.y < viewport.height && box.y + box.height > 0,
        'the frame is scrolled into view',
      );
    }
    // Keyboard: arrows move along the names.
    await popup.locator('.fc-mention').first().focus();
    await popup.keyboard.press('ArrowRight');
    assert.equal(
      await popup.evaluate(() => document.activeElement?.dataset.entityId),
      Object.keys(expected).sort()[1],
    );

    await popup.bringToFront();
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-on-this-page.png') });
    await assertPageInvariants(assert, kit, page);
    await popup.close();
    await page.close();
  });

  it('turns the extension off and on for the site, and hides it once, without reloading the page', async () => {
    const page = await openFixture(kit, 'popup-article.html');
    await page.evaluate(() => (window.__sameDocument = true));
    const tabId = await tabIdFor(kit.sw, page);
    const popup = await openPopup(kit, `?tabId=${tabId}`);
    const marked = () => highlighted(page).then((t) => t.length);
    assert.ok((await marked()) > 0, 'the page starts marked');
    assert.equal(await popup.locator('.fc-site-switch').getAttribute('data-mode'), 'on');
    assert.match(await popup.locator('.fc-site-switch legend').innerText(), /127\.0\.0\.1/);

    await popup.getByLabel('Off for this site').check();
    await waitForHighlights(page, (t) => t.length === 0);
    assert.ok(
      (await storedSettings(kit.sw)).disabledSites.includes('127.0.0.1'),
      'remembered in the settings',
    );
    await until(
      async () => (await popup.locator('.fc-site-switch').getAttribute('data-mode')) === 'off',
      'switch shows off',
    );
    await until(
      async () =>
        (await popup.locator('[data-on-page-status]').getAttribute('data-on-page-status')) ===
        'off',
      '"On this page" says it is off',
    );
    // Remembered: a new popup shows it off.
    const again = await openPopup(kit, `?tabId=${tabId}`);
    await until(
      async () => (await again.locator('.fc-site-switch').getAttribute('data-mode')) === 'off',
      'a new popup remembers',
    );
    assert.equal(await again.getByLabel('Off for this site').isChecked(), true);
    await again.close();

    await popup.getByLabel('On', { exact: true }).check();
    await waitForHighlights(page, (t) => t.length > 0);
    assert.ok(!(await storedSettings(kit.sw)).disabledSites.includes('127.0.0.1'), 'forgotten');

    await popup.getByLabel('Hidden in this tab').check();
    await waitForHighlights(page, (t) => t.length === 0);
    assert.ok(
      !(await storedSettings(kit.sw)).disabledSites.includes('127.0.0.1'),
      'hiding once is not remembered',
    );
    assert.equal(
      await page.evaluate(() => window.__sameDocument),
      true,
      'the page was not reloaded',
    );
    const reopened = await openPopup(kit, `?tabId=${tabId}`);
    await until(
      async () =>
        (await reopened.locator('.fc-site-switch').getAttribute('data-mode')) === 'hidden',
      'a new popup sees the tab hidden',
    );
    await reopened.close();

    await popup.getByLabel('On', { exact: true }).check();
    await waitForHighlights(page, (t) => t.length > 0);

    // Hidden once lasts until the page reloads.
    await popup.getByLabel('Hidden in this tab').check();
    await waitForHighlights(page, (t) => t.length === 0);
    await page.reload();
    await waitForScan(page);
    await waitForHighlights(page, (t) => t.length > 0);
    await popup.close();
    await page.close();
  });

  it('full view: entity, topic, query and view in the URL; opened from the popup, the card and to the options', async () => {
    const musk = rows.positions.filter((p) => p.entityId === 'elon-musk');
    const topic = musk[0].topic;
    const full = await openExtensionPage(kit, `browse.html?entity=elon-musk&topic=${topic}`);
    assert.match(await full.title(), /Elon Musk/);
    await full.locator('.fc-entity-detail[data-entity-id="elon-musk"]').waitFor();
    assert.equal(await full.getByLabel('Topic').inputValue(), topic);
    assert.deepEqual(
      (
        await idsOf(
          full.locator('.fc-entity-detail > .fc-positions > .fc-topic-group .fc-position'),
        )
      ).sort(),
      musk
        .filter((p) => p.topic === topic)
        .map((p) => p.id)
        .sort(),
    );
    // The list stays beside the detail in the full view.
    assert.equal(await full.locator('.fc-entity').count(), rows.entities.length);
    await full.getByLabel('Kind').selectOption({ index: 1 });
    const kind = await full.getByLabel('Kind').inputValue();
    await until(
      () => new URL(full.url()).searchParams.get('kind') === kind,
      'the kind filter is written to the URL',
    );
    await full.reload();
    await full.locator('.fc-entity-detail[data-entity-id="elon-musk"]').waitFor();
    assert.equal(await full.getByLabel('Kind').inputValue(), kind, 'a reload keeps the view');
    assert.equal(await full.getByLabel('Topic').inputValue(), topic);

    // A shared search.
    const quoted = rows.positions.find(
      (p) => p.kind === 'quote' && p.quote && p.quote.split(' ').length >= 6,
    );
    const phrase = quoted.quote.split(' ').slice(1, 4).join(' ');
    await full.goto(
      `chrome-extension://${kit.extensionId}/browse.html?q=${encodeURIComponent(phrase)}`,
    );
    await full.locator(`.fc-position[data-position-id="${quoted.id}"]`).waitFor();
    assert.equal(
      await full.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected'),
      'true',
    );
    assert.equal(await full.getByLabel('Search positions').inputValue(), phrase);

    // A shared comparison: a table, one topic.
    await full.goto(
      `chrome-extension://${kit.extensionId}/browse.html?view=compare&topic=open-source`,
    );
    await full.locator('table.fc-compare-table').waitFor();
    assert.deepEqual(await idsOf(full.locator('.fc-compare-row'), 'data-topic-id'), [
      'open-source',
    ]);
    assert.equal(await full.locator('thead th[scope="col"]').count(), rows.entities.length + 1);
    await full.setViewportSize({ width: 1280, height: 900 });
    await full.screenshot({ path: resolve(SCREENSHOTS, 'popup-full-view.png') });

    // The options page link.
    const [options] = await Promise.all([
      kit.context.waitForEvent('page'),
      full.getByRole('button', { name: 'Options' }).click(),
    ]);
    await options.waitForLoadState();
    assert.match(options.url(), /options\.html/);
    await options.close();

    // From the popup: the current view opens in the full view.
    const popup = await openPopup(kit, '?entity=xai');
    const [opened] = await Promise.all([
      kit.context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Open full view' }).click(),
    ]);
    await opened.waitForSelector('.fc-page[data-from]');
    assert.equal(new URL(opened.url()).searchParams.get('entity'), 'xai');
    await opened.locator('.fc-entity-detail[data-entity-id="xai"]').waitFor();
    await opened.close();
    await popup.close();

    // From the card: "All N positions" opens the entity, and the full view accounts for all N.
    const article = await openFixture(kit, 'demo-article.html');
    await hover(article, 'Elon Musk');
    await waitForDialog(article, 'Elon Musk');
    const footer = (await card(article).texts('.fc-footer'))[0];
    const total = Number(/All (\d+) positions/.exec(footer)[1]);
    const [fromCard] = await Promise.all([
      kit.context.waitForEvent('page'),
      card(article).click('.fc-footer button'),
    ]);
    await fromCard.waitForSelector('.fc-entity-detail[data-entity-id="elon-musk"]');
    const totals = fromCard.locator('.fc-entity-totals');
    assert.equal(
      Number(await totals.getAttribute('data-own')) +
        Number(await totals.getAttribute('data-about')),
      total,
    );
    await fromCard.close();
    await article.close();
    await full.close();
  });

  it('passes axe-core in light and dark, follows the theme setting live, and writes the README screenshots', async () => {
    const page = await openFixture(kit, 'popup-article.html');
    const tabId = await tabIdFor(kit.sw, page);
    for (const colorScheme of ['light', 'dark']) {
      const popup = await openPopup(kit, `?tabId=${tabId}`);
      await popup.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await popup.locator('.fc-mention').first().waitFor();
      const check = async (label) =>
        assert.deepEqual(
          await axeViolations(popup),
          [],
          `${colorScheme} ${label}: no axe violations`,
        );
      await check('browse list');
      if (colorScheme === 'light')
        await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-browse.png') });
      await popup.locator('.fc-entity[data-entity-id="yann-lecun"]').click();
      await popup.locator('.fc-entity-detail').waitFor();
      await check('entity');
      if (colorScheme === 'dark')
        await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-dark.png') });
      await popup.getByRole('tab', { name: 'Search' }).click();
      await popup.keyboard.type('open source');
      await popup.locator('.fc-result-group').first().waitFor();
      await check('search');
      if (colorScheme === 'light')
        await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-search.png') });
      await popup.getByRole('tab', { name: 'Compare' }).click();
      await popup.locator('.fc-compare-row').first().waitFor();
      await check('compare');
      if (colorScheme === 'light')
        await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-compare.png') });
      await popup.close();

      const full = await openExtensionPage(kit, 'browse.html?entity=yann-lecun');
      await full.emulateMedia({ colorScheme });
      assert.deepEqual(await axeViolations(full), [], `${colorScheme} full view browse`);
      await full.goto(`chrome-extension://${kit.extensionId}/browse.html?view=compare`);
      await full.locator('table.fc-compare-table').waitFor();
      assert.deepEqual(await axeViolations(full), [], `${colorScheme} full view compare`);
      await full.close();
    }

    // The theme setting applies live: forced dark while the system is light.
    const popup = await openPopup(kit);
    const background = () =>
      popup.locator('.fc-page').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await setSettings(kit.sw, { theme: 'dark' });
    await until(
      async () => (await popup.locator('.fc-page').getAttribute('class')).includes('fc-theme-dark'),
      'dark theme class',
    );
    assert.notEqual(await background(), light, 'the background follows the theme');
    await setSettings(kit.sw, { theme: 'system' });
    await popup.close();
    await page.close();
    assert.deepEqual(kit.externalRequests(), [], 'no network requests');
    assert.deepEqual(kit.errors, [], 'no errors');
  });
});
