/**
 * Settings as a file: export to a versioned JSON envelope, and read one back, refusing anything
 * malformed or foreign with a message that says what is wrong. Pure: text in, result out; the
 * caller previews the result and applies it as one change (./preview, ./ops), so a refused
 * file never touches the current settings.
 *
 * The envelope: `{ "format": "factcards-settings", "version": 3, "exportedAt": "…", "settings": {…} }`.
 * - Version 3 holds every field.
 * - Version 2 files lack `siteExceptions` and `toolbarBadge`.
 * - Version 1 files (the first release) hold `{ sources: { <id>: <enabled> } }` only.
 *
 * A file sets only the fields it holds: importing an older file keeps the reader's other
 * settings (their sites, for one) instead of emptying them.
 */
import * as z from 'zod/mini';
import { SettingsFields, type SettingName, type Settings } from './schema';
import { migrateV1 } from './stored';

/** The `format` every settings file carries. */
export const SETTINGS_FILE_FORMAT = 'factcards-settings';

/** The version of the files this version writes. */
export const SETTINGS_FILE_VERSION = 3;

/** A settings file is a few kB; anything far larger is not one. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

const exportedAt = z.optional(z.string().check(z.maxLength(64)));
const envelope = <T extends z.core.SomeType>(version: number, settings: T) =>
  z.object({
    format: z.literal(SETTINGS_FILE_FORMAT),
    version: z.literal(version),
    exportedAt,
    settings,
  });

const { siteExceptions: _exceptions, toolbarBadge: _badge, ...V2_FIELDS } = SettingsFields;

/** Each version's envelope, every field it holds present and valid, no unknown key. */
const FILE_SCHEMAS = {
  1: envelope(
    1,
    z.strictObject({
      sources: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.boolean()),
    }),
  ),
  2: envelope(2, z.strictObject(V2_FIELDS)),
  3: envelope(3, z.strictObject(SettingsFields)),
} as const;

/** Ids the current dataset knows, to point out ids in a file that match nothing here. */
export interface KnownIds {
  sourceIds: readonly string[];
  entityIds: readonly string[];
}

/** The outcome of reading a settings file. */
export type SettingsFileResult =
  | {
      ok: true;
      /** The fields the file sets (every field for a current file). */
      settings: Partial<Settings>;
      /** The file's format version. */
      fromVersion: number;
      /** Things worth telling the reader that did not stop the import. */
      notes: string[];
    }
  | {
      ok: false;
      /** One sentence: why the file was refused. */
      error: string;
      /** One line per problem, `path: what is wrong`. */
      details: string[];
    };

/** The file name and text of an export. */
export interface SettingsFile {
  filename: string;
  text: string;
}

/** Builds the export file for `settings` (pretty-printed, named by date). */
export function exportSettingsFile(settings: Settings, now: Date = new Date()): SettingsFile {
  const file = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings,
  };
  return {
    filename: `factcards-settings-${now.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * One `path: problem` line per zod issue, saying what was found: a missing field, a number out
 * of range, a value not among the allowed ones, an unknown key.
 */
export function explainIssues(error: z.core.$ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path =
      issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '(root)';
    if (issue.code === 'unrecognized_keys')
      return `${path}: unknown key(s) ${issue.keys.join(', ')}`;
    const parent = valueAt(input, issue.path.slice(0, -1));
    const key = issue.path[issue.path.length - 1];
    const present =
      key === undefined ||
      (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key));
    if (!present) return `${path}: missing`;
    const found = valueAt(input, issue.path);
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      const sized = issue.origin === 'string' || issue.origin === 'array';
      const what = sized ? 'length' : 'value';
      const actual = sized ? (found as { length?: number } | undefined)?.length : found;
      return `${path}: ${what} must be ${small ? 'at least' : 'at most'} ${String(bound)}, found ${shown(actual)}`;
    }
    const detail =
      issue.code === 'invalid_type'
        ? `expected ${issue.expected}`
        : issue.code === 'invalid_value'
          ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : issue.code.replaceAll('_', ' ');
    return `${path}: ${detail}, found ${shown(found)}`;
  });
}

function refuse(error: string, details: string[] = []): SettingsFileResult {
  return { ok: false, error, details };
}

const unique = (list: readonly string[]) => [...new Set(list)];

/**
 * Reads a settings file's text. Never throws. Refuses (with the reason and a line per problem)
 * anything that is not JSON, not a Fact Cards settings envelope, from a newer version, or whose
 * settings fail validation; nothing is partially accepted.
 */
export function parseSettingsFile(text: string, known?: KnownIds): SettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return refuse(
      `The file is too large to be a settings file (${Math.round(text.length / 1024)} kB; a settings file is a few kB).`,
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return refuse('The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return refuse('The file is not valid JSON.', [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return refuse(
      `This is not a Fact Cards settings file: it holds ${Array.isArray(raw) ? 'a list' : `a ${raw === null ? 'null' : typeof raw}`}, not an object with "format": "${SETTINGS_FILE_FORMAT}".`,
    );
  }
  const file = raw as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_FORMAT) {
    return refuse(
      `This is not a Fact Cards settings file: ${'format' in file ? `its "format" is ${shown(file.format)}` : 'it has no "format"'}, expected "${SETTINGS_FILE_FORMAT}".`,
    );
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      `The file's "version" is ${'version' in file ? shown(version) : 'missing'}; expected a whole number from 1 to ${SETTINGS_FILE_VERSION}.`,
    );
  }
  if (version > SETTINGS_FILE_VERSION) {
    return refuse(
      `The file was written by a newer version of Fact Cards (settings version ${version}); this one reads versions 1 to ${SETTINGS_FILE_VERSION}. Update the extension, then import it again.`,
    );
  }

  const parsed = FILE_SCHEMAS[version as keyof typeof FILE_SCHEMAS].safeParse(raw);
  if (!parsed.success) {
    return refuse(
      `The settings in the file are invalid${version < SETTINGS_FILE_VERSION ? ` (version ${version})` : ''}.`,
      explainIssues(parsed.error, raw),
    );
  }
  const held = (
    version === 1
      ? (migrateV1(parsed.data.settings) as Pick<Settings, 'disabledSources'>)
      : parsed.data.settings
  ) as Partial<Settings>;
  const settings: Partial<Settings> = { ...held };
  for (const name of [
    'disabledSources',
    'disabledEntities',
    'disabledSites',
    'siteExceptions',
  ] as const) {
    const list = held[name];
    if (list) settings[name] = unique(list);
  }

  const notes: string[] = [];
  if (version < SETTINGS_FILE_VERSION)
    notes.push(
      `Upgraded from settings version ${version}: the settings this file does not hold keep their current values.`,
    );
  if (known) {
    const unknownSources = (settings.disabledSources ?? []).filter(
      (id) => !known.sourceIds.includes(id),
    );
    const unknownEntities = (settings.disabledEntities ?? []).filter(
      (id) => !known.entityIds.includes(id),
    );
    if (unknownSources.length > 0)
      notes.push(
        `Source ids not in this dataset (kept, they have no effect): ${unknownSources.join(', ')}.`,
      );
    if (unknownEntities.length > 0)
      notes.push(
        `Entity ids not in this dataset (kept, they have no effect): ${unknownEntities.join(', ')}.`,
      );
  }
  return { ok: true, settings, fromVersion: version, notes };
}

/** The fields a file result sets, in schema order. */
export function fieldsHeld(settings: Partial<Settings>): SettingName[] {
  return (Object.keys(SettingsFields) as SettingName[]).filter((name) => name in settings);
}
