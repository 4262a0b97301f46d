/**
 * The settings as a WXT storage item (typed, versioned, migrated), for the background and
 * extension pages. Content scripts read the same key through `readSettings` in ./settings.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateSettingsV1, sanitizeSettings, SETTINGS_KEY, SETTINGS_VERSION, type ReadSettings, type Settings } from './settings';

let item: WxtStorageItem<unknown, Record<string, unknown>> | undefined;

/**
 * The storage item, defined lazily: defining it starts migrations, which call `browser.*`,
 * and WXT imports entrypoints at build time.
 */
export function settingsItem(): WxtStorageItem<unknown, Record<string, unknown>> {
  item ??= storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 2: migrateSettingsV1 },
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
export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = sanitizeSettings({ ...settings, ...change(settings) }).settings;
  await settingsItem().setValue(next);
  return next;
}


