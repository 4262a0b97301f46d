// The closed-shadow-root build (`wxt build --mode closed`): the page cannot reach into the card,
// and the card is still a named dialog in the accessibility tree.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, hover, launch, waitForDialog, waitForHighlights, waitForSeed } from './kit.mjs';

describe('closed shadow root build', () => {
  let kit;
  before(async () => {
    kit = await launch({ extension: resolve(ROOT, '.output/chrome-mv3-closed') });
    await waitForSeed(kit.sw);
  });
  after(async () => {
    await kit?.close();
  });

  it('shows the card as a dialog the page cannot open up', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('demo-article.html'));
    await waitForHighlights(page, (texts) => texts.includes('Vinod Khosla'));
    await hover(page, 'Vinod Khosla');
    await waitForDialog(page, 'Vinod Khosla');
    const fromPage = await page.evaluate(() => {
      const host = document.querySelector('factcards-card');
      return {
        host: !!host,
        shadowRoot: host?.shadowRoot ?? null,
        parent: host?.parentElement?.localName,
      };
    });
    assert.deepEqual(fromPage, { host: true, shadowRoot: null, parent: 'html' });
    await page.close();
  });
});
