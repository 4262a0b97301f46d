// The committed icons are the drawing's current rendering: each PNG in public/ matches what
// `npm run icons` renders from scripts/icon.svg now. Compared pixel by pixel with a tolerance,
// since another Chromium may anti-alias an edge a little differently.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ICON_SOURCE, allIcons, renderIcon, withRenderer } from '../../scripts/icons.mjs';
import { ROOT } from './kit.mjs';

/** Per-pixel comparison of two PNGs of one size, in the page (canvas). */
function compare(page, a, b) {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return {
          size: [image.width, image.height],
          data: context.getImageData(0, 0, image.width, image.height).data,
        };
      };
      const [x, y] = [await pixels(a), await pixels(b)];
      if (x.size.join() !== y.size.join()) return { size: [x.size, y.size] };
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const delta = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(x.data[i + c] - y.data[i + c])));
        if (delta > 24) differing++;
      }
      return { differing: differing / (x.data.length / 4) };
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

describe('icons', () => {
  it('public/ holds the current rendering of scripts/icon.svg (run npm run icons after editing it)', async () => {
    const svg = readFileSync(ICON_SOURCE, 'utf8');
    const stale = await withRenderer(async (page) => {
      const found = [];
      for (const { variant, size, file } of allIcons()) {
        const committed = readFileSync(resolve(ROOT, 'public', file));
        const rendered = await renderIcon(page, svg, size, variant);
        await page.setContent('<!doctype html>');
        const result = await compare(page, committed, rendered);
        if (result.size || result.differing > 0.02)
          found.push(`${file}: ${JSON.stringify(result)}`);
      }
      return found;
    });
    assert.deepEqual(stale, [], 'the committed icons differ from the drawing');
  });
});
