// The Chrome package we would upload, installed as the store would install it: the zip from
// `npm run zip`, unpacked, loaded into Chromium, then used on the demo article with the real mouse.
// (scripts/check-packages.mjs checks the zips' contents; this checks that the zip runs.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unpackZip } from '../../scripts/zip.mjs';
import {
  ROOT,
  assertPageInvariants,
  hover,
  launch,
  recordMutations,
  tabIdFor,
  waitForDialog,
  waitForHighlights,
} from './kit.mjs';

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const CHROME_ZIP = resolve(ROOT, '.output', `${pkg.name}-${pkg.version}-chrome.zip`);

describe('the Chrome zip', () => {
  let kit;
  let dir;
  before(async () => {
    // npm test zips before the real-browser tests; run alone, this test zips for itself.
    if (!existsSync(CHROME_ZIP)) {
      const env = { ...process.env };
      delete env.FACTCARDS_INSTRUMENTED;
      delete env.FACTCARDS_OUT_DIR;
      const zip = spawnSync('npx', ['wxt', 'zip'], { cwd: ROOT, env, encoding: 'utf8' });
      assert.equal(zip.status, 0, `wxt zip failed:\n${zip.stdout}\n${zip.stderr}`);
    }
    dir = unpackZip(CHROME_ZIP, mkdtempSync(join(tmpdir(), 'factcards-chrome-zip-')));
    kit = await launch({ extension: dir });
  });
  after(async () => {
    await kit?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs: the worker runs the zipped manifest, with its icons', async () => {
    const manifest = await kit.sw.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.version, pkg.version.replace(/-.*/, ''));
    assert.equal(manifest.action.default_icon['16'], 'icon/16.png');
    assert.ok(kit.sw.url().startsWith(`chrome-extension://${kit.extensionId}/`));
  });

  it('marks the demo article, and resting the mouse on Elon Musk opens his card', async () => {
    const page = await kit.context.newPage();
    await recordMutations(page);
    await page.goto(kit.server.url('demo-article.html'));
    // The store build records no User Timing entries: the highlights are the ready signal.
    const texts = await waitForHighlights(page, (t) =>
      ['Yann LeCun', 'Elon Musk', 'xAI', 'Vinod Khosla'].every((name) => t.includes(name)),
    );
    assert.ok(texts.length >= 4, `highlights: ${JSON.stringify(texts)}`);
    await hover(page, 'Elon Musk');
    await waitForDialog(page, 'Elon Musk', { timeout: 6000 });
    const marks = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.name.startsWith('factcards'))
        .map((e) => e.name),
    );
    assert.deepEqual(marks, [], 'the store package records no User Timing entries');
    await assertPageInvariants(assert, kit, page);
    await page.close();
  });

  it('the toolbar can show the "off for this site" icon the zip carries', async () => {
    const page = await kit.context.newPage();
    await page.goto(kit.server.url('demo-article.html'));
    const tabId = await tabIdFor(kit.sw, page);
    assert.equal(typeof tabId, 'number');
    // setIcon rejects when an image is missing or does not decode.
    const result = await kit.sw.evaluate(async (tabId) => {
      try {
        await chrome.action.setIcon({
          tabId,
          path: { 16: '/icon-off/16.png', 32: '/icon-off/32.png' },
        });
        await chrome.action.setIcon({ tabId, path: { 16: '/icon/16.png', 32: '/icon/32.png' } });
      } catch (error) {
        return String(error);
      }
      try {
        await chrome.action.setIcon({ tabId, path: { 16: '/icon-off/missing.png' } });
        return 'a missing icon was accepted';
      } catch {
        return 'ok';
      }
    }, tabId);
    assert.equal(result, 'ok');
    await page.close();
  });
});
