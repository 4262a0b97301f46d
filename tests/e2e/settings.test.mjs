// Settings in a real Chromium (issue 11): two options pages changing the settings at the same
// moment keep every change; the popup's site switch leaves a wildcard pattern in place and
// adds an exception instead; one invalid stored entry costs only itself; an import shows what
// it will change, applies on confirm and can be undone; a version 1 file keeps the sites.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  extensionPageAxeViolations,
  highlighted,
  launch,
  tabIdFor,
  waitForHighlights,
  waitForScan,
  waitForSeed,
} from './kit.mjs';

const DEFAULTS = {
  disabledSources: [],
  disabledEntities: [],
  disabledSites: [],
  siteExceptions: [],
  trigger: 'hover',
  modifierKey: 'Alt',
  dwellMs: 400,
  highlightStyle: 'underline',
  theme: 'system',
  toolbarBadge: true,
};

const ARTICLE = 'popup-article.html';

/** The raw stored settings (the value, not what a page makes of it). */
const stored = async (kit) =>
  (await kit.sw.evaluate(() => chrome.storage.local.get('settings'))).settings;
/** Test set-up only: the behaviour under test always goes through the pages. */
const store = (kit, settings) =>
  kit.sw.evaluate(
    (settings) => chrome.storage.local.set({ settings, settings$: { v: 2 } }),
    settings,
  );

