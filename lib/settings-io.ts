/**
 * Settings as a file: export to a versioned JSON envelope, and import that refuses anything
 * malformed or foreign with a message that says what is wrong. Pure: text in, result out; the
 * caller decides what to store, so a refused file never touches the current settings.
 *
 * The envelope: `{ "format": "factcards-settings", "version": 2, "exportedAt": "…", "settings": {…} }`.
 * Version 1 files (the first release's `{ sources: { id: enabled } }`) are migrated on import.
 */
import * as z from 'zod/mini';
import { describeIssues } from './dataset/bundle';
import { migrateSettingsV1, SettingsFields, SETTINGS_VERSION, type Settings } from './settings';

/** The `format` every settings file carries. */
export const SETTINGS_FILE_FORMAT = 'factcards-settings';

/** A settings file is a few kB; anything far larger is not one. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

const exportedAt = z.optional(z.string().check(z.maxLength(64)));

/** Version 2: the settings item as stored, every field present and valid, no unknown key. */
const FileV2Schema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(2),
  exportedAt,
  settings: z.strictObject(SettingsFields),
});

/** Version 1: the first release's map of source ids to "enabled". */
const FileV1Schema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt,
  settings: z.strictObject({
    sources: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.boolean()),
  }),
});

/** Ids the current dataset knows, to point out ids in a file that match nothing here. */
export interface KnownIds {
  sourceIds: readonly string[];
  entityIds: readonly string[];
}

/** The outcome of reading a settings file. */
export type SettingsFileResult =
  | {
      ok: true;
      settings: Settings;
      /** The file's format version (1 files were migrated). */
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
  const envelope = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings,
  };
  return {
    filename: `factcards-settings-${now.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify(envelope, null, 2)}\n`,
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
 * `path: problem` lines for zod issues, from {@link describeIssues}, made more precise where the
 * issue alone says too little: a missing field, a number out of range, and the value found.
 */
export function explainIssues(error: z.core.$ZodError, input: unknown): string[] {
  const lines = describeIssues(error);
  return error.issues.map((issue, i) => {
    const line = lines[i] ?? issue.code;
    const path = line.slice(0, line.indexOf(': '));
    const found = valueAt(input, issue.path);
    const parentHasKey = (() => {
      const parent = valueAt(input, issue.path.slice(0, -1));
      const key = issue.path[issue.path.length - 1];
      return (
        key !== undefined &&
        parent !== null &&
        typeof parent === 'object' &&
        Object.hasOwn(parent, key)
      );
    })();
    if (issue.path.length > 0 && !parentHasKey && issue.code !== 'unrecognized_keys')
      return `${path}: missing`;
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const what = issue.origin === 'string' || issue.origin === 'array' ? 'length' : 'value';
      const limit = `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}`;
      return `${path}: ${what} must be ${limit}, found ${shown(issue.origin === 'string' || issue.origin === 'array' ? (found as { length?: number })?.length : found)}`;
    }
    if (issue.code === 'unrecognized_keys') return line;
    return `${line}, found ${shown(found)}`;
  });
}

function refuse(error: string, details: string[] = []): SettingsFileResult {
  return { ok: false, error, details };
}

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
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== SETTINGS_FILE_FORMAT) {
    return refuse(
      `This is not a Fact Cards settings file: ${'format' in envelope ? `its "format" is ${shown(envelope.format)}` : 'it has no "format"'}, expected "${SETTINGS_FILE_FORMAT}".`,
    );
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      `The file's "version" is ${'version' in envelope ? shown(version) : 'missing'}; expected a whole number from 1 to ${SETTINGS_VERSION}.`,
    );
  }
  if (version > SETTINGS_VERSION) {
    return refuse(
      `The file was written by a newer version of Fact Cards (settings version ${version}); this one reads versions 1 to ${SETTINGS_VERSION}. Update the extension, then import it again.`,
    );
  }

  let settings: Settings;
  if (version === 1) {
    const parsed = FileV1Schema.safeParse(raw);
    if (!parsed.success)
      return refuse(
        'The settings in the file are invalid (version 1).',
        explainIssues(parsed.error, raw),
      );
    settings = migrateSettingsV1(parsed.data.settings);
  } else {
    const parsed = FileV2Schema.safeParse(raw);
    if (!parsed.success)
      return refuse('The settings in the file are invalid.', explainIssues(parsed.error, raw));
    const s = parsed.data.settings;
    const unique = (list: readonly string[]) => [...new Set(list)];
    settings = {
      ...s,
      disabledSources: unique(s.disabledSources),
      disabledEntities: unique(s.disabledEntities),
      disabledSites: unique(s.disabledSites),
    };
  }

  const notes: string[] = [];
  if (version < SETTINGS_VERSION)
    notes.push(
      `Upgraded from settings version ${version}; every setting the file does not hold is at its default.`,
    );
  if (known) {
    const unknownSources = settings.disabledSources.filter((id) => !known.sourceIds.includes(id));
    const unknownEntities = settings.disabledEntities.filter((id) => !known.entityIds.includes(id));
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
