// The settings file format (lib/settings/file): export, and import that refuses bad files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import {
  exportSettingsFile,
  fieldsHeld,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
} from '@/lib/settings/file';

const custom: Settings = {
  disabledSources: ['benzinga-2024', 'wired-2023-12-22'],
  disabledEntities: ['xai'],
  disabledSites: ['example.com', '*.example.org'],
  siteExceptions: ['news.example.org'],
  trigger: 'modifier',
  modifierKey: 'Shift',
  dwellMs: 750,
  highlightStyle: 'background',
  theme: 'dark',
  toolbarBadge: false,
};

/** What a version 2 file held: everything but the site exceptions and the toolbar badge. */
const { siteExceptions: _e, toolbarBadge: _b, ...customV2 } = custom;
const { siteExceptions: _de, toolbarBadge: _db, ...DEFAULTS_V2 } = DEFAULT_SETTINGS;

const envelope = (settings: unknown, version: unknown = 3, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: SETTINGS_FILE_FORMAT, version, settings, ...extra });

const { dataset } = getBundledDataset();
const known = {
  sourceIds: dataset.sources.map((s) => s.id),
  entityIds: dataset.entities.map((e) => e.id),
};

describe('export', () => {
  it('writes a versioned envelope named by date', () => {
    const file = exportSettingsFile(custom, new Date('2026-11-22T10:00:00Z'));
    expect(file.filename).toBe('factcards-settings-2026-11-22.json');
    expect(JSON.parse(file.text)).toEqual({
      format: 'factcards-settings',
      version: 3,
      exportedAt: '2026-11-22T10:00:00.000Z',
      settings: custom,
    });
  });

  it.each([[DEFAULT_SETTINGS], [custom]])('round-trips through import unchanged', (settings) => {
    const result = parseSettingsFile(exportSettingsFile(settings).text, known);
    expect(result).toEqual({ ok: true, settings, fromVersion: 3, notes: [] });
  });

  it('is read without the bundled dataset (the file module imports no data)', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../lib/settings/file.ts'), 'utf8');
    const imports = source.match(/^import .*$/gm) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => /data/.test(line))).toEqual([]);
  });
});

