/**
 * The one way every context reads the settings: content scripts, extension pages and the
 * background alike. Straight from `storage.local` (the WXT storage wrapper would cost the
 * content script's bundle more than all of this), validated and brought to the current version
 * by `fromStored`.
 */
import { browser } from 'wxt/browser';
import { defaultSettings, type ReadSettings } from './schema';
import { fromStored, SETTINGS_KEY, SETTINGS_META_KEY, storedVersion } from './stored';

/**
 * Reads and validates the stored settings. Never throws: when storage cannot be read, the
 * defaults come back with `error` set. They are for display only; nothing writes them back,
 * since every change reads the stored value again (./writer).
 */
export async function readSettings(): Promise<ReadSettings> {
  try {
    const got = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]);
    return fromStored(got[SETTINGS_KEY], storedVersion(got[SETTINGS_META_KEY]));
  } catch (error) {
    return { settings: defaultSettings(), problems: [], error: String(error) };
  }
}

/** Calls `onChange` with the validated settings whenever they change, in any context. */
export function watchSettings(onChange: (read: ReadSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      onChange(fromStored(changes[SETTINGS_KEY]?.newValue, undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
