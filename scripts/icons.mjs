// `npm run icons`: renders the one source drawing, scripts/icon.svg, to the PNGs the manifests
// name: public/icon/<size>.png (WXT finds them by name) and, for the toolbar when Fact Cards is
// off for the site, public/icon-off/<size>.png. Chromium draws them (playwright-core, already a
// dev dependency), so no image library with platform binaries is needed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');

/** The source drawing. It lives outside public/ because everything in public/ ships. */
export const ICON_SOURCE = resolve(ROOT, 'scripts/icon.svg');

/** The sizes of the extension icon (manifest `icons`): toolbar 16/32, menus 48, stores 96/128. */
export const ICON_SIZES = [16, 32, 48, 96, 128];

/** The sizes of the "off for this site" toolbar icon (`action.setIcon`): 1× and 2× toolbars. */
export const OFF_ICON_SIZES = [16, 32];

/**
 * Where an icon lives, relative to the package root (and to `public/`'s copy in the build:
 * `/icon/16.png`, `/icon-off/16.png`).
 * @param {'on' | 'off'} variant
 * @param {number} size
 */
export function iconFile(variant, size) {
  return `${variant === 'off' ? 'icon-off' : 'icon'}/${size}.png`;
}

/** Every icon the script writes, as `{ variant, size, file }` (file relative to public/). */
export function allIcons() {
  return [
    ...ICON_SIZES.map((size) => ({ variant: 'on', size, file: iconFile('on', size) })),
    ...OFF_ICON_SIZES.map((size) => ({ variant: 'off', size, file: iconFile('off', size) })),
  ];
}

/**
 * Renders the drawing at `size` px on a transparent background and returns the PNG bytes.
 * The "off" variant is the same drawing with the class `off` on its container, which the
 * drawing's own stylesheet greys out and strikes through.
 * @param {import('playwright-core').Page} page
 * @param {string} svg the drawing's source text
 * @param {number} size
 * @param {'on' | 'off'} variant
 */
export async function renderIcon(page, svg, size, variant) {
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}` +
      `#icon svg{display:block;width:${size}px;height:${size}px}</style>` +
      `<div id="icon" class="${variant === 'off' ? 'off' : ''}">${svg}</div>`,
  );
  return page.screenshot({
    clip: { x: 0, y: 0, width: size, height: size },
    omitBackground: true,
  });
}

/**
 * Launches headless Chromium and runs `use(page)` with a page at device scale 1.
 * @template T
 * @param {(page: import('playwright-core').Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withRenderer(use) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Rendering the icons needs Chromium.\n${NO_CHROMIUM}`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    return await use(page);
  } finally {
    await browser.close();
  }
}

/**
 * Renders every icon into `outDir` (public/ by default). Returns the files written.
 * @param {{ outDir?: string, source?: string }} [options]
 */
export async function renderAllIcons({
  outDir = resolve(ROOT, 'public'),
  source = ICON_SOURCE,
} = {}) {
  const svg = readFileSync(source, 'utf8');
  return withRenderer(async (page) => {
    const written = [];
    for (const { variant, size, file } of allIcons()) {
      const path = resolve(outDir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await renderIcon(page, svg, size, variant));
      written.push(path);
    }
    return written;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const written = await renderAllIcons();
    for (const path of written) console.log(`wrote ${relative(ROOT, path)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
