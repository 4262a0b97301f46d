// Placement (lib/content/placement.ts): next to the mention without covering it, inside the viewport,
// following a scrolled container, above a fixed header, and beside a name split over two lines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { card, hover, launch, waitForDialog, waitForScan, waitForSeed } from './kit.mjs';

const overlaps = (a, b) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The mention's line boxes, read from a Range like the kit's hover does. */
function mentionRects(page, selector, text) {
  return page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(text);
        if (i === -1) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        return [...r.getClientRects()].map((q) => ({
          x: q.x,
          y: q.y,
          width: q.width,
          height: q.height,
        }));
      }
      return [];
    },
    { selector, text },
  );
}

describe('card placement', () => {
  let kit;
  let page;
  before(async () => {
    kit = await launch({ viewport: { width: 900, height: 600 } });
    await waitForSeed(kit.sw);
    page = await kit.context.newPage();
    await page.goto(kit.server.url('placement.html'));
    await waitForScan(page);
  });
  after(async () => {
    await kit?.close();
  });
  const cardBox = () => card(page).box();

  it('places the card beside a mention in a scrolled container and follows it when the box scrolls', async () => {
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk');
    await page.waitForTimeout(150);
    const box = await cardBox();
    const [rect] = await mentionRects(page, '#inner', 'Elon Musk');
    assert.ok(!overlaps(box, rect), 'the card does not cover the mention');
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= 900 && box.y + box.height <= 600,
      `inside the viewport ${JSON.stringify(box)}`,
    );
    await card(page).click('button[aria-label="Keep this card open"]');
    await page.evaluate(() => (document.getElementById('scroller').scrollTop += 40));
    await page.waitForTimeout(200);
    const moved = await cardBox();
    const [movedRect] = await mentionRects(page, '#inner', 'Elon Musk');
    assert.ok(
      Math.abs(moved.y - box.y - (movedRect.y - rect.y)) <= 2,
      `the card follows the mention (${box.y}→${moved.y}, mention ${rect.y}→${movedRect.y})`,
    );
    await card(page).click('button[aria-label="Close card"]');
  });

  it('keeps a card for a mention in a fixed header visible and uncovered', async () => {
    await hover(page, 'Yann LeCun');
    await waitForDialog(page, 'Yann LeCun');
    await page.waitForTimeout(150);
    const box = await cardBox();
    const [rect] = await mentionRects(page, 'header', 'Yann LeCun');
    assert.ok(!overlaps(box, rect));
    assert.ok(box.y >= rect.y + rect.height, 'below the header mention');
    // The card's closed shadow root retargets the hit to its host, a child of <html>.
    const onTop = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.parentElement === document.documentElement && el !== document.body;
      },
      { x: box.x + 20, y: box.y + 20 },
    );
    assert.equal(onTop, true, 'nothing of the page paints over the card');
    await page.keyboard.press('Escape');
  });

  it('sits next to a name that wraps over two lines without covering either line', async () => {
    const rects = await mentionRects(page, '#narrow', 'Vinod Khosla');
    assert.ok(rects.length >= 2, 'the fixture wraps the name');
    await hover(page, 'Vinod');
    await waitForDialog(page, 'Vinod Khosla');
    await page.waitForTimeout(150);
    const box = await cardBox();
    for (const r of rects)
      assert.ok(!overlaps(box, r), `covers a line of the name: ${JSON.stringify({ box, r })}`);
    await page.keyboard.press('Escape');
  });
});
