/**
 * The reader's settings: one typed, versioned item in extension storage, validated field by
 * field on every read so a corrupted value costs that field only, never the page.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

const idList = () => z.array(z.string().check(z.minLength(1), z.maxLength(200)));

/** A site pattern: a host name (`example.com`) or a wildcard for its subdomains (`*.example.com`). */
export const SitePatternSchema = z
  .string()
  .check(z.regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/), z.maxLength(253));

/** Each field's schema; a field that fails its schema falls back to its default alone. */
export const SettingsFields = {
  /** Sources the reader switched off; their positions disappear everywhere. */
  disabledSources: idList(),
  /** Entities the reader switched off: neither highlighted nor carded. */
  disabledEntities: idList(),
  /** Sites where the extension is off (host names or `*.` patterns). */
  disabledSites: z.array(SitePatternSchema),
  /** What opens a card: resting the pointer, a click, or resting while holding `modifierKey`. */
  trigger: z.enum(['hover', 'click', 'modifier']),
  /** The key held for the `modifier` trigger. */
  modifierKey: z.enum(['Alt', 'Shift', 'Control', 'Meta']),
  /** How long the pointer rests on a mention before the card opens, in ms. */
  dwellMs: z.int().check(z.gte(100), z.lte(2000)),
  /** How mentions are marked on the page. */
  highlightStyle: z.enum(['underline', 'background', 'none']),
  /** Colour scheme of the card and pages; `system` follows `prefers-color-scheme`. */
  theme: z.enum(['system', 'light', 'dark']),
};

export const SettingsSchema = z.object(SettingsFields);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

/** The defaults; also what a corrupted field falls back to. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSources: [],
  disabledEntities: [],
  disabledSites: [],
  trigger: 'hover',
  modifierKey: 'Alt',
  dwellMs: 400,
  highlightStyle: 'underline',
  theme: 'system',
});

/** The current version of the stored item. v1 (the first release) held only `{ sources: {id: enabled} }`. */
export const SETTINGS_VERSION = 2;

/** A settings value plus the fields that were invalid and replaced by their defaults. */
export interface ReadSettings {
  settings: Settings;
  problems: SettingName[];
}

/**
 * Validates a raw stored value field by field. Never throws: a non-object yields the defaults,
 * and each invalid field is replaced by its default and reported in `problems`.
 */
export function sanitizeSettings(raw: unknown): ReadSettings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingName, unknown>;
  const problems: SettingName[] = [];
  for (const name of Object.keys(SettingsFields) as SettingName[]) {
    if (!(name in source)) continue;
    const parsed = SettingsFields[name].safeParse(source[name]);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push(name);
  }
  if (raw != null && (typeof raw !== 'object' || Array.isArray(raw)))
    problems.push(...(Object.keys(SettingsFields) as SettingName[]));
  return { settings: settings as Settings, problems: [...new Set(problems)] };
}

/** v1 → v2: the enabled-map of the first release becomes the `disabledSources` list. */
export function migrateSettingsV1(old: unknown): Settings {
  const sources =
    old && typeof old === 'object' ? (old as { sources?: unknown }).sources : undefined;
  const disabledSources =
    sources && typeof sources === 'object'
      ? Object.entries(sources as Record<string, unknown>)
          .filter(([, enabled]) => enabled === false)
          .map(([id]) => id)
      : [];
  return sanitizeSettings({ ...DEFAULT_SETTINGS, disabledSources }).settings;
}

/** The key WXT's `local:settings` item uses in `storage.local`. */
export const SETTINGS_KEY = 'settings';

/**
 * Reads and validates the settings straight from `storage.local`: content scripts use this
 * (and not the WXT storage wrapper) to keep their bundle small. Never throws.
 */
export async function readSettings(): Promise<ReadSettings> {
  try {
    const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    return raw == null
      ? { settings: { ...DEFAULT_SETTINGS }, problems: [] }
      : sanitizeSettings(raw);
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  }
}

/** Calls `onChange` with validated settings whenever they change, in any context. */
export function watchSettings(onChange: (read: ReadSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      const raw = changes[SETTINGS_KEY]?.newValue;
      onChange(
        raw == null ? { settings: { ...DEFAULT_SETTINGS }, problems: [] } : sanitizeSettings(raw),
      );
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether a host name is covered by one of the disabled-site patterns. */
export function isSiteDisabled(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return patterns.some((pattern) => {
    if (pattern.startsWith('*.')) {
      const base = pattern.slice(2);
      return host === base || host.endsWith(`.${base}`);
    }
    return host === pattern.replace(/^www\./, '');
  });
}

/** The site pattern the popup stores for a page's host name. */
export function sitePatternFor(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}
