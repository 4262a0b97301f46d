// Firefox, store build (its card root is closed, as in every build): page script cannot see
// into the card, yet the card is a named dialog in the accessibility tree (which is how every
// Firefox test reads it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchFirefox } from '../adapters/firefox.mjs';
import { DATASET, extraRootChildrenInPage } from '../shared.mjs';

describe('Firefox: closed shadow root', () => {
  let kit;
  before(async () => {
    kit = await launchFirefox();
  });
  after(async () => {
    await kit?.close();
  });

  it('shows the card as a named dialog the page cannot open up', async () => {
    const entity = DATASET.entities.find((e) => e.displayName === 'Vinod Khosla');
    const page = await kit.openPage('demo-article.html');
    await kit.hover(page, entity.displayName);
    const card = await kit.waitForDialog(page, entity.displayName);
    assert.ok(card.text.includes(entity.description), 'the accessibility tree reads the card');
    const fromPage = await page.evaluate(() => ({
      dialogs: document.querySelectorAll('[role="dialog"], dialog').length,
      activeInside: document.activeElement?.shadowRoot ?? null,
    }));
    assert.deepEqual(fromPage, { dialogs: 0, activeInside: null }, 'page script sees no card');
    const [host, ...more] = await page.evaluate(extraRootChildrenInPage);
    assert.deepEqual(more, [], 'one element added');
    assert.deepEqual(
      {
        attributes: host.attributes,
        openShadowRoot: host.openShadowRoot,
        childNodes: host.childNodes,
      },
      { attributes: [], openShadowRoot: false, childNodes: 0 },
      'a bare element on <html> whose shadow root the page cannot reach',
    );
    await kit.assertPageInvariants(assert, page);
    await page.close();
  });
});