async function openOptions(kit) {
  const page = await kit.context.newPage();
  await page.goto(`chrome-extension://${kit.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor();
  return page;
}

/** Polls `fn` until it returns a truthy value; fails with `message` and the last value. */
async function until(fn, message, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('settings: one writer, patterns kept, import with preview', () => {
  let kit;
  let files;
  let port;
  before(async () => {
    kit = await launch();
    await waitForSeed(kit.sw);
    port = new URL(kit.server.origin).port;
    files = mkdtempSync(join(tmpdir(), 'factcards-settings-'));
  });
  after(async () => {
    await kit?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const [keep, ...rest] = kit.context.pages();
    for (const page of rest) await page.close();
    await keep?.goto('about:blank');
    await store(kit, DEFAULTS);
    kit.errors.length = 0;
  });

  it('two options pages adding a site at the same moment, five rounds: all ten are kept', async (t) => {
    const pages = [await openOptions(kit), await openOptions(kit)];
    const added = [];
    for (let round = 0; round < 5; round++) {
      const names = pages.map((_, i) => `round${round}-page${i}.example.com`);
      added.push(...names);
      for (const [i, page] of pages.entries())
        await page.getByLabel('Site or pattern').fill(names[i]);
      // Both pages submit at the same instant (a shared deadline on the one machine clock).
      const at = Date.now() + 150;
      await Promise.all(
        pages.map((page) =>
          page.evaluate((at) => {
            const form = document.querySelector('.fco-site-form');
            setTimeout(() => form.requestSubmit(), Math.max(0, at - Date.now()));
          }, at),
        ),
      );
      for (const page of pages)
        for (const name of names)
          await page.getByRole('button', { name: `Remove ${name}` }).waitFor({ timeout: 3000 });
    }
    const sites = (await stored(kit)).disabledSites;
    t.diagnostic(`kept ${sites.length} of ${added.length}`);
    assert.deepEqual([...sites].sort(), [...added].sort(), 'every addition is stored');
    // Each page shows the stored list, not a copy of its own.
    for (const page of pages) {
      const shown = await page
        .getByRole('list', { name: 'Sites where Fact Cards is off' })
        .locator('code')
        .allInnerTexts();
      assert.deepEqual([...shown].sort(), [...added].sort());
    }
    assert.deepEqual(kit.errors, []);
  });

  it('a wildcard, then "Hidden in this tab", then "On": the wildcard stays and the sibling subdomain stays unmarked', async () => {
    const wildcard = '*.example.localhost';
    await store(kit, { ...DEFAULTS, disabledSites: [wildcard] });
    const page = async (host) => {
      const p = await kit.context.newPage();
      await p.goto(`http://${host}:${port}/${ARTICLE}`);
      return p;
    };
    // A control on a host the pattern does not cover: the article is marked there.
    const control = await page('other.localhost');
    await waitForScan(control);
    await waitForHighlights(control, (texts) => texts.length > 0);
    const news = await page('news.example.localhost');
    const mail = await page('mail.example.localhost');
    await news.waitForTimeout(800);
    assert.equal((await highlighted(news)).length, 0, 'news is off by the wildcard');
    assert.equal((await highlighted(mail)).length, 0, 'mail is off by the wildcard');

    const tabId = await tabIdFor(kit.sw, news);
    const popup = await kit.context.newPage();
    await popup.goto(`chrome-extension://${kit.extensionId}/popup.html?tabId=${tabId}`);
    const siteSwitch = popup.locator('.fc-site-switch');
    await until(async () => (await siteSwitch.getAttribute('data-mode')) === 'off', 'switch off');
    assert.match(
      await popup.getByTestId('site-rule').innerText(),
      /because of the pattern \*\.example\.localhost/,
      'the popup says which pattern turns the site off',
    );

    await popup.getByLabel('Hidden in this tab').check();
    await until(async () => (await siteSwitch.getAttribute('data-mode')) === 'hidden', 'hidden');
    await until(async () => (await stored(kit)).siteExceptions.length > 0, 'exception stored');
    const afterHidden = await stored(kit);
    assert.deepEqual(afterHidden.disabledSites, [wildcard], 'Hidden leaves the wildcard in place');
    assert.deepEqual(afterHidden.siteExceptions, ['news.example.localhost']);
    assert.equal((await highlighted(news)).length, 0, 'hidden in this tab');

    await popup.getByRole('radio', { name: /^On/ }).check();
    await waitForHighlights(news, (texts) => texts.length > 0);
    const afterOn = await stored(kit);
    assert.deepEqual(afterOn.disabledSites, [wildcard], 'On leaves the wildcard in place');
    assert.deepEqual(afterOn.siteExceptions, ['news.example.localhost']);
    assert.match(
      await popup.getByTestId('site-rule').innerText(),
      /exception to \*\.example\.localhost/,
    );
    await mail.waitForTimeout(500);
    assert.equal((await highlighted(mail)).length, 0, 'the sibling subdomain stays unmarked');
    await mail.reload();
    await mail.waitForTimeout(1000);
    assert.equal((await highlighted(mail)).length, 0, 'and stays unmarked after a reload');

    // The options page lists the exception; removing it turns the site off again, live.
    const options = await openOptions(kit);
    await options
      .getByRole('list', { name: 'Exceptions' })
      .locator('code', { hasText: 'news.example.localhost' })
      .waitFor();
    await options.getByRole('button', { name: 'Remove exception news.example.localhost' }).click();
    await waitForHighlights(news, (texts) => texts.length === 0);
    assert.deepEqual(await stored(kit), { ...DEFAULTS, disabledSites: [wildcard] });

    // "Off for this site" under a wildcard adds nothing: the wildcard already covers it.
    await popup.bringToFront();
    await popup.getByRole('radio', { name: /^On/ }).check();
    await waitForHighlights(news, (texts) => texts.length > 0);
    await popup.getByLabel('Off for this site').check();
    await waitForHighlights(news, (texts) => texts.length === 0);
    assert.deepEqual(await stored(kit), { ...DEFAULTS, disabledSites: [wildcard] });
    assert.ok((await highlighted(control)).length > 0, 'the uncovered site was never touched');
    assert.deepEqual(kit.errors, []);
  });

  it('one invalid stored site pattern is left out alone, named with its reason, and the next change keeps the rest', async () => {
    await store(kit, {
      ...DEFAULTS,
      disabledSites: ['a.example.com', 'Bad Pattern!', 'b.example.com'],
    });
    const options = await openOptions(kit);
    const leftOut = options.getByTestId('left-out-disabledSites');
    await leftOut.waitFor();
    assert.match(await leftOut.innerText(), /“Bad Pattern!”/);
    assert.match(await leftOut.innerText(), /not a site pattern/);
    assert.match(
      await options.getByTestId('settings-problems').innerText(),
      /Sites: “Bad Pattern!” was left out/,
    );
    const list = options.getByRole('list', { name: 'Sites where Fact Cards is off' });
    assert.deepEqual(await list.locator('code').allInnerTexts(), [
      'a.example.com',
      'b.example.com',
    ]);

    await options.getByRole('switch', { name: 'WIRED' }).click();
    await until(async () => (await stored(kit)).disabledSources.length === 1, 'source stored');
    assert.deepEqual((await stored(kit)).disabledSites, ['a.example.com', 'b.example.com']);
    await leftOut.waitFor({ state: 'detached' });
    assert.deepEqual(kit.errors, []);
  });

  it('import shows what will change, stores nothing before Apply, applies on confirm, and undoes', async () => {
    const mine = {
      ...DEFAULTS,
      disabledSources: ['wired-2023-12-22'],
      disabledSites: ['mine.example.com'],
      theme: 'dark',
    };
    await store(kit, mine);
    const options = await openOptions(kit);
    const write = (name, settings, version = 3) => {
      const path = join(files, name);
      writeFileSync(path, JSON.stringify({ format: 'factcards-settings', version, settings }));
      return path;
    };
    const file = {
      ...DEFAULTS,
      disabledSources: ['benzinga-2024'],
      disabledEntities: ['xai'],
      disabledSites: ['*.example.org'],
      trigger: 'click',
      theme: 'light',
    };
    const input = options.locator('#fco-import');
    await input.setInputFiles(write('theirs.json', file));
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    for (const line of [
      /Importing theirs\.json will change/,
      /Sources[\s\S]*Switched off: Benzinga[\s\S]*Switched on: WIRED/,
      /People and companies[\s\S]*Switched off: xAI/,
      /Sites[\s\S]*Off on: \*\.example\.org[\s\S]*No longer off on: mine\.example\.com/,
      /What opens a card: Rest the pointer on a name → Click a name/,
      /Theme: Dark → Light/,
    ])
      assert.match(text, line);
    assert.doesNotMatch(text, /Delay before a card opens/, 'unchanged settings are not listed');
    assert.equal(
      await options.evaluate(() => document.activeElement?.id),
      'fco-preview-title',
      'focus moves to the preview',
    );
    assert.deepEqual(await extensionPageAxeViolations(options), [], 'axe with the preview open');
    assert.deepEqual(await stored(kit), mine, 'nothing is stored before Apply');

    // Cancel stores nothing.
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    assert.deepEqual(await stored(kit), mine);

    // Apply stores the file's settings.
    await input.setInputFiles(write('theirs.json', file));
    await options.getByRole('button', { name: 'Apply these settings' }).click();
    await options
      .getByTestId('file-status')
      .filter({ hasText: 'Imported the settings from theirs.json' })
      .waitFor();
    assert.deepEqual(await stored(kit), file);
    const undo = options.getByRole('button', { name: 'Undo import of theirs.json' });
    await undo.waitFor();
    await until(() => undo.evaluate((b) => b === document.activeElement), 'focus on Undo');
    assert.equal(await options.getByRole('switch', { name: 'Benzinga' }).isChecked(), false);

    // A change made elsewhere after the import survives its undo.
    const other = await openOptions(kit);
    await other.getByLabel('Site or pattern').fill('later.example.net');
    await other.getByRole('button', { name: 'Add site' }).click();
    await until(
      async () => (await stored(kit)).disabledSites.includes('later.example.net'),
      'added',
    );
    await options.bringToFront();
    await undo.click();
    await options
      .getByTestId('file-status')
      .filter({ hasText: 'Undid the import of theirs.json' })
      .waitFor();
    assert.deepEqual(await stored(kit), {
      ...mine,
      disabledSites: ['later.example.net', 'mine.example.com'],
    });
    assert.equal(await undo.count(), 0, 'one undo per import');
    assert.equal(await options.getByRole('switch', { name: 'WIRED' }).isChecked(), false);

    // A version 1 file sets the sources and keeps the sites (and everything else it does not hold).
    const before = await stored(kit);
    await input.setInputFiles(
      write(
        'first-release.json',
        { sources: { 'benzinga-2024': false, 'wired-2023-12-22': true } },
        1,
      ),
    );
    await preview.waitFor();
    const v1 = await preview.innerText();
    assert.match(v1, /Switched off: Benzinga[\s\S]*Switched on: WIRED/);
    assert.match(v1, /Kept as they are, since the file does not hold them: .*Sites/);
    assert.doesNotMatch(v1, /No longer off on/, 'no site is dropped');
    await options.getByRole('button', { name: 'Apply these settings' }).click();
    await options
      .getByTestId('file-status')
      .filter({ hasText: 'Upgraded from settings version 1' })
      .waitFor();
    assert.deepEqual(await stored(kit), { ...before, disabledSources: ['benzinga-2024'] });
    assert.deepEqual(kit.errors, []);
  });
});
