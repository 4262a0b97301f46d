// Firefox: the hover card on the demo article and the detection fixture, read from the
// accessibility tree (the card's shadow root is closed to everything else), its intent, its
// keyboard path and the next-mention command; with the page invariants after each page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UNDER_TEST, launchFirefox } from '../adapters/firefox.mjs';
import { DATASET } from '../shared.mjs';

const VERIFIED_LINKS = new Set(DATASET.sources.filter((s) => s.url).map((s) => s.url));

describe(`Firefox${UNDER_TEST}: hover card`, () => {
  let kit;
  before(async () => {
    kit = await launchFirefox();
  });
  after(async () => {
    await kit?.close();
  });

  it("hovering each full name on the demo article opens that entity's card with its sourced positions; Esc closes it", async () => {
    const page = await kit.openPage('demo-article.html');
    for (const entity of DATASET.entities) {
      await kit.hover(page, entity.displayName);
      const card = await kit.waitForDialog(page, entity.displayName);
      assert.ok(card.text.includes(entity.description), `${entity.displayName}: description`);
      assert.match(card.text, /\b(Quote|Reported|Fact)\b/, `${entity.displayName}: kind badges`);
      assert.match(card.text, /All \d+ positions/, `${entity.displayName}: footer`);
      const links = card.links.map((l) => l.href).filter((href) => !href.startsWith('moz-'));
      assert.ok(links.length > 0, `${entity.displayName}: source links`);
      for (const href of links)
        assert.ok(VERIFIED_LINKS.has(href), `${entity.displayName}: ${href} is a verified source`);
      assert.deepEqual(await kit.dialogNames(page), [entity.displayName], 'one card at a time');
      await page.keyboard.press('Escape');
      await kit.waitForDialog(page, entity.displayName, { present: false });
    }
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('a surname and a handle on the detection fixture open the right card; a namesake opens none', async () => {
    const page = await kit.openPage('detect-static.html');
    for (const [text, nth, name] of [
      ['LeCun', 1, 'Yann LeCun'],
      ['Musk', 1, 'Elon Musk'],
      ['@elonmusk', 0, 'Elon Musk'],
      ['@vkhosla', 0, 'Vinod Khosla'],
      ['@xai', 0, 'xAI'],
    ]) {
      await kit.hover(page, text, { nth });
      await kit.waitForDialog(page, name);
      await page.keyboard.press('Escape');
      await kit.waitForDialog(page, name, { present: false });
    }
    await kit.hover(page, 'Kimbal Musk');
    await new Promise((r) => setTimeout(r, 900));
    assert.deepEqual(await kit.dialogNames(page), [], 'a namesake opens nothing');
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('a quick pass over a name opens nothing', async () => {
    const page = await kit.openPage('card-page.html');
    const { x, y } = await kit.textPoint(page, 'Elon Musk');
    await page.mouse.move(x - 200, y, { steps: 1 });
    await page.mouse.move(x, y, { steps: 2 });
    await new Promise((r) => setTimeout(r, 120));
    // Off to a blank corner (where the pointer rests must not be another name).
    const blank = { x: 1270, y: 790 };
    assert.match(
      await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, blank),
      /^(html|body)$/,
    );
    await page.mouse.move(blank.x, blank.y, { steps: 2 });
    await new Promise((r) => setTimeout(r, 900));
    assert.deepEqual(await kit.dialogNames(page), []);
    // The same spot, rested on, does open the card: the pass above was quick, not missed.
    await page.mouse.move(x, y, { steps: 2 });
    await kit.waitForDialog(page, 'Elon Musk');
    await page.close();
  });

  it('Tab moves into the card; Esc closes it and gives focus back to where it was', async () => {
    const page = await kit.openPage('card-page.html');
    await page.focus('#before');
    await kit.hover(page, 'Yann LeCun');
    await kit.waitForDialog(page, 'Yann LeCun');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.parentElement === document.documentElement),
      true,
      'Tab moves focus into the card (the element the extension added to <html>)',
    );
    await page.keyboard.press('Escape');
    await kit.waitForDialog(page, 'Yann LeCun', { present: false });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'before');
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });

  it('the next-mention command (its runCommand message) opens the next visible mention, focused; close-card closes it', async () => {
    const page = await kit.openPage('card-page.html');
    const tabId = await kit.tabIdFor(page);
    assert.equal(typeof tabId, 'number');
    assert.deepEqual(await kit.sendToTab(tabId, { type: 'runCommand', command: 'next-mention' }), {
      ok: true,
    });
    await kit.waitForDialog(page, 'Elon Musk');
    assert.equal(
      await page.evaluate(() => document.activeElement?.parentElement === document.documentElement),
      true,
      'focus moves into the card',
    );
    await kit.sendToTab(tabId, { type: 'runCommand', command: 'next-mention' });
    await kit.waitForDialog(page, 'Yann LeCun');
    assert.deepEqual(await kit.dialogNames(page), ['Yann LeCun'], 'one card at a time');
    await kit.sendToTab(tabId, { type: 'runCommand', command: 'close-card' });
    await kit.waitForDialog(page, 'Yann LeCun', { present: false });
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });
});
