// Firefox with the card in a closed shadow root: page script cannot see into the card, yet the
// card is a named dialog in the accessibility tree (which is how every Firefox test reads it).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchFirefox } from '../adapters/firefox.mjs';
import { DATASET, ROOT, extraRootChildrenInPage } from '../shared.mjs';

/** A build whose card root is closed (`wxt build -b firefox --mode closed`, see test-firefox.mjs). */
const CLOSED = resolve(
  ROOT,
  process.env.FACTCARDS_FIREFOX_CLOSED_EXTENSION ?? '.output/firefox-mv2-closed',
);

describe('Firefox: closed shadow root', () => {
  let kit;
  before(async () => {
    kit = await launchFirefox({ extension: CLOSED });
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
