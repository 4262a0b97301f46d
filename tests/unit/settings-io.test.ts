import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import {
  exportSettingsFile,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
} from '@/lib/settings-io';

const custom: Settings = {
  disabledSources: ['benzinga-2024', 'wired-2023-12-22'],
  disabledEntities: ['xai'],
  disabledSites: ['example.com', '*.example.org'],
  trigger: 'modifier',
  modifierKey: 'Shift',
  dwellMs: 750,
  highlightStyle: 'background',
  theme: 'dark',
};

const envelope = (settings: unknown, version: unknown = 2, extra: Record<string, unknown> = {}) =>
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
      version: 2,
      exportedAt: '2026-11-22T10:00:00.000Z',
      settings: custom,
    });
  });

  it.each([[DEFAULT_SETTINGS], [custom]])('round-trips through import unchanged', (settings) => {
    const result = parseSettingsFile(exportSettingsFile(settings).text, known);
    expect(result).toEqual({ ok: true, settings, fromVersion: 2, notes: [] });
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
      envelope(DEFAULT_SETTINGS, 3),
      /newer version of Fact Cards \(settings version 3\).*versions 1 to 2/,
    ],
    [
      'no settings',
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2 }),
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
  it('accepts a v2 envelope, with a byte-order mark and extra envelope fields', () => {
    const result = parseSettingsFile(
      `\uFEFF${envelope(custom, 2, { exportedAt: '2026-01-01T00:00:00Z' })}`,
      known,
    );
    expect(result).toEqual({ ok: true, settings: custom, fromVersion: 2, notes: [] });
  });

  it('migrates a v1 envelope and says so', () => {
    const result = parseSettingsFile(
      envelope({ sources: { 'benzinga-2024': false, 'wired-2023-12-22': true } }, 1),
      known,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, disabledSources: ['benzinga-2024'] });
    expect(result.fromVersion).toBe(1);
    expect(result.notes.join(' ')).toMatch(/Upgraded from settings version 1/);
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
