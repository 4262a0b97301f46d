// The toolbar screenshot (docs/toolbar*.png), taken by `npm run screenshots` inside xvfb-run:
// headed Chromium (headless draws no toolbar) with the store build pinned to the toolbar, on the
// demo article, read from Xvfb's screen file (`-fbdir`), so no capture tool is needed.
// Usage (under xvfb-run -s "-screen 0 1280x800x24 -fbdir DIR"):
//   node scripts/toolbar-screenshot.mjs DIR OUT.png [--dark]
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium, NO_CHROMIUM, serveFolder } from './chromium.mjs';
import { encodePng } from './png.mjs';
import { crop, readXwd, xwdSize } from './xwd.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = resolve(ROOT, '.output/chrome-mv3');
/** The part of the window kept: the toolbar's right end (the icon) and the article's opening. */
const KEEP = { x: 280, y: 0, width: 1000, height: 400 };

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its absolute
 * path, each hex digit written as a letter from a to p.
 */
function unpackedExtensionId(path) {
  return Array.from(createHash('sha256').update(path).digest('hex').slice(0, 32), (digit) =>
    String.fromCharCode(97 + parseInt(digit, 16)),
  ).join('');
}

const [fbdir, out] = process.argv.slice(2);
const dark = process.argv.includes('--dark');
if (!fbdir || !out || !process.env.DISPLAY) {
  console.error('Run this through npm run screenshots (it needs xvfb-run and its -fbdir folder).');
  process.exit(2);
}
// The window fills the virtual screen, whose size the screen file's header gives.
const screenFile = join(fbdir, 'Xvfb_screen0');
const SCREEN = xwdSize(readFileSync(screenFile));
const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

// A new profile where the extension is already pinned, as a user would pin it: Chromium puts
// an extension's button in the extensions menu until then.
const profile = mkdtempSync(join(tmpdir(), 'factcards-toolbar-'));
mkdirSync(join(profile, 'Default'));
writeFileSync(
  join(profile, 'Default/Preferences'),
  JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(EXTENSION)] } }),
);
const server = await serveFolder(resolve(ROOT, 'tests/fixtures'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  colorScheme: dark ? 'dark' : 'light',
  args: [
    ...extensionArgs(EXTENSION),
    '--no-sandbox',
    // No "unsupported command-line flag" bar over the page.
    '--test-type',
    '--window-position=0,0',
    `--window-size=${SCREEN.width},${SCREEN.height}`,
    ...(dark ? ['--force-dark-mode'] : []),
  ],
});
try {
  // The extension is loaded once its service worker runs; its id says whether the pin applies.
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const id = new URL(worker.url()).host;
  if (id !== unpackedExtensionId(EXTENSION))
    throw new Error(`the extension loaded as ${id}, not the pinned id: its button would be hidden`);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url('demo-article.html'));
  // The store build records no timing marks: the highlights say the content script is done.
  await page.waitForFunction(
    () => (CSS.highlights.get('factcards-mention')?.size ?? 0) >= 4,
    null,
    {
      timeout: 15000,
    },
  );
  // Take keyboard focus from the address bar (which selects the address), in the page's margin.
  await page.mouse.click(8, 300);
  await page.mouse.move(SCREEN.width - 2, SCREEN.height - 2);
  await page.waitForTimeout(1500);
  const screen = readXwd(readFileSync(screenFile));
  const image = crop(screen, KEEP);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, encodePng(image.width, image.height, image.rgba));
  console.log(`wrote ${out} (${image.width}×${image.height}, ${dark ? 'dark' : 'light'} toolbar)`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
