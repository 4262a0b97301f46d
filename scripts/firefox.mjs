// Finding Firefox, the Firefox build folders and the store zip: shared by `npm start -- --firefox`,
// `npm test` (scripts/test-firefox.mjs) and the Firefox e2e adapter (tests/e2e/adapters/firefox.mjs).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Where Firefox is looked for, in order. */
export const FIREFOX_CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
].filter(Boolean);

/** The first Firefox that exists, or undefined. */
export function findFirefox() {
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

/** The message printed when no Firefox is found. */
export const NO_FIREFOX = `No Firefox found (looked at: ${FIREFOX_CANDIDATES.join(', ')}).
Install it, then run the command again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y firefox-esr
or point FIREFOX_PATH at a Firefox binary (153 or newer, the manifest's strict_min_version):
  FIREFOX_PATH=/path/to/firefox npm run test:firefox`;

/** The Firefox store build (`npm run build:firefox`). */
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv2');

/** The store zip `npm run zip` writes for Firefox (`wxt zip -b firefox`). */
export function firefoxZipPath() {
  const { name, version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  return resolve(ROOT, `.output/${name}-${version}-firefox.zip`);
}

/** The add-on id (`browser_specific_settings.gecko.id`) of an unpacked Firefox build. */
export function geckoId(extensionDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id`);
  return id;
}

/**
 * The `moz-extension://` host is random per profile; this pref, set before the install, pins it
 * so tests and `npm start` know the extension's pages' addresses.
 */
export const EXTENSION_UUID = '6b1c3d2e-0f4a-4c1b-9a77-2d5e8f3a1b90';

/** Prefs for every Firefox we start: the pinned extension host, and nothing phoning home. */
export function firefoxPrefs(extensionDir) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: EXTENSION_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  };
}

/**
 * Unpacks a zip into a fresh folder (the store package as a reviewer or the browser sees it).
 * jszip is pure JavaScript: no `unzip` binary needed.
 */
export async function unpackZip(zipFile, intoDir) {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  rmSync(intoDir, { recursive: true, force: true });
  for (const entry of Object.values(zip.files)) {
    const target = resolve(intoDir, entry.name);
    if (!target.startsWith(resolve(intoDir))) throw new Error(`unsafe path in zip: ${entry.name}`);
    if (entry.dir) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return intoDir;
}
