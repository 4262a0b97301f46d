// Detection in a real page: what is marked, where it works, and that the page stays the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertPageInvariants,
  dialogs,
  highlighted,
  hover,
  isCardHostChange,
  launch,
  mutations,
  recordMutations,
  waitForDialog,
  waitForHighlights,
  waitForScan,
  waitForSeed,
} from './kit.mjs';
import { DETECT_STATIC_MARKS } from './shared.mjs';

/** A long page: ~`kb` kilobytes of prose with one mention at the very end. */
function longPage(kb) {
  const para =
    '<p>The committee met again on Tuesday to discuss the budget, the new library wing and the parking plan for the spring term. Members asked many questions.</p>\n';
  const count = Math.ceil((kb * 1024) / para.length);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body><main>${para.repeat(count)}<p id="end">At the very end: Vinod Khosla.</p></main></body></html>`;
}

describe('detection', () => {
  let kit;
  before(async () => {
    kit = await launch({
      routes: {
        '/long.html': () => ({ type: 'text/html; charset=utf-8', body: longPage(3 * 1024) }),
      },
    });
    await waitForSeed(kit.sw);
  });
  after(async () => {
    await kit?.close();
  });

  it('marks exactly the real mentions of a static page, and nothing in namesakes, scents, XAI, code or editable areas', async () => {
    const page = await kit.context.newPage();
    await recordMutations(page);
    await page.goto(kit.server.url('detect-static.html'));
    await waitForScan(page);
    const texts = await highlighted(page);
    assert.deepEqual(texts, DETECT_STATIC_MARKS);
    // Split by markup, the card still opens for the whole name.
    await hover(page, 'Yann LeCun', { nth: 2 });
    await waitForDialog(page, 'Yann LeCun');
    await page.keyboard.press('Escape');
    await waitForDialog(page, 'Yann LeCun', { present: false });
    // A namesake opens nothing.
    await hover(page, 'Kimbal Musk');
    await page.waitForTimeout(900);
    assert.deepEqual(await dialogs(page), []);
    await assertPageInvariants(assert, kit, page);
    await page.close();
  });

  it('leaves a page about namesakes, scents and explainable AI alone except for the real mention', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('namesakes.html'));
    await waitForScan(page);
    assert.deepEqual(await highlighted(page), ['Elon Musk']);
    await page.close();
  });

  it('scans content added later, text edits and swapped views, and the page keeps its own text nodes', async () => {
    const page = await kit.context.newPage();
    await recordMutations(page);
    await page.goto(kit.server.url('detect-dynamic.html'));
    await waitForScan(page);
    assert.deepEqual(await highlighted(page), []);
    await page.evaluate(() => window.pageApi.append('Breaking: Elon Musk answers Yann LeCun.'));
    await waitForHighlights(page, (t) => t.includes('Elon Musk') && t.includes('Yann LeCun'));
    await page.evaluate(() => window.pageApi.editText('Edited to mention Vinod Khosla.'));
    await waitForHighlights(page, (t) => t.includes('Vinod Khosla'));
    await page.evaluate(() => window.pageApi.swapView('New view about xAI'));
    await waitForHighlights(page, (t) => t.includes('xAI'));
    await hover(page, 'xAI');
    await waitForDialog(page, 'xAI');
    // The page's own script still owns and updates its text node.
    const before = await page.evaluate(() => window.tickerTicks());
    await page.waitForTimeout(300);
    assert.ok(
      await page.evaluate(() => window.pageApi.countNodeIsOriginal()),
      'the page keeps its text node',
    );
    assert.ok(
      (await page.evaluate(() => window.tickerTicks())) > before,
      'the page script keeps running',
    );
    // Read both in one task: the ticker moves every 50 ms.
    const shown = await page.evaluate(() => ({
      text: document.getElementById('count').textContent,
      ticks: String(window.tickerTicks()),
    }));
    assert.equal(shown.text, shown.ticks, "the page's own text updates still show");
    const changes = (await mutations(page)).filter(
      (m) => !(m.type === 'text' && m.parent === 'span'),
    );
    const byPage = changes.filter((m) => !isCardHostChange(m));
    assert.ok(
      byPage.every(
        (m) => ['p', 'section', 'h2'].includes(m.tag) || m.type === 'text' || m.type === 'removed',
      ),
      JSON.stringify(byPage),
    );
    assert.ok(changes.filter(isCardHostChange).length <= 1);
    await page.close();
  });

  it('finds mentions in open shadow roots, including one attached after load', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('detect-shadow.html'));
    await waitForScan(page);
    const inShadow = await hover(page, 'Vinod Khosla', { shadowHost: '#early' });
    assert.ok(inShadow);
    await waitForDialog(page, 'Vinod Khosla');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(700);
    await hover(page, 'Elon Musk', { shadowHost: '#late' });
    await waitForDialog(page, 'Elon Musk');
    await page.close();
  });

  it('finds mentions in same-origin, srcdoc and about:blank frames', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('detect-frames.html'));
    const frame = page.frames().find((f) => f.url().endsWith('frame-child.html'));
    await waitForScan(frame);
    assert.deepEqual(await highlighted(frame), ['Elon Musk']);
    await hover(page, 'Elon Musk', { frame });
    await waitForDialog(page, 'Elon Musk');
    await page.keyboard.press('Escape');
    const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc');
    await waitForScan(srcdoc);
    assert.deepEqual(await highlighted(srcdoc), ['Yann LeCun']);
    const blank = page.frames().find((f) => f.url() === 'about:blank');
    await waitForHighlights(blank, (t) => t.includes('Vinod Khosla'));
    await page.close();
  });

  it('scans a very long page without blocking it and finds the mention at its end', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('long.html'));
    const [scan] = await waitForScan(page, { timeout: 20000 });
    assert.equal(scan.mentions, 1);
    assert.deepEqual(await highlighted(page), ['Vinod Khosla']);
    await page.close();
  });
});
