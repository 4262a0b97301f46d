// `npm start`'s main job: Chromium opens on the demo article with the extension loaded, and
// hovering "Elon Musk" shows its card with data from IndexedDB. Run headless through DevTools.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, hover, waitForDialog, waitForHighlights } from './kit.mjs';

describe('npm start', () => {
  let child;
  let browser;
  before(async () => {
    const port = 9300 + Math.floor(Math.random() * 500);
    child = spawn('node', ['scripts/start.mjs', '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, FACTCARDS_START_HEADLESS: '1', FACTCARDS_DEBUG_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 20000;
    for (;;) {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        break;
      } catch (error) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`Chromium did not come up: ${error.message}\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    child?.kill('SIGTERM');
  });

  it('opens the demo article with the extension, and hovering Elon Musk shows his card', async () => {
    const context = browser.contexts()[0];
    const deadline = Date.now() + 10000;
    let page;
    while (
      !(page = context.pages().find((p) => p.url().endsWith('/demo-article.html'))) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 200));
    assert.ok(page, 'the demo article is open');
    // npm start opens the store build, which records no timing marks: wait for the highlights.
    await waitForHighlights(page, (texts) => texts.includes('Elon Musk'));
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk', { timeout: 6000 });
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    assert.ok(worker, 'the extension is loaded');
  });
});
