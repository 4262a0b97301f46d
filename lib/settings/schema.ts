/**
 * The reader's settings: the schema (the one source of their types), the defaults, and the
 * validation every read goes through. A corrupted value costs only itself: an invalid list entry
 * is dropped alone, an invalid field falls back to its default alone, and each is reported.
 *
 * This module is in the content script's bundle: keep it small and free of `browser.*`.
 */
import * as z from 'zod/mini';

const idEntry = z.string().check(z.minLength(1), z.maxLength(200));

/** A site pattern: a host name (`example.com`) or a wildcard for its subdomains (`*.example.com`). */
export const SitePatternSchema = z
  .string()
  .check(z.regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/), z.maxLength(253));

/** A host name without wildcard (`news.example.com`), as stored in the site exceptions. */
export const SiteHostSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/), z.maxLength(253));

/** The list fields, each with the schema of one entry: lists are validated entry by entry. */
export const SettingsListEntries = {
  /** Sources the reader switched off; their positions disappear everywhere. */
  disabledSources: idEntry,
  /** Entities the reader switched off: neither highlighted nor carded. */
  disabledEntities: idEntry,
  /** Sites where the extension is off (host names or `*.` patterns). */
  disabledSites: SitePatternSchema,
  /** Hosts where the extension is on although a pattern in `disabledSites` covers them. */
  siteExceptions: SiteHostSchema,
};

/** The single-value fields. */
export const SettingsValueFields = {
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
  /** Whether the toolbar button shows the number of mentions on the page. */
  toolbarBadge: z.boolean(),
};

type ListName = keyof typeof SettingsListEntries;
const LIST_NAMES = Object.keys(SettingsListEntries) as ListName[];
const VALUE_NAMES = Object.keys(SettingsValueFields) as (keyof typeof SettingsValueFields)[];

// The whole-field schemas are marked pure so that bundles which only read settings (the
// content script) leave them out.
/** Each field's schema (lists as whole arrays), for places that validate strictly, like files. */
export const SettingsFields = {
  disabledSources: /* @__PURE__ */ z.array(idEntry),
  disabledEntities: /* @__PURE__ */ z.array(idEntry),
  disabledSites: /* @__PURE__ */ z.array(SitePatternSchema),
  siteExceptions: /* @__PURE__ */ z.array(SiteHostSchema),
  ...SettingsValueFields,
};

export const SettingsSchema = /* @__PURE__ */ z.object(SettingsFields);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;
/** The fields that are one value each (the options page's Behaviour section). */
export type BehaviourName = keyof typeof SettingsValueFields;

/** The defaults; also what a corrupted field falls back to. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSources: [],
  disabledEntities: [],
  disabledSites: [],
  siteExceptions: [],
  trigger: 'hover',
  modifierKey: 'Alt',
  dwellMs: 400,
  highlightStyle: 'underline',
  theme: 'system',
  toolbarBadge: true,
});

/**
 * Something in the stored settings that was invalid and left out: one entry of a list (`entry`
 * is what was found), or a whole field (no `entry`), which then has its default.
 */
export interface SettingsProblem {
  field: SettingName;
  entry?: unknown;
}

/** Validated settings, what was left out of them, and why the read failed when it did. */
export interface ReadSettings {
  settings: Settings;
  problems: SettingsProblem[];
  /** Set when storage could not be read at all: `settings` are then the defaults, for display only. */
  error?: string;
}

/** Whether a value is a plain object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return sanitizeSettings(undefined).settings;
}

/**
 * Validates a raw value field by field and lists entry by entry. Never throws. Missing fields
 * take their default silently; invalid entries and fields are dropped and listed in `problems`;
 * repeated list entries are kept once.
 */
export function sanitizeSettings(raw: unknown): ReadSettings {
  const isObject = isRecord(raw);
  const source: Record<string, unknown> = isObject ? raw : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingName, unknown>;
  const problems: SettingsProblem[] = [];
  for (const field of LIST_NAMES) {
    const value = source[field];
    const kept = new Set<string>();
    if (Array.isArray(value)) {
      for (const entry of value) {
        if (SettingsListEntries[field].safeParse(entry).success) kept.add(entry as string);
        else problems.push({ field, entry });
      }
    } else if (value !== undefined) problems.push({ field });
    settings[field] = [...kept];
  }
  for (const field of VALUE_NAMES) {
    if (!(field in source)) continue;
    const parsed = SettingsValueFields[field].safeParse(source[field]);
    if (parsed.success) settings[field] = parsed.data;
    else problems.push({ field });
  }
  if (raw != null && !isObject)
    for (const field of Object.keys(settings)) problems.push({ field: field as SettingName });
  return { settings: settings as Settings, problems };
}
