// The walking skeleton end to end: seeded IndexedDB, detection, a card with data from the
// background, the popup and the options page, in a real Chromium with the built extension.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertPageInvariants,
  card,
  hover,
  launch,
  readIdb,
  recordMutations,
  waitForDialog,
  waitForScan,
  waitForSeed,
} from './kit.mjs';

describe('foundation', () => {
  let kit;
  before(async () => {
    kit = await launch();
  });
  after(async () => {
    await kit?.close();
  });

  it('seeds IndexedDB from the bundled dataset', async () => {
    const positions = await waitForSeed(kit.sw);
    const entities = await readIdb(kit.sw, 'entities');
    assert.deepEqual(entities.map((e) => e.displayName).sort(), [
      'Elon Musk',
      'Vinod Khosla',
      'Yann LeCun',
      'xAI',
    ]);
    assert.ok(positions.length >= 20, `expected the curated positions, got ${positions.length}`);
    const meta = await readIdb(kit.sw, 'meta');
    assert.ok(
      meta.find((m) => m.key === 'datasetVersion')?.value,
      'the cache records its dataset version',
    );
  });

  it('finds the four entities on the demo article and opens a card with their data', async () => {
    await waitForSeed(kit.sw);
    const page = await kit.context.newPage();
    await recordMutations(page);
    await page.goto(kit.server.url('demo-article.html'));
    const scans = await waitForScan(page);
    assert.ok(scans[0].mentions >= 4, `mentions found: ${scans[0].mentions}`);
    for (const name of ['Elon Musk', 'Yann LeCun', 'Vinod Khosla', 'xAI']) {
      await hover(page, name);
      await waitForDialog(page, name);
      const text = await card(page).text();
      assert.match(text, /positions|said about/i, `the ${name} card lists positions`);
      await page.mouse.move(1, 1);
      await waitForDialog(page, name, { present: false });
    }
    await assertPageInvariants(assert, kit, page);
    await page.close();
  });

  it('the popup lists the four entities from IndexedDB', async () => {
    const page = await kit.context.newPage();
    await page.goto(`chrome-extension://${kit.extensionId}/popup.html`);
    for (const name of ['Yann LeCun', 'Elon Musk', 'xAI', 'Vinod Khosla'])
      await page.getByText(name, { exact: false }).first().waitFor();
    assert.equal(await page.locator('[data-from]').getAttribute('data-from'), 'cache');
    await page.close();
  });
});
