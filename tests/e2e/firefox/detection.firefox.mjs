// Firefox: what is marked on the detection fixtures, in frames and shadow roots, and where the
// content script stays out (top-level about:blank tabs, which Firefox runs it in).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UNDER_TEST, launchFirefox } from '../adapters/firefox.mjs';
import { DETECT_STATIC_MARKS, until } from '../shared.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe(`Firefox${UNDER_TEST}: detection`, () => {
  let kit;
  before(async () => {
    kit = await launchFirefox();
  });
  after(async () => {
    await kit?.close();
  });

  it('marks exactly the real mentions of the static fixture, and nothing in namesakes, scents, XAI, code or editable areas', async () => {
    const page = await kit.openPage('detect-static.html');
    const texts = await kit.waitForHighlights(page, (t) => t.length >= DETECT_STATIC_MARKS.length);
    assert.deepEqual(texts, DETECT_STATIC_MARKS);
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('finds mentions in same-origin, srcdoc and about:blank frames, and opens the card over a frame', async () => {
    const page = await kit.openPage('detect-frames.html', { marked: false });
    const frame = (test) => page.frames().find((f) => f !== page.mainFrame() && test(f.url()));
    const same = frame((url) => url.endsWith('frame-child.html'));
    assert.deepEqual(await kit.waitForHighlights(same, (t) => t.length > 0), ['Elon Musk']);
    await kit.hover(page, 'Elon Musk', { frame: same });
    await kit.waitForDialog(page, 'Elon Musk');
    // Keyboard focus stays in the top document, so Esc cannot reach the frame's card: leaving it does.
    await page.mouse.move(5, 5, { steps: 2 });
    await kit.waitForDialog(page, 'Elon Musk', { present: false });
    assert.deepEqual(
      await kit.waitForHighlights(
        frame((url) => url === 'about:srcdoc'),
        (t) => t.length > 0,
      ),
      ['Yann LeCun'],
    );
    assert.deepEqual(
      await kit.waitForHighlights(
        frame((url) => url === 'about:blank'),
        (t) => t.length > 0,
      ),
      ['Vinod Khosla'],
    );
    assert.deepEqual(await kit.highlighted(page), [], 'the top page mentions nobody');
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('finds mentions in open shadow roots, including one attached after load', async () => {
    const page = await kit.openPage('detect-shadow.html');
    await kit.hover(page, 'Vinod Khosla', { shadowHost: '#early' });
    await kit.waitForDialog(page, 'Vinod Khosla');
    await page.keyboard.press('Escape');
    await kit.waitForDialog(page, 'Vinod Khosla', { present: false });
    // A root attached after load is found when the pointer reaches it (lib/dom/scanner.ts).
    await kit.hover(page, 'Elon Musk', { shadowHost: '#late' });
    await kit.waitForDialog(page, 'Elon Musk');
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('stays out of a top-level about:blank tab, but marks a page-opened about:blank window', async () => {
    // A new tab is a top-level about:blank document: Firefox runs content scripts there.
    const blank = await kit.browser.newPage();
    assert.equal(blank.url(), 'about:blank');
    await blank.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Typed into a new tab: Elon Musk.';
      document.body.append(p);
    });
    // A window a page opens and writes into is that page's content, and is marked.
    const opener = await kit.openPage('card-page.html');
    const before = new Set(await kit.browser.pages());
    await opener.evaluate(() => {
      const w = window.open('', 'written');
      const p = w.document.createElement('p');
      p.textContent = 'Written by the opener: Vinod Khosla.';
      w.document.body.append(p);
    });
    const popup = await until(
      async () => (await kit.browser.pages()).find((p) => !before.has(p)),
      'the opened window',
    );
    assert.deepEqual(
      await kit.waitForHighlights(popup, (t) => t.length > 0),
      ['Vinod Khosla'],
      'the opened window is scanned',
    );
    await sleep(500);
    assert.deepEqual(await kit.highlighted(blank), [], 'the new tab was never scanned');
    assert.deepEqual(kit.errors, []);
    await popup.close();
    await opener.close();
    await blank.close();
  });
});
