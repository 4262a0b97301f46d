/**
 * The settings as a WXT storage item (typed, versioned, migrated), for the background and
 * extension pages. Content scripts read the same key through `readSettings` in ./settings.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  migrateSettingsV1,
  sanitizeSettings,
  SettingsFields,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type ReadSettings,
  type Settings,
} from './settings';

/**
 * The v1 → v2 migration WXT runs when the stored item has no version meta or `v: 1`.
 * A value written without meta (by hand, by a test, by code that wrote `storage.local` directly)
 * may already be v2: migrating it as v1 would wipe every setting, so a value that carries v2
 * fields and no v1 `sources` map is kept as it is (every read validates it, field by field).
 */
export function migrateStoredToV2(old: unknown): unknown {
  if (old && typeof old === 'object' && !Array.isArray(old)) {
    const keys = Object.keys(old);
    const looksV1 = keys.includes('sources');
    const looksV2 = keys.some((k) => k in SettingsFields);
    if (looksV2 && !looksV1) return old;
  }
  return migrateSettingsV1(old);
}

let item: WxtStorageItem<unknown, Record<string, unknown>> | undefined;

/**
 * The storage item, defined lazily: defining it starts migrations, which call `browser.*`,
 * and WXT imports entrypoints at build time.
 */
export function settingsItem(): WxtStorageItem<unknown, Record<string, unknown>> {
  item ??= storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 2: migrateStoredToV2 },
  });
  return item;
}

/** Reads and validates the settings, after any pending migration of the stored item. */
export async function loadSettings(): Promise<ReadSettings> {
  try {
    return sanitizeSettings(await settingsItem().getValue());
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  }
}

/** Applies a change to the current (validated) settings and stores the result. */
export async function updateSettings(
  change: (current: Settings) => Partial<Settings>,
): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = sanitizeSettings({ ...settings, ...change(settings) }).settings;
  await settingsItem().setValue(next);
  return next;
}

/** Replaces the stored settings with `next` (validated field by field first); returns what was stored. */
export async function replaceSettings(next: Settings): Promise<Settings> {
  const clean = sanitizeSettings(next).settings;
  await settingsItem().setValue(clean);
  return clean;
}

/** Stores the defaults ("Reset to defaults"). */
export async function resetSettings(): Promise<Settings> {
  return replaceSettings({ ...DEFAULT_SETTINGS });
}
