// The hover card in a real page: content, intent, keyboard, isolation, safety and accessibility.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ROOT,
  assertPageInvariants,
  axeViolations,
  card,
  dialogs,
  hostElements,
  hover,
  launch,
  recordMutations,
  sendToTab,
  tabIdFor,
  textPoint,
  waitForDialog,
  waitForScan,
  waitForSeed,
} from './kit.mjs';

const read = (file) => JSON.parse(readFileSync(resolve(ROOT, 'data', file), 'utf8'));
const entities = read('entities.json');
const sources = read('sources.json');

async function openPage(kit, file) {
  const page = await kit.context.newPage();
  await recordMutations(page);
  await page.goto(kit.server.url(file));
  await waitForScan(page);
  return page;
}

describe('hover card', () => {
  let kit;
  before(async () => {
    kit = await launch();
    await waitForSeed(kit.sw);
  });
  after(async () => {
    await kit?.close();
  });

  it("shows each entity's identity and sourced positions, linking only verified addresses", async () => {
    const page = await openPage(kit, 'demo-article.html');
    for (const entity of entities) {
      await hover(page, entity.displayName);
      await waitForDialog(page, entity.displayName);
      const text = await card(page).text();
      assert.ok(text.includes(entity.description), `${entity.displayName}: description`);
      assert.match(text, /\b(Quote|Reported|Fact)\b/, `${entity.displayName}: kind badges`);
      const links = await card(page).attributes('.fc-source a', 'href');
      const verified = new Set(sources.filter((s) => s.url).map((s) => s.url));
      assert.ok(
        links.every((href) => verified.has(href)),
        `${entity.displayName}: only verified links (${links})`,
      );
      const unlinked = await card(page).texts('.fc-source > span:first-child');
      for (const label of unlinked)
        assert.ok(
          !sources.find((s) => s.url && label.startsWith(s.publisher)),
          `a source with a URL is linked: ${label}`,
        );
      assert.match((await card(page).texts('.fc-footer'))[0], /^All \d+ positions$/);
      await page.keyboard.press('Escape');
      await waitForDialog(page, entity.displayName, { present: false });
    }
    await assertPageInvariants(assert, kit, page);
    await page.close();
  });

  it('renders from prefetched data within a frame, even after the service worker was stopped', async () => {
    const page = await openPage(kit, 'card-page.html');
    await page.waitForTimeout(300);
    const cdp = await kit.context.newCDPSession(page);
    const statuses = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      statuses.push(...versions.map((v) => v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 3000;
    while (!statuses.includes('stopped') && Date.now() < deadline) await page.waitForTimeout(50);
    assert.ok(statuses.includes('stopped'), `the service worker stopped (${statuses})`);
    await cdp.detach();
    await hover(page, 'Vinod Khosla');
    await waitForDialog(page, 'Vinod Khosla');
    const [measure] = await page.evaluate(() =>
      performance
        .getEntriesByName('factcards:card')
        .map((e) => ({ duration: e.duration, ...e.detail })),
    );
    assert.equal(measure.prefetched, true, 'card data was fetched right after the scan');
    assert.equal(measure.entityId, 'vinod-khosla');
    await page.close();
  });

  it('opens nothing on a quick pass', async () => {
    const page = await openPage(kit, 'card-page.html');
    const { x, y } = await textPoint(page, 'Elon Musk');
    await page.mouse.move(x - 200, y, { steps: 1 });
    await page.mouse.move(x, y, { steps: 2 });
    await page.waitForTimeout(120);
    await page.mouse.move(x + 300, y + 200, { steps: 2 });
    await page.waitForTimeout(900);
    assert.deepEqual(await dialogs(page), []);
    await page.close();
  });

  it('stays open while the pointer is in the card, closes after it leaves both, and pins', async () => {
    const page = await openPage(kit, 'card-page.html');
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    const box = await card(page).box();
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 6 });
    await page.waitForTimeout(1200);
    assert.deepEqual(await dialogs(page), ['Elon Musk']);
    await page.mouse.move(5, 700, { steps: 3 });
    await waitForDialog(page, 'Elon Musk', { present: false, timeout: 1500 });
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    await card(page).click('button[aria-label="Keep this card open"]');
    await page.mouse.move(5, 700, { steps: 3 });
    await page.waitForTimeout(1200);
    assert.deepEqual(await dialogs(page), ['Elon Musk'], 'a pinned card stays');
    await card(page).click('button[aria-label="Close card"]');
    await waitForDialog(page, 'Elon Musk', { present: false });
    await page.close();
  });

  it('Tab moves into the card, Escape closes it and gives focus back; focus is never trapped', async () => {
    const page = await openPage(kit, 'card-page.html');
    await page.focus('#before');
    await hover(page, 'Yann LeCun');
    await waitForDialog(page, 'Yann LeCun');
    await page.keyboard.press('Tab');
    assert.equal(await card(page).hasFocus(), true, 'Tab moves focus into the card');
    await page.keyboard.press('Escape');
    await waitForDialog(page, 'Yann LeCun', { present: false });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'before');
    // Tabbing past the last control leaves the card instead of cycling inside it.
    await hover(page, 'Yann LeCun');
    await waitForDialog(page, 'Yann LeCun');
    await page.keyboard.press('Tab');
    const count = await card(page).count('a[href], button, summary');
    for (let i = 0; i < count; i++) await page.keyboard.press('Tab');
    await waitForDialog(page, 'Yann LeCun', { present: false });
    const [host] = await hostElements(page);
    assert.ok(host, 'the card host stays on the page, empty');
    assert.equal(
      await page.evaluate(() => document.activeElement?.parentElement === document.documentElement),
      false,
      'focus left the card host',
    );
    await page.close();
  });

  it('the keyboard command opens the next visible mention, focused, and the close command closes it', async () => {
    const page = await openPage(kit, 'card-page.html');
    const tabId = await tabIdFor(kit.sw, page);
    assert.deepEqual(
      await sendToTab(kit.sw, tabId, { type: 'runCommand', command: 'next-mention' }),
      { ok: true },
    );
    await waitForDialog(page, 'Elon Musk');
    assert.equal(await card(page).hasFocus(), true, 'focus is in the card');
    await sendToTab(kit.sw, tabId, { type: 'runCommand', command: 'next-mention' });
    await waitForDialog(page, 'Yann LeCun');
    assert.deepEqual(await dialogs(page), ['Yann LeCun'], 'one card at a time');
    await sendToTab(kit.sw, tabId, { type: 'runCommand', command: 'close-card' });
    await waitForDialog(page, 'Yann LeCun', { present: false });
    await page.close();
  });

  it('stays intact on a page with hostile global CSS that hides unknown elements', async () => {
    const page = await openPage(kit, 'hostile.html');
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    const style = await card(page).evaluate(async (el) => {
      await Promise.all(el.getAnimations().map((a) => a.finished));
      const cs = getComputedStyle(el);
      const host = el.getRootNode().host;
      return {
        fontSize: cs.fontSize,
        opacity: cs.opacity,
        display: cs.display,
        transform: cs.transform,
        font: cs.fontFamily,
        hostDisplay: getComputedStyle(host).display,
      };
    });
    assert.equal(style.fontSize, '14px');
    assert.equal(style.opacity, '1');
    assert.equal(style.display, 'flex');
    assert.equal(style.transform, 'none');
    assert.ok(!/Comic/.test(style.font));
    const box = await card(page).box();
    assert.ok(
      box && box.width >= 200 && box.height >= 80,
      `visible card box ${JSON.stringify(box)}`,
    );
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800,
      'inside the viewport',
    );
    await page
      .screenshot({ path: resolve(ROOT, 'tests/e2e/.artifacts/hostile.png') })
      .catch(() => undefined);
    await assertPageInvariants(assert, kit, page);
    await page.close();
  });

  it('renders text that looks like HTML literally and runs nothing', async () => {
    const page = await openPage(kit, 'card-page.html');
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    // A hostile value in the cache: it must be shown as text.
    await kit.sw.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('factcards');
          open.onsuccess = () => {
            const tx = open.result.transaction('positions', 'readwrite');
            tx.objectStore('positions').put({
              id: 'zz-hostile',
              entityId: 'vinod-khosla',
              topic: 'open-source',
              kind: 'fact',
              salience: 1,
              summary: '<img src=x onerror=alert(1)><b>bold</b>',
              date: '2024',
              sourceIds: ['benzinga-2024'],
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await waitForScan(page);
    await hover(page, 'Vinod Khosla');
    await waitForDialog(page, 'Vinod Khosla');
    const text = await card(page).text();
    assert.ok(text.includes('<img src=x onerror=alert(1)><b>bold</b>'), 'shown literally');
    assert.equal(await card(page).count('img, b'), 0, 'no element was created from data');
    await page.waitForTimeout(300);
    assert.equal(alerted, false);
    await kit.sw.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('factcards');
          open.onsuccess = () => {
            const tx = open.result.transaction('positions', 'readwrite');
            tx.objectStore('positions').delete('zz-hostile');
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await page.close();
  });

  it('is axe-clean with a card open', async () => {
    const page = await openPage(kit, 'card-page.html');
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    assert.deepEqual(await axeViolations(page), [], 'the page with the card host');
    // axe cannot see into the closed shadow root: copy the rendered card (markup and its
    // stylesheet) into an open shadow root on a blank page, and check it there.
    const rendered = await card(page).evaluate((el) => ({
      html: el.outerHTML,
      css: [...el.getRootNode().adoptedStyleSheets]
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n'),
    }));
    const copy = await kit.context.newPage();
    await copy.goto(kit.server.url('card-page.html'));
    await copy.evaluate(({ html, css }) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      const holder = document.createElement('div');
      holder.innerHTML = html;
      root.append(style, holder);
    }, rendered);
    const inCard = await axeViolations(copy);
    await copy.close();
    assert.deepEqual(inCard, [], 'the card itself');
    await page.close();
  });
});

describe('card screenshots (light and dark)', () => {
  for (const colorScheme of ['light', 'dark']) {
    it(`renders the ${colorScheme} card on the demo article`, async () => {
      const kit = await launch({ colorScheme, viewport: { width: 1000, height: 760 } });
      try {
        await waitForSeed(kit.sw);
        const page = await openPage(kit, 'demo-article.html');
        await hover(page, 'Elon Musk');
        await waitForDialog(page, 'Elon Musk');
        const bg = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.equal(bg, colorScheme === 'dark' ? 'rgb(31, 31, 36)' : 'rgb(255, 255, 255)');
        await page.waitForTimeout(200);
        // Under .output/ (npm run screenshots copies it to docs/): tests never rewrite tracked files.
        await page.screenshot({
          path: resolve(ROOT, `.output/screenshots/card-${colorScheme}.png`),
        });
      } finally {
        await kit.close();
      }
    });
  }
});
