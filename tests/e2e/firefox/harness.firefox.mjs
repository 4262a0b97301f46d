// The Firefox suite's own checks can fail: a request from the background page or an extension
// page, and an error in one, are caught; the log and mutation classifiers count what they must.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EXTENSION_ORIGIN, errorInFirefoxLog, launchFirefox } from '../adapters/firefox.mjs';
import { foreignChanges, until } from '../shared.mjs';

describe('Firefox suite: what its invariants catch', () => {
  it('counts errors from pages, content scripts and extension pages, and not the browser’s own noise or warnings', () => {
    for (const line of [
      `JavaScript error: ${EXTENSION_ORIGIN}/content-scripts/content.js, line 3: TypeError: x is null`,
      `JavaScript error: ${EXTENSION_ORIGIN}/popup.html, line 2: Error: boom`,
      'JavaScript error: http://127.0.0.1:4000/card-page.html, line 1: Error: page',
      'console.error: "[factcards] card data unavailable:" (new Error("x"))',
    ])
      assert.equal(errorInFirefoxLog(line), line, line);
    for (const line of [
      'JavaScript warning: about:blank, line 1: Script terminated by timeout at:',
      'console.warn: "[factcards] could not start:"',
      'JavaScript error: resource://gre/modules/PrivateBrowsingUtils.sys.mjs, line 50: TypeError: x',
      'console.error: (new TypeError("can\'t access property \\"id\\", context is null", "chrome://remote/content/shared/NavigationManager.sys.mjs", 439))',
      'console.error: RSLoader: Failed to retrieve recipes from Remote Settings',
      'console.error: BackupService: NS_ERROR_FAILURE',
      'console.error: services.settings: ',
      'RenderCompositorSWGL failed mapping default framebuffer, no dt',
    ])
      assert.equal(errorInFirefoxLog(line), undefined, line);
  });

  it('allows one bare element added to <html> (and removed, and added again), nothing else', () => {
    const host = { type: 'added', tag: 'div', parent: 'html', node: 7, attributes: 0 };
    assert.deepEqual(foreignChanges([host, { type: 'removed', tag: 'div', node: 7 }, host]), []);
    const second = { ...host, node: 8 };
    assert.deepEqual(foreignChanges([host, second]), [second], 'a second element');
    const marked = { ...host, attributes: 1 };
    assert.deepEqual(foreignChanges([marked]), [marked], 'an element with an attribute');
    const inBody = { ...host, parent: 'body' };
    assert.deepEqual(foreignChanges([inBody]), [inBody], 'an element in the body');
    const attribute = { type: 'attribute', tag: 'p', name: 'class', node: 2 };
    assert.deepEqual(foreignChanges([host, attribute]), [attribute], 'an attribute change');
    const text = { type: 'text', parent: 'p' };
    assert.deepEqual(foreignChanges([text]), [text], 'a text change');
  });

  describe('in a real Firefox', () => {
    let kit;
    before(async () => {
      kit = await launchFirefox();
    });
    after(async () => {
      await kit?.close();
    });

    it('sees a request and an error from the background page and from an extension page', async () => {
      assert.deepEqual(kit.externalRequests(), [], 'nothing before the probe');
      assert.deepEqual(kit.errors, [], 'no error before the probe');
      await kit.inExtension(async () => {
        await fetch('http://example.invalid/from-extension-page').catch(() => undefined);
        const background = await browser.runtime.getBackgroundPage();
        await background.fetch('https://example.invalid/from-background').catch(() => undefined);
        background.console.error('probe: console error in the background page');
        setTimeout(() => {
          throw new Error('probe: uncaught in an extension page');
        });
      });
      const requests = await until(() => {
        const seen = kit.externalRequests();
        return seen.some((u) => u.includes('from-extension-page')) &&
          seen.some((u) => u.startsWith('https://example.invalid'))
          ? seen
          : null;
      }, 'both requests recorded');
      assert.ok(requests.length >= 2);
      const errors = await until(
        () => (kit.errors.length >= 2 ? kit.errors : null),
        'both errors recorded',
      );
      assert.ok(errors.some((e) => e.includes('console error in the background page')));
      assert.ok(errors.some((e) => e.includes('uncaught in an extension page')));
    });
  });
});
