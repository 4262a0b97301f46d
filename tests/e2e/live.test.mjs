// Pages in the wild: text that changes all the time around the mentions (a clock under <body>,
// a relative time inside the article, a ticker), and one huge text node of namesake and cue
// spam. The cards still open, the marks never blink, and the page's own timers never stall.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  card,
  hostElements,
  hover,
  launch,
  waitForDialog,
  waitForScan,
  waitForSeed,
} from './kit.mjs';

/** One text node of about `kb` kilobytes: namesake and cue spam, with one real mention in it. */
function spamPage(kb) {
  // Namesakes, explainable AI in capitals with its vocabulary, scents in lower case: the matcher
  // weighs every one of them (candidates everywhere), and none is a mention.
  const units = [
    'Kimbal Musk said. Musk said more. ',
    'Explainable AI (XAI) with SHAP and LIME; XAI interpretability. ',
    'a musk rose, amber and musk. ',
    'Pradeep Khosla spoke; Khosla agreed. ',
  ];
  let text = 'A forum thread. Vinod Khosla started it. ';
  for (let i = 0; text.length < kb * 1024; i++) text += units[i % units.length];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spam</title></head>
<body><h1>A very long comment</h1><p id="huge">${text}</p>
<script>
  // The page's heartbeat: every gap over 20 ms between two 10 ms timer ticks, from load on.
  window.gaps = [];
  let last = performance.now();
  setInterval(() => { const now = performance.now(); if (now - last > 20) window.gaps.push([last, now]); last = now; }, 10);
</script></body></html>`;
}

describe('live pages', () => {
  let kit;
  before(async () => {
    kit = await launch({
      routes: {
        '/spam.html': () => ({ type: 'text/html; charset=utf-8', body: spamPage(200) }),
      },
    });
    await waitForSeed(kit.sw);
  });
  after(async () => {
    await kit?.close();
  });

  it('a clock, a relative time and a ticker around the mentions: the card opens on hover and the marks never vanish', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('live.html'));
    await waitForScan(page);
    // Sample the marks in the page every 10 ms for 2 s while the page keeps rewriting its text.
    const samples = await page.evaluate(async () => {
      const seen = [];
      const end = performance.now() + 2000;
      while (performance.now() < end) {
        const h = CSS.highlights.get('factcards-mention');
        seen.push(
          h
            ? [...h]
                .map((r) => r.toString())
                .sort()
                .join('|')
            : '',
        );
        await new Promise((r) => setTimeout(r, 10));
      }
      return seen;
    });
    const expected = ['Elon Musk', 'Vinod Khosla', 'Yann LeCun', 'xAI'].join('|');
    assert.ok(samples.length > 50, `sampled ${samples.length} times`);
    assert.deepEqual(
      [...new Set(samples)],
      [expected],
      'every sample shows the same four marks: none ever disappears or doubles',
    );
    for (const [text, name] of [
      ['Elon Musk', 'Elon Musk'],
      ['Vinod Khosla', 'Vinod Khosla'],
      ['xAI', 'xAI'],
    ]) {
      const started = Date.now();
      await hover(page, text);
      await waitForDialog(page, name, { timeout: 1500 });
      assert.ok(
        Date.now() - started < 1500,
        `${name}: the card opened in ${Date.now() - started} ms`,
      );
      await page.mouse.move(1, 700, { steps: 2 });
      await waitForDialog(page, name, { present: false, timeout: 1500 });
    }
    // The page rewrites its own text all the time: check what is ours only.
    assert.deepEqual(kit.externalRequests(), []);
    assert.ok((await hostElements(page)).length <= 1, 'at most the card host added');
    assert.deepEqual(kit.errors, []);
    await page.close();
  });

  it('a mention keeps its open card after an unrelated edit next to it', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('live.html'));
    await waitForScan(page);
    await hover(page, 'Vinod Khosla');
    await waitForDialog(page, 'Vinod Khosla');
    const before = await card(page).text();
    await page.evaluate(() => window.unrelatedEdit());
    // Keep the pointer resting on the mention while rescans happen around it.
    await page.waitForTimeout(800);
    await waitForDialog(page, 'Vinod Khosla', { timeout: 500 });
    assert.equal(await card(page).text(), before);
    const marks = await page.evaluate(() =>
      [...CSS.highlights.get('factcards-mention')].map((r) => r.toString()).sort(),
    );
    assert.deepEqual(marks, ['Elon Musk', 'Vinod Khosla', 'Yann LeCun', 'xAI']);
    await page.close();
  });

  it('a 200 kB text node of namesake and cue spam: the page never stalls and the real mention still opens its card', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('spam.html'));
    const [scan] = await waitForScan(page, { timeout: 20000 });
    await page.waitForTimeout(300);
    // Stalls while the extension scanned (and painted its marks right after): the browser's own
    // layout of a 200 kB paragraph at load is not ours.
    const stalls = await page.evaluate(() => {
      const passes = performance.getEntriesByName('factcards:scan');
      return window.gaps
        .filter(([from, to]) =>
          passes.some((p) => from < p.startTime + p.detail.elapsed + 100 && to > p.startTime),
        )
        .map(([from, to]) => Math.round(to - from));
    });
    assert.ok(
      stalls.every((ms) => ms < 100),
      `the page's 10 ms heartbeat stalled while we scanned: ${stalls} ms`,
    );
    const marks = await page.evaluate(() =>
      [...(CSS.highlights.get('factcards-mention') ?? [])].map((r) => r.toString()),
    );
    assert.deepEqual(marks, ['Vinod Khosla'], 'namesakes, scents and explainable AI stay unmarked');
    assert.equal(scan.mentions, 1);
    await hover(page, 'Vinod Khosla');
    await waitForDialog(page, 'Vinod Khosla');
    await page.close();
  });
});
