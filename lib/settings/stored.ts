/**
 * The settings as they sit in `storage.local`, and the one place that knows older versions.
 *
 * - Version 1 (the first release) stored `{ sources: { <source id>: <enabled> } }`.
 * - Version 2 stores the {@link Settings} object (fields added since are optional: a missing
 *   field takes its default).
 *
 * Every reader (content scripts, pages, the background) and the writer turn what they read into
 * current settings with {@link fromStored}, so a v1 value reads the same wherever it is read,
 * whether or not the stored item was upgraded yet.
 */
import { isRecord, sanitizeSettings, type ReadSettings } from './schema';

/** The key of the settings item in `storage.local` (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';
/** The key of its version meta (`{ v: <version> }`), as WXT names it. */
export const SETTINGS_META_KEY = `${SETTINGS_KEY}$`;
/** The current version of the stored item. */
export const SETTINGS_VERSION = 2;

/** The version a meta value records; undefined when there is none. */
export function storedVersion(meta: unknown): number | undefined {
  const v = isRecord(meta) ? meta.v : undefined;
  return typeof v === 'number' ? v : undefined;
}

/**
 * v1 → current: the enabled-map becomes `disabledSources`. Any current field already next to it
 * (a value half-written by hand or by a test) is kept, sites included, not dropped.
 */
export function migrateV1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { sources, ...rest } = old;
  const off = isRecord(sources) ? Object.keys(sources).filter((id) => sources[id] === false) : [];
  const listed = Array.isArray(rest.disabledSources) ? rest.disabledSources : [];
  return { ...rest, disabledSources: [...listed, ...off] };
}

/**
 * A stored value and its version, as validated current settings. A value without a version is
 * v1 if it has the v1 `sources` map, else current. A newer version is read as this one (field by
 * field), so a downgrade keeps what this version understands.
 */
export function fromStored(raw: unknown, version: number | undefined): ReadSettings {
  const v1 = version === 1 || (version === undefined && isRecord(raw) && 'sources' in raw);
  return sanitizeSettings(v1 ? migrateV1(raw) : raw);
}
