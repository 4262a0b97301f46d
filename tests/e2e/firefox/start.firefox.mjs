// `npm start -- --firefox`: Firefox opens on the demo article with the extension installed, and
// hovering "Elon Musk" shows his card. Run headless; the test drives that same Firefox over
// WebDriver BiDi (start.mjs leaves it free) and reads the card from the accessibility tree.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { dialogs, hover, waitForDialog, waitForHighlights } from '../adapters/firefox.mjs';
import { ROOT, until } from '../shared.mjs';

describe('npm start -- --firefox', () => {
  let child;
  let browser;
  let output = '';
  before(async () => {
    const port = 9800 + Math.floor(Math.random() * 500);
    child = spawn('node', ['scripts/start.mjs', '--firefox', '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, FACTCARDS_START_HEADLESS: '1', FACTCARDS_DEBUG_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 30000;
    for (;;) {
      try {
        browser = await puppeteer.connect({
          browserWSEndpoint: `ws://127.0.0.1:${port}/session`,
          protocol: 'webDriverBiDi',
        });
        break;
      } catch (error) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`Firefox did not come up: ${error.message}\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  });
  after(async () => {
    await browser?.disconnect().catch(() => undefined);
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });

  it('opens the demo article with the extension, and hovering Elon Musk shows his card', async () => {
    const page = await until(
      async () => (await browser.pages()).find((p) => p.url().endsWith('/demo-article.html')),
      'the demo article is open',
      10000,
    );
    // The store build records no timing marks: the highlights say the extension is there.
    // The first page after install waits for the background to write the matcher config.
    await waitForHighlights(page, (texts) => texts.includes('Elon Musk'), { timeout: 20000 });
    await hover(page, 'Elon Musk');
    const card = await waitForDialog(browser, page, 'Elon Musk', { timeout: 8000 });
    assert.match(card.text, /All \d+ positions/);
    assert.deepEqual(
      (await dialogs(browser, page)).map((d) => d.name),
      ['Elon Musk'],
    );
    assert.match(output, /Opening Firefox/);
  });

  it('without a display, says how to run it under xvfb-run instead of failing obscurely', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const result = spawnSync('node', ['scripts/start.mjs', '--firefox', '--no-build'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /No display to open Firefox on/);
    assert.match(result.stderr, /xvfb-run -a npm run start:firefox/);
  });
});