describe('import refuses what is not a valid settings file, saying why', () => {
  const cases: [string, string, RegExp, RegExp?][] = [
    ['empty', '   \n', /empty/],
    ['not JSON', '{ "format": "factcards-settings", ', /not valid JSON/, /JSON/],
    ['a JSON list', '[1,2]', /not a Fact Cards settings file: it holds a list/],
    ['a JSON string', '"settings"', /it holds a string/],
    ['null', 'null', /it holds a null/],
    ['a foreign object', JSON.stringify({ name: 'my-app', version: '1.0.0' }), /no "format"/],
    [
      'another tool',
      JSON.stringify({ format: 'ublock-backup', version: 2 }),
      /its "format" is "ublock-backup", expected "factcards-settings"/,
    ],
    [
      'no version',
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings: DEFAULT_SETTINGS }),
      /"version" is missing/,
    ],
    ['a text version', envelope(DEFAULT_SETTINGS, '2'), /"version" is "2"/],
    ['version 0', envelope(DEFAULT_SETTINGS, 0), /"version" is 0/],
    [
      'a newer version',
      envelope(DEFAULT_SETTINGS, 4),
      /newer version of Fact Cards \(settings version 4\).*versions 1 to 3/,
    ],
    [
      'no settings',
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 3 }),
      /invalid/,
      /^settings: missing$/m,
    ],
    [
      'an out-of-range dwell',
      envelope({ ...DEFAULT_SETTINGS, dwellMs: 5 }),
      /invalid/,
      /settings\.dwellMs: value must be at least 100, found 5/,
    ],
    [
      'a huge dwell',
      envelope({ ...DEFAULT_SETTINGS, dwellMs: 1e9 }),
      /invalid/,
      /settings\.dwellMs: value must be at most 2000, found 1000000000/,
    ],
    [
      'an unknown theme',
      envelope({ ...DEFAULT_SETTINGS, theme: 'purple' }),
      /invalid/,
      /settings\.theme: expected one of "system", "light", "dark", found "purple"/,
    ],
    [
      'a missing field',
      envelope({ ...DEFAULT_SETTINGS, trigger: undefined }),
      /invalid/,
      /settings\.trigger: missing/,
    ],
    [
      'a v2 file missing one of its fields',
      envelope({ ...DEFAULTS_V2, theme: undefined }, 2),
      /invalid \(version 2\)/,
      /settings\.theme: missing/,
    ],
    [
      'a v3 file missing a field added in v3',
      envelope(DEFAULTS_V2, 3),
      /invalid\.$/,
      /settings\.siteExceptions: missing[\s\S]*settings\.toolbarBadge: missing/,
    ],
    [
      'an unknown field',
      envelope({ ...DEFAULT_SETTINGS, colour: 'red' }),
      /invalid/,
      /unknown key\(s\) colour/,
    ],
    [
      'a bad site',
      envelope({ ...DEFAULT_SETTINGS, disabledSites: ['https://example.com/'] }),
      /invalid/,
      /settings\.disabledSites\[0\]/,
    ],
    [
      'a list that is not a list',
      envelope({ ...DEFAULT_SETTINGS, disabledSources: 'all' }),
      /invalid/,
      /settings\.disabledSources: expected array, found "all"/,
    ],
    [
      'a v1 file with a bad map',
      envelope({ sources: { a: 'off' } }, 1),
      /invalid \(version 1\)/,
      /settings\.sources\.a: expected boolean/,
    ],
    [
      'a v1 file holding v2 settings',
      envelope(DEFAULT_SETTINGS, 1),
      /invalid \(version 1\)/,
      /unknown key/,
    ],
  ];

  it.each(cases)('%s', (_name, text, error, detail) => {
    const result = parseSettingsFile(text, known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    if (detail) expect(result.details.join('\n')).toMatch(detail);
  });

  it('lists every problem, not only the first', () => {
    const result = parseSettingsFile(
      envelope({ ...DEFAULT_SETTINGS, dwellMs: 5, theme: 'x', trigger: 'y' }),
    );
    expect(result.ok ? [] : result.details).toHaveLength(3);
  });

  it('refuses a file far larger than any settings file, before parsing it', () => {
    const result = parseSettingsFile(`${' '.repeat(MAX_SETTINGS_FILE_BYTES)}{}`);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});

describe('import accepts valid files', () => {
  it('accepts a v3 envelope, with a byte-order mark and extra envelope fields', () => {
    const result = parseSettingsFile(
      `\uFEFF${envelope(custom, 3, { exportedAt: '2026-01-01T00:00:00Z' })}`,
      known,
    );
    expect(result).toEqual({ ok: true, settings: custom, fromVersion: 3, notes: [] });
  });

  it('reads a v2 envelope as the fields it holds: exceptions and badge are left as they are', () => {
    const result = parseSettingsFile(envelope(customV2, 2), known);
    expect(result).toEqual({
      ok: true,
      settings: customV2,
      fromVersion: 2,
      notes: [expect.stringMatching(/Upgraded from settings version 2/)],
    });
    if (result.ok) expect(fieldsHeld(result.settings)).not.toContain('siteExceptions');
    // A v2 file may not hold the v3 fields.
    expect(parseSettingsFile(envelope({ ...customV2, toolbarBadge: true }, 2)).ok).toBe(false);
  });

  it('migrates a v1 envelope to the one field it holds, so the reader’s sites are kept', () => {
    const result = parseSettingsFile(
      envelope({ sources: { 'benzinga-2024': false, 'wired-2023-12-22': true } }, 1),
      known,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({ disabledSources: ['benzinga-2024'] });
    expect(fieldsHeld(result.settings)).toEqual(['disabledSources']);
    expect(result.fromVersion).toBe(1);
    expect(result.notes.join(' ')).toMatch(
      /Upgraded from settings version 1: the settings this file does not hold keep their current values/,
    );
  });

  it('drops duplicates and points out ids this dataset does not know (keeping them)', () => {
    const result = parseSettingsFile(
      envelope({
        ...DEFAULT_SETTINGS,
        disabledSources: ['wired-2023-12-22', 'gone-source', 'wired-2023-12-22'],
        disabledEntities: ['someone'],
      }),
      known,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.disabledSources).toEqual(['wired-2023-12-22', 'gone-source']);
    expect(result.notes).toEqual([
      expect.stringMatching(/Source ids not in this dataset.*gone-source/),
      expect.stringMatching(/Entity ids not in this dataset.*someone/),
    ]);
  });
});
