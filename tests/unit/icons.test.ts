// The committed icons: one PNG per size the stores and toolbars use, rendered with a transparent
// background (npm run icons, from scripts/icon.svg). The built manifests and zips are checked by
// scripts/check-packages.mjs, which needs a build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ICONS = { icon: [16, 32, 48, 96, 128], 'icon-off': [16, 32] } as const;

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA bytes, row by row (only for 8-bit RGBA, non-interlaced). */
  pixels?: Uint8Array;
}

/** Reads a PNG's IHDR and, for 8-bit RGBA, its pixels (the five PNG row filters undone). */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const png: Png = {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24]!,
    colorType: bytes[25]!,
  };
  if (png.bitDepth !== 8 || png.colorType !== 6 || bytes[28] !== 0) return png;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = png.width * 4;
  const out = new Uint8Array(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, paeth()][filter];
      if (predictor === undefined) throw new Error(`bad PNG row filter ${filter}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  png.pixels = out;
  return png;
}

const alphaAt = (png: Png, x: number, y: number) => png.pixels![(y * png.width + x) * 4 + 3];

describe('icons', () => {
  for (const [folder, sizes] of Object.entries(ICONS))
    for (const size of sizes)
      it(`public/${folder}/${size}.png is a ${size}×${size} RGBA PNG on a transparent background`, () => {
        const path = resolve(ROOT, 'public', folder, `${size}.png`);
        expect(existsSync(path), `${path} is missing: run npm run icons`).toBe(true);
        const png = readPng(readFileSync(path));
        expect([png.width, png.height]).toEqual([size, size]);
        expect([png.bitDepth, png.colorType]).toEqual([8, 6]);
        // The rounded tile leaves the corners clear (bar a trace of anti-aliasing at 16 px) and
        // fills the middle; an opaque background would make the corners 255.
        expect(alphaAt(png, 0, 0)).toBeLessThan(32);
        expect(alphaAt(png, size - 1, size - 1)).toBeLessThan(32);
        expect(alphaAt(png, size >> 1, size >> 1)).toBe(255);
      });

  it('the on and off icons differ, so the toolbar shows the state', () => {
    for (const size of ICONS['icon-off']) {
      const on = readPng(readFileSync(resolve(ROOT, 'public/icon', `${size}.png`)));
      const off = readPng(readFileSync(resolve(ROOT, 'public/icon-off', `${size}.png`)));
      const differing = on.pixels!.filter((v, i) => Math.abs(v - off.pixels![i]!) > 32).length;
      expect(differing / on.pixels!.length).toBeGreaterThan(0.2);
    }
  });

  it('public/ holds only the rendered icons, and the drawing and its script are in the repo', () => {
    for (const [folder, sizes] of Object.entries(ICONS))
      expect(readdirSync(resolve(ROOT, 'public', folder)).sort()).toEqual(
        sizes.map((s) => `${s}.png`).sort(),
      );
    expect(readdirSync(resolve(ROOT, 'public')).sort()).toEqual(Object.keys(ICONS).sort());
    expect(readFileSync(resolve(ROOT, 'scripts/icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox=/);
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.icons).toBe('node scripts/icons.mjs');
  });
});
